import type { PreferencesTexts } from '../preferences/texts.js';

const plural = new Intl.PluralRules('es');

/** The preferences form's texts in Spanish. */
const es: PreferencesTexts = {
  preferencesTitle: 'Preferencias de notificaciones',
  preferenceCategory: {
    trackActivity: 'Actividad de las pistas',
    collaborators: 'Novedades de colaboradores',
    dueDates: 'Fechas de entrega y recordatorios',
    projects: 'Proyectos y carpetas',
    system: 'Sistema',
  },
  preferenceOption: {
    comment: 'Un colaborador añade o edita un comentario',
    'stage-changed': 'Cambia la etapa de una pista',
    'metadata-updated': 'Se actualiza la portada o los metadatos',
    published: 'Una pista se marca como publicada',
    invitation: 'Nuevas solicitudes o invitaciones de colaboración',
    membership: 'Un colaborador se une a una pista o sale de ella',
    'profile-changed': 'Cambios de perfil de tus colaboradores',
    'due-reminder': 'Recordatorios antes de la fecha de entrega de una pista',
    'due-passed': 'Se supera la fecha de entrega de una pista',
    overdue: 'Pistas atrasadas',
    'track-added': 'Nuevas pistas en tus proyectos',
    'bucket-changed': 'Carpetas renombradas o reorganizadas',
    'project-announcement': 'Anuncios del proyecto',
    'security-alert': 'Alertas de seguridad (nuevos inicios de sesión, cambios de contraseña)',
    'account-verification': 'Mensajes de verificación de la cuenta',
    'service-announcement': 'Anuncios del servicio y avisos de mantenimiento',
  },
  showOptions: (category) => `Opciones de ${category}`,
  notifyMeAbout: 'Avisarme sobre',
  reminderLead: 'Recordarme antes de una fecha de entrega',
  days: (count) => (plural.select(count) === 'one' ? `${count} día` : `${count} días`),
  channels: 'Canales',
  inApp: 'En la app',
  email: 'Correo',
  securityWarning: 'Las alertas de seguridad protegen tu cuenta. Te recomendamos mantenerlas activadas.',
  save: 'Guardar preferencias',
  saving: 'Guardando…',
  saved: 'Preferencias guardadas.',
  savedOffline: 'Tus preferencias se guardarán cuando vuelva la conexión.',
  discard: 'Descartar cambios',
  saveFailed: 'No se pudieron guardar tus preferencias. Inténtalo de nuevo.',
  conflict:
    'Estas preferencias se cambiaron en otra sesión mientras las editabas. Se cargó esa versión y tus cambios se mantienen sobre ella: vuelve a guardar para aplicarlos o descártalos.',
  incoming: 'Tus preferencias acaban de cambiar en otra sesión.',
  takeTheirs: 'Usar la otra versión',
  keepMine: 'Conservar mis cambios',
  preferencesLoading: 'Cargando preferencias…',
  preferencesLoadFailed: 'No se pudieron cargar las preferencias.',
};

export default es;
