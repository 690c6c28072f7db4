import type { PreferencesTexts } from '../preferences/texts.js';

/** The preferences form's texts in French. */
const fr: PreferencesTexts = {
  preferencesTitle: 'Préférences de notification',
  preferenceCategory: {
    trackActivity: 'Activité des morceaux',
    collaborators: 'Collaborateurs',
    dueDates: 'Échéances et rappels',
    projects: 'Projets et dossiers',
    system: 'Système',
  },
  preferenceOption: {
    comment: 'Un collaborateur ajoute ou modifie un commentaire',
    'stage-changed': 'L’étape d’un morceau change',
    'metadata-updated': 'La pochette ou les métadonnées changent',
    published: 'Un morceau est publié',
    invitation: 'Nouvelles demandes ou invitations',
    membership: 'Un collaborateur rejoint ou quitte un morceau',
    'profile-changed': 'Un collaborateur modifie son profil',
    'due-reminder': 'Rappels avant l’échéance d’un morceau',
    'due-passed': 'L’échéance d’un morceau est passée',
    overdue: 'Morceaux en retard',
    'track-added': 'Nouveaux morceaux dans vos projets',
    'bucket-changed': 'Dossiers renommés ou réorganisés',
    'project-announcement': 'Annonces de projet',
    'security-alert': 'Alertes de sécurité (connexions, mots de passe)',
    'account-verification': 'Vérification du compte',
    'service-announcement': 'Annonces de service et maintenance',
  },
  showOptions: (category) => `Options : ${category}`,
  notifyMeAbout: 'Me prévenir quand',
  reminderLead: 'Me rappeler avant une échéance',
  days: (count) => (count === 1 ? '1 jour' : `${count} jours`),
  channels: 'Canaux',
  inApp: 'Dans l’application',
  email: 'E-mail',
  securityWarning: 'Les alertes de sécurité protègent votre compte. Nous vous conseillons de les garder.',
  save: 'Enregistrer les préférences',
  saving: 'Enregistrement…',
  saved: 'Préférences enregistrées.',
  savedOffline: 'Vos préférences seront enregistrées au retour de la connexion.',
  discard: 'Annuler les modifications',
  saveFailed: 'Vos préférences n’ont pas pu être enregistrées. Réessayez.',
  conflict:
    'Ces préférences ont été modifiées dans une autre session pendant votre saisie. Leur version est chargée et vos modifications sont conservées : enregistrez à nouveau pour les appliquer, ou annulez-les.',
  incoming: 'Vos préférences viennent d’être modifiées dans une autre session.',
  takeTheirs: 'Prendre leur version',
  keepMine: 'Garder mes modifications',
  preferencesLoading: 'Chargement des préférences…',
  preferencesLoadFailed: 'Les préférences n’ont pas pu être chargées.',
};

export default fr;
