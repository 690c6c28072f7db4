import type { HelpTexts } from '../help/texts.js';

/** The troubleshooting view's texts in French. */
const fr: HelpTexts = {
  title: 'Vous ne recevez pas de notifications ?',
  checkState: { ok: 'OK', attention: 'à vérifier', checking: 'vérification en cours' },
  checking: 'Vérification…',
  categoriesCheck: 'Vérifiez que la catégorie concernée est activée dans vos préférences',
  allCategoriesOn: 'Toutes les catégories sont activées.',
  categoriesOff: (count) => (count === 1 ? 'Cette catégorie est désactivée :' : 'Ces catégories sont désactivées :'),
  turnOn: 'Activer',
  turnOnCategory: (category) => `Activer ${category}`,
  turnOnFailed: 'Elle n’a pas pu être activée. Réessayez.',
  emailCheck: 'Vérifiez que votre adresse e-mail est correcte dans les paramètres du profil',
  emailGoesTo: 'Les notifications par e-mail sont envoyées à',
  noEmail: 'Votre profil n’a pas d’adresse e-mail.',
  emailUnknown: 'Votre adresse e-mail n’a pas pu être vérifiée pour le moment.',
  profileLink: 'Ouvrir les paramètres du profil',
  emailOnFor: (categories) => `L’e-mail est activé pour ${categories}.`,
  emailOff: 'L’e-mail est désactivé pour toutes les catégories : activez-le dans les canaux d’une catégorie.',
  spamCheck: 'Vérifiez votre dossier de courrier indésirable pour les notifications par e-mail',
  browserCheck: 'Assurez-vous que votre navigateur ou l’application de bureau autorise les notifications',
  browserOnFor: (categories) => `Les notifications du navigateur sont activées pour ${categories}.`,
  browserOff:
    'Les notifications du navigateur sont désactivées pour toutes les catégories : choisissez « Navigateur » dans les canaux d’une catégorie.',
  connectionCheck:
    'Essayez de vous déconnecter puis de vous reconnecter pour rafraîchir la connexion des notifications',
  connection: {
    idle: 'Connexion…',
    connecting: 'Connexion…',
    live: 'Connecté : les nouvelles notifications arrivent en direct.',
    polling: 'Les mises à jour en direct sont lentes : les nouvelles notifications sont vérifiées régulièrement.',
    offline: 'Hors ligne : les nouvelles notifications arriveront dès votre retour en ligne.',
  },
  connectionError: (reason) => `Non connecté : ${reason.replace(/[.!?]$/, '')}.`,
  connectionRetrying: 'La connexion a été interrompue. Elle réessaiera d’elle-même, ou reconnectez-vous maintenant.',
  reconnect: 'Se reconnecter',
  reconnectHint: 'Se reconnecter réessaie la connexion tout de suite et recharge vos notifications.',
  tooMany: 'Vous recevez trop de notifications ?',
  tooManyAdvice: 'Désactivez les catégories qui ne concernent pas votre façon de travailler.',
  preferencesLink: 'Ouvrir les préférences de notification',
};

export default fr;
