import type { BrowserTexts } from '../browser/texts.js';

/** The browser channel's texts in Spanish. */
const es: BrowserTexts = {
  browser: 'Navegador',
  browserTitle: 'Notificaciones del navegador',
  permission: {
    default:
      'Recibe una notificación del navegador cuando llegue algo nuevo mientras este sitio no esté en primer plano.',
    granted:
      'Tu navegador permite las notificaciones de este sitio: elige «Navegador» en los canales de cada categoría en la que las quieras.',
    denied:
      'Tu navegador bloquea las notificaciones de este sitio. Para volver a permitirlas, abre la configuración del sitio (el icono junto a la barra de direcciones), cambia Notificaciones a Permitir y vuelve a cargar la página.',
    unsupported: 'Este navegador no puede mostrar notificaciones. Seguirán llegando aquí y por correo electrónico.',
  },
  turnOnBrowser: 'Activar notificaciones del navegador',
};

export default es;
