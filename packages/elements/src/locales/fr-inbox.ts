import type { InboxTexts } from '../activity-feed/inbox-texts.js';

const plural = new Intl.PluralRules('fr');
/** `one` or `other`, as French's plural rules pick for `count`. */
const fr1 = (count: number, one: string, other: string) => (plural.select(count) === 'one' ? one : other);

/** The feed's inbox verbs in French. */
const fr: InboxTexts = {
  views: 'Vues',
  view: { inbox: 'Boîte de réception', snoozed: 'En attente', archived: 'Archives' },
  emptySnoozed: 'Rien en attente.',
  emptyArchived: 'Rien dans les archives.',
  archived: 'Archivée',
  restore: 'Restaurer',
  restored: 'De retour dans votre boîte de réception',
  snooze: 'Mettre en attente',
  snoozeFor: {
    hour: '1 heure',
    tomorrow: 'Demain, 9 h',
    nextWeek: 'La semaine prochaine (lundi, 9 h)',
    pick: 'Choisir une date et une heure…',
  },
  snoozeUntilLabel: 'En attente jusqu’au',
  snoozeTimeInvalid: 'Choisissez un moment à venir, dans un an au plus.',
  snoozedUntil: (time) => `En attente jusqu’à ${time}`,
  unsnooze: 'Annuler la mise en attente',
  unsnoozed: 'De retour dans votre boîte de réception',
  cancel: 'Annuler',
  search: 'Rechercher',
  searchLabel: 'Rechercher dans les notifications',
  closeSearch: 'Fermer la recherche',
  results: (count) => (count <= 1 ? `${count} résultat` : `${count} résultats`),
  noResults: (query) => `Aucun résultat pour « ${query} »`,
  searchLocal: 'Hors ligne : correspondances parmi les notifications chargées',
  select: 'Sélectionner',
  selection: 'Sélection',
  selectedCount: (count) => (count <= 1 ? `${count} sélectionnée` : `${count} sélectionnées`),
  selectAllMatching: (count) => `Sélectionner les ${count} correspondantes`,
  allMatchingSelected: (count) => `Les ${count} correspondantes sont sélectionnées`,
  markRead: 'Marquer comme lues',
  markUnread: 'Marquer comme non lues',
  archive: 'Archiver',
  bulkDone: {
    read: (count) => (count <= 1 ? `${count} marquée comme lue` : `${count} marquées comme lues`),
    unread: (count) => (count <= 1 ? `${count} marquée comme non lue` : `${count} marquées comme non lues`),
    archive: (count) => (count <= 1 ? `${count} archivée` : `${count} archivées`),
    unarchive: (count) => (count <= 1 ? `${count} restaurée` : `${count} restaurées`),
  },
  group: {
    others: (name, others) => `${name} et ${others} ${fr1(others, 'autre', 'autres')}`,
    comment: (actors, people, track, count) =>
      people === 1
        ? `${actors} a laissé ${count} commentaires sur « ${track} »`
        : `${actors} ont commenté « ${track} »`,
    stage: (actors, people, track, count) =>
      `${actors} ${people === 1 ? 'a' : 'ont'} changé l’étape de « ${track} » ${count} fois`,
    invitation: (actor, count) => `${actor} vous a invité à rejoindre ${count} ${fr1(count, 'morceau', 'morceaux')}`,
    more: (title, others) => `${title} et ${others} ${fr1(others, 'autre', 'autres')}`,
    show: (count) => `Afficher les ${count}`,
    hide: (count) => `Masquer les ${count}`,
  },
};

export default fr;
