/** WCAG contrast of computed colours (`rgb()`/`rgba()`, or `color(srgb …)` for a `color-mix()`, as getComputedStyle gives them). */

function channels(color: string): [number, number, number, number] {
  const numbers = color.match(/[\d.]+(e-?\d+)?/g)?.map(Number);
  if (!numbers || numbers.length < 3 || !/^(rgba?|color)\(/.test(color))
    throw new Error(`not an rgb() colour: ${color}`);
  // color(srgb r g b / a) gives each channel from 0 to 1.
  const scale = color.startsWith('color(srgb') ? 255 : 1;
  return [numbers[0]! * scale, numbers[1]! * scale, numbers[2]! * scale, numbers[3] ?? 1];
}

function luminance(color: string): number {
  const [r, g, b] = channels(color).map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The contrast ratio of two opaque colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The colour `element` is painted on: the first ancestor background that is not transparent (through shadow roots). */
export function backgroundOf(element: Element): string {
  for (let at: Element | null = element; at;) {
    const background = getComputedStyle(at).backgroundColor;
    if (channels(background)[3] > 0) return background;
    at = at.parentElement ?? ((at.getRootNode() as Partial<ShadowRoot>).host as Element | undefined) ?? null;
  }
  return 'rgb(255, 255, 255)';
}
