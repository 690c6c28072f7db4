/** Inline SVG icons (decorative: every one is aria-hidden; buttons carry names). */
import { svg, type SVGTemplateResult } from 'lit';
import { ICONS, type IconName } from '@pd-notify/client';

/** An icon of 24 × 24 drawn with strokes, decorative. */
export const icon = (body: SVGTemplateResult): SVGTemplateResult =>
  svg`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;

export const bellIcon = icon(
  svg`<path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9"/><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0"/>`,
);
export const checkAllIcon = icon(svg`<path d="M18 6 7 17l-5-5"/><path d="m22 10-7.5 7.5L13 16"/>`);
export const checkIcon = icon(svg`<path d="M20 6 9 17l-5-5"/>`);
export const musicIcon = icon(
  svg`<path d="M9 18V5l12-2v13"/><circle cx="6" cy="18" r="3"/><circle cx="18" cy="16" r="3"/>`,
);
export const chevronIcon = icon(svg`<path d="m9 18 6-6-6-6"/>`);
export const closeIcon = icon(svg`<path d="M18 6 6 18M6 6l12 12"/>`);
export const mailIcon = icon(svg`<rect x="2" y="4" width="20" height="16" rx="2"/><path d="m22 7-10 6L2 7"/>`);
/** "Turn off notifications like this": a bell struck through. */
export const bellOffIcon = icon(
  svg`<path d="M8.7 3A6 6 0 0 1 18 8a21.3 21.3 0 0 0 .6 5M17 17H3s3-2 3-9a4.67 4.67 0 0 1 .3-1.7"/><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0M2 2l20 20"/>`,
);
const drawn = new Map<IconName, SVGTemplateResult>();

/** An icon of the protocol's table (`NOTIFICATION_KINDS[type].icon`, `CATEGORY_ICONS`), drawn once. */
export function namedIcon(name: IconName): SVGTemplateResult {
  let found = drawn.get(name);
  if (!found) drawn.set(name, (found = icon(svg`${(ICONS[name] ?? ICONS.info).map((d) => svg`<path d=${d} />`)}`)));
  return found;
}
