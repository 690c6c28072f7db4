import type { BrowserTexts } from '../browser/texts.js';

/** The browser channel's texts in French. */
const fr: BrowserTexts = {
  browser: 'Navigateur',
  browserTitle: 'Notifications du navigateur',
  permission: {
    default:
      'Recevez une notification de votre navigateur quand quelque chose de nouveau arrive alors que ce site n’est pas au premier plan.',
    granted:
      'Votre navigateur autorise les notifications de ce site : choisissez « Navigateur » dans les canaux de chaque catégorie concernée.',
    denied:
      'Votre navigateur bloque les notifications de ce site. Pour les autoriser à nouveau, ouvrez les paramètres du site (l’icône à côté de la barre d’adresse), réglez Notifications sur Autoriser, puis rechargez la page.',
    unsupported: 'Ce navigateur ne peut pas afficher de notifications. Elles arrivent toujours ici et par e-mail.',
  },
  turnOnBrowser: 'Activer les notifications du navigateur',
};

export default fr;
