import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Relative luminance and alpha of a computed colour (`rgb()`, `rgba()`, `color(srgb …)`); null for another form. */
function read(color: string): { luminance: number; alpha: number } | null {
  const numbers = color.match(/[\d.]+(e-?\d+)?/g)?.map(Number);
  if (!numbers || numbers.length < 3) return null;
  const scale = color.startsWith('color(srgb') ? 1 : color.startsWith('rgb') ? 255 : 0;
  if (!scale) return null;
  const [r, g, b] = numbers.slice(0, 3).map((value) => {
    const c = value / scale;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return { luminance: 0.2126 * r! + 0.7152 * g! + 0.0722 * b!, alpha: numbers[3] ?? 1 };
}

const ratio = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** The two inks a bell falls back to: the dark theme's text and the light theme's. */
const LIGHT_INK = 0.885; // #f2f2f5
const DARK_INK = 0.0124; // #1d1d22

/**
 * Keeps the bell visible: it takes the host's text colour, but where that colour
 * would be unreadable on what the bell is painted on (under 3:1, e.g. a dark
 * frame that set a background and no text colour), it takes the theme text that
 * reads best there (`data-ink` on the button). `--pd-bell-color` is left alone.
 */
export class BellInk implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

  constructor(host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment }) {
    this.#host = host;
    host.addController(this);
  }

  hostUpdated(): void {
    const button = this.#host.renderRoot.querySelector<HTMLElement>('.bell');
    if (!button) return;
    const style = getComputedStyle(this.#host);
    const text = read(style.color);
    const behind = this.#background(button);
    let ink = '';
    if (!style.getPropertyValue('--pd-bell-color').trim() && text && behind !== null) {
      if (ratio(text.luminance, behind) < 3)
        ink = ratio(LIGHT_INK, behind) > ratio(DARK_INK, behind) ? 'light' : 'dark';
    }
    if ((button.dataset.ink ?? '') !== ink) button.dataset.ink = ink;
  }

  /** The luminance of the first mostly opaque background behind `element` (through shadow roots); white at the top. */
  #background(element: Element): number | null {
    for (let at: Element | null = element; at;) {
      const background = read(getComputedStyle(at).backgroundColor);
      if (!background) return null;
      if (background.alpha >= 0.5) return background.luminance;
      at = at.parentElement ?? ((at.getRootNode() as Partial<ShadowRoot>).host as Element | undefined) ?? null;
    }
    return 1;
  }
}
