import type { Strings } from '../i18n.js';

const plural = new Intl.PluralRules('es');

/** The elements' texts in Spanish. */
const es: Strings = {
  notifications: 'Notificaciones',
  invitations: 'Invitaciones',
  unreadCount: (count) =>
    count === 0
      ? 'No hay notificaciones sin leer'
      : plural.select(count) === 'one'
        ? `${count} notificación sin leer`
        : `${count} notificaciones sin leer`,
  unseenCount: (count) =>
    count === 0
      ? 'No hay notificaciones nuevas'
      : plural.select(count) === 'one'
        ? `${count} notificación nueva`
        : `${count} notificaciones nuevas`,
  pendingCount: (count) =>
    count === 0
      ? 'No hay invitaciones pendientes'
      : plural.select(count) === 'one'
        ? `${count} invitación pendiente`
        : `${count} invitaciones pendientes`,
  markAllRead: 'Marcar todas como leídas',
  dismiss: 'Descartar',
  acceptInvite: 'Aceptar invitación',
  accepting: 'Aceptando…',
  accepted: 'Invitación aceptada',
  acceptFailed: 'No se pudo aceptar la invitación. Inténtalo de nuevo.',
  actionFailed: 'Algo salió mal. Inténtalo de nuevo.',
  feedbackResolved: 'Resuelto',
  feedbackStillOpen: 'Sigue abierto',
  feedbackNotNeeded: 'Ya no requiere atención',
  feedbackSent: 'Gracias, se envió tu respuesta',
  empty: 'No hay notificaciones nuevas.',
  loading: 'Cargando notificaciones…',
  loadingMore: 'Cargando más…',
  loadFailed: 'No se pudieron cargar las notificaciones.',
  retry: 'Reintentar',
  polling: 'Las actualizaciones en tiempo real van lentas',
  offline: 'Sin conexión',
  reconnecting: 'Reconectando…',
  unread: 'No leída',
  highPriority: 'Prioridad alta',
  newNotification: (title) => `Nueva notificación: ${title}`,
  filters: 'Filtrar notificaciones',
  all: 'Todas',
  unreadTab: 'No leídas',
  category: {
    collaboration: 'Colaboración',
    deadline: 'Plazos',
    workflow: 'Producción',
    reminder: 'Recordatorios',
    system: 'Sistema',
    support: 'Soporte',
  },
  sentBy: 'Enviada por',
  permission: { view: 'Solo lectura', edit: 'Edición', full: 'Control total' },
  accept: 'Aceptar',
  decline: 'Rechazar',
  declining: 'Rechazando…',
  declineFailed: 'No se pudo rechazar la invitación. Inténtalo de nuevo.',
  inviteAcceptFailed: 'No se pudo aceptar la invitación. Inténtalo de nuevo.',
  noPendingInvites: 'No hay invitaciones pendientes.',
  collaborationAccepted: 'Colaboración aceptada: los archivos se están sincronizando.',
  invitationsLoading: 'Cargando invitaciones…',
  invitationsLoadFailed: 'No se pudieron cargar las invitaciones.',
  filteredByTrack: (track) => `Invitaciones para ${track}`,
  thisTrack: 'la pista seleccionada',
  showAll: 'Mostrar todas',
  close: 'Cerrar',
  toasts: 'Mensajes',
  closeToast: 'Cerrar mensaje',
  syncing: (done, total) => `Sincronizando archivos: ${done} de ${total}`,
  syncLabel: 'Sincronización de archivos',
  willSync: 'Se sincronizará cuando vuelva la conexión',
  showMore: 'Ver más',
  showLess: 'Ver menos',
  turnOff: 'Desactivar notificaciones de este tipo',
  turnedOff: (option, category) => `Desactivado: ${option} (${category}).`,
  turnedBackOn: (option, category) => `Reactivado: ${option} (${category}).`,
  undo: 'Deshacer',
  inFeed: (categories) => `En tus notificaciones: ${categories}`,
};

export default es;
