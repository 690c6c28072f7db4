import type { InboxTexts } from '../activity-feed/inbox-texts.js';

const plural = new Intl.PluralRules('es');

/** The feed's inbox verbs in Spanish. */
const es: InboxTexts = {
  views: 'Vistas',
  view: { inbox: 'Recibidas', snoozed: 'Pospuestas', archived: 'Archivadas' },
  emptySnoozed: 'No hay notificaciones pospuestas.',
  emptyArchived: 'No hay notificaciones archivadas.',
  archived: 'Archivada',
  restore: 'Restaurar',
  restored: 'De nuevo en Recibidas',
  snooze: 'Posponer',
  snoozeFor: {
    hour: '1 hora',
    tomorrow: 'Mañana, 9:00',
    nextWeek: 'La próxima semana (lunes, 9:00)',
    pick: 'Elegir fecha y hora…',
  },
  snoozeUntilLabel: 'Posponer hasta',
  snoozeTimeInvalid: 'Elige un momento futuro, como máximo dentro de un año.',
  snoozedUntil: (time) => `Pospuesta hasta el ${time}`,
  unsnooze: 'Dejar de posponer',
  unsnoozed: 'De nuevo en Recibidas',
  cancel: 'Cancelar',
  search: 'Buscar',
  searchLabel: 'Buscar notificaciones',
  closeSearch: 'Cerrar búsqueda',
  results: (count) => (plural.select(count) === 'one' ? `${count} resultado` : `${count} resultados`),
  noResults: (query) => `No hay resultados para «${query}»`,
  searchLocal: 'Sin conexión: coincidencias entre las notificaciones cargadas',
  select: 'Seleccionar',
  selection: 'Selección',
  selectedCount: (count) => (plural.select(count) === 'one' ? `${count} seleccionada` : `${count} seleccionadas`),
  selectAllMatching: (count) =>
    plural.select(count) === 'one' ? `Seleccionar ${count} coincidencia` : `Seleccionar las ${count} coincidencias`,
  allMatchingSelected: (count) =>
    plural.select(count) === 'one' ? `${count} coincidencia seleccionada` : `Las ${count} coincidencias seleccionadas`,
  markRead: 'Marcar leídas',
  markUnread: 'Marcar no leídas',
  archive: 'Archivar',
  bulkDone: {
    read: (count) => (plural.select(count) === 'one' ? `${count} marcada como leída` : `${count} marcadas como leídas`),
    unread: (count) =>
      plural.select(count) === 'one' ? `${count} marcada como no leída` : `${count} marcadas como no leídas`,
    archive: (count) => (plural.select(count) === 'one' ? `${count} archivada` : `${count} archivadas`),
    unarchive: (count) => (plural.select(count) === 'one' ? `${count} restaurada` : `${count} restauradas`),
  },
  group: {
    others: (name, others) => `${name} y ${others} ${plural.select(others) === 'one' ? 'persona más' : 'personas más'}`,
    comment: (actors, people, track, count) =>
      people === 1 ? `${actors} dejó ${count} comentarios en «${track}»` : `${actors} comentaron en «${track}»`,
    stage: (actors, people, track, count) =>
      `${actors} ${people === 1 ? 'cambió' : 'cambiaron'} la etapa de «${track}» ${plural.select(count) === 'one' ? 'una vez' : `${count} veces`}`,
    invitation: (actor, count) =>
      `${actor} te invitó a ${count} ${plural.select(count) === 'one' ? 'pista' : 'pistas'}`,
    more: (title, others) => `${title} y ${others} más`,
    show: (count) => `Mostrar las ${count}`,
    hide: (count) => `Ocultar las ${count}`,
  },
};

export default es;
