import type { HelpTexts } from '../help/texts.js';

const plural = new Intl.PluralRules('es');

/** The troubleshooting view's texts in Spanish. */
const es: HelpTexts = {
  title: '¿No recibes notificaciones?',
  checkState: { ok: 'correcto', attention: 'requiere tu atención', checking: 'comprobando' },
  checking: 'Comprobando…',
  categoriesCheck: 'Comprueba que la categoría en cuestión esté activada en tus preferencias',
  allCategoriesOn: 'Todas las categorías están activadas.',
  categoriesOff: (count) =>
    plural.select(count) === 'one' ? 'Esta categoría está desactivada:' : 'Estas categorías están desactivadas:',
  turnOn: 'Activar',
  turnOnCategory: (category) => `Activar ${category}`,
  turnOnFailed: 'No se pudo activar. Inténtalo de nuevo.',
  emailCheck: 'Verifica que tu dirección de correo sea correcta en la configuración del perfil',
  emailGoesTo: 'Las notificaciones por correo se envían a',
  noEmail: 'Tu perfil no tiene ninguna dirección de correo.',
  emailUnknown: 'No se pudo comprobar tu dirección de correo en este momento.',
  profileLink: 'Abrir la configuración del perfil',
  emailOnFor: (categories) => `El correo está activado para ${categories}.`,
  emailOff: 'El correo está desactivado en todas las categorías: actívalo en los canales de una categoría.',
  spamCheck: 'Busca las notificaciones por correo en tu carpeta de spam o correo no deseado',
  browserCheck:
    'Asegúrate de que tu navegador o la aplicación de escritorio tengan permiso para mostrar notificaciones',
  browserOnFor: (categories) => `Las notificaciones del navegador están activadas para ${categories}.`,
  browserOff:
    'Las notificaciones del navegador están desactivadas en todas las categorías: elige «Navegador» en los canales de una categoría.',
  connectionCheck: 'Intenta cerrar sesión y volver a iniciarla para renovar la conexión de las notificaciones',
  connection: {
    idle: 'Conectando…',
    connecting: 'Conectando…',
    live: 'Conectado: las notificaciones nuevas llegan al instante.',
    polling: 'Las actualizaciones en tiempo real van lentas: se buscan notificaciones nuevas cada poco tiempo.',
    offline: 'Sin conexión: las notificaciones nuevas llegarán cuando vuelvas a estar en línea.',
  },
  connectionError: (reason) => `Desconectado: ${reason.replace(/[.!?]$/, '')}.`,
  connectionRetrying: 'Se perdió la conexión. Se volverá a intentar automáticamente, o puedes reconectar ahora.',
  reconnect: 'Reconectar',
  reconnectHint: '«Reconectar» vuelve a intentar la conexión ahora mismo y recarga tus notificaciones.',
  tooMany: '¿Recibes demasiadas notificaciones?',
  tooManyAdvice: 'Desactiva las categorías que no tengan que ver con tu forma de trabajar.',
  preferencesLink: 'Abrir las preferencias de notificaciones',
};

export default es;
