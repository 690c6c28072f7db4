/** Inline SVG icons (decorative: every one is aria-hidden; buttons carry names). */
import { svg, type SVGTemplateResult } from 'lit';
import type { Category } from '@pd-notify/client';

const icon = (body: SVGTemplateResult): SVGTemplateResult =>
  svg`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;

export const bellIcon = icon(
  svg`<path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9"/><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0"/>`,
);
export const checkAllIcon = icon(svg`<path d="M18 6 7 17l-5-5"/><path d="m22 10-7.5 7.5L13 16"/>`);
export const checkIcon = icon(svg`<path d="M20 6 9 17l-5-5"/>`);
export const gearIcon = icon(
  svg`<circle cx="12" cy="12" r="3"/><path d="M19.4 15a1.65 1.65 0 0 0 .33 1.82l.06.06a2 2 0 1 1-2.83 2.83l-.06-.06a1.65 1.65 0 0 0-1.82-.33 1.65 1.65 0 0 0-1 1.51V21a2 2 0 1 1-4 0v-.09A1.65 1.65 0 0 0 9 19.4a1.65 1.65 0 0 0-1.82.33l-.06.06a2 2 0 1 1-2.83-2.83l.06-.06a1.65 1.65 0 0 0 .33-1.82 1.65 1.65 0 0 0-1.51-1H3a2 2 0 1 1 0-4h.09A1.65 1.65 0 0 0 4.6 9a1.65 1.65 0 0 0-.33-1.82l-.06-.06a2 2 0 1 1 2.83-2.83l.06.06a1.65 1.65 0 0 0 1.82.33H9a1.65 1.65 0 0 0 1-1.51V3a2 2 0 1 1 4 0v.09a1.65 1.65 0 0 0 1 1.51 1.65 1.65 0 0 0 1.82-.33l.06-.06a2 2 0 1 1 2.83 2.83l-.06.06a1.65 1.65 0 0 0-.33 1.82V9a1.65 1.65 0 0 0 1.51 1H21a2 2 0 1 1 0 4h-.09a1.65 1.65 0 0 0-1.51 1z"/>`,
);
export const musicIcon = icon(
  svg`<path d="M9 18V5l12-2v13"/><circle cx="6" cy="18" r="3"/><circle cx="18" cy="16" r="3"/>`,
);
export const chevronIcon = icon(svg`<path d="m9 18 6-6-6-6"/>`);
export const closeIcon = icon(svg`<path d="M18 6 6 18M6 6l12 12"/>`);
export const mailIcon = icon(svg`<rect x="2" y="4" width="20" height="16" rx="2"/><path d="m22 7-10 6L2 7"/>`);

/** The icon of each category (SPEC AF3). */
export const categoryIcons: Record<Category, SVGTemplateResult> = {
  collaboration: icon(
    svg`<path d="M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/><path d="M22 21v-2a4 4 0 0 0-3-3.87M16 3.13a4 4 0 0 1 0 7.75"/>`,
  ),
  deadline: icon(svg`<rect x="3" y="4" width="18" height="18" rx="2"/><path d="M16 2v4M8 2v4M3 10h18"/>`),
  workflow: icon(svg`<path d="m3 17 2 2 4-4M3 7l2 2 4-4M13 6h8M13 12h8M13 18h8"/>`),
  reminder: icon(svg`<circle cx="12" cy="12" r="10"/><path d="M12 6v6l4 2"/>`),
  system: icon(svg`<circle cx="12" cy="12" r="10"/><path d="M12 16v-4M12 8h.01"/>`),
  support: icon(
    svg`<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/><path d="M9.5 9a2.5 2.5 0 0 1 5 .5c0 1.5-2.5 2-2.5 3M12 15h.01"/>`,
  ),
};

/** The empty-feed illustration (SPEC AF10). */
export const emptyIllustration = svg`<svg viewBox="0 0 120 90" aria-hidden="true" focusable="false" class="illustration">
  <ellipse cx="60" cy="80" rx="38" ry="6" fill="currentColor" opacity=".12"/>
  <path d="M40 36a20 20 0 1 1 40 0c0 22 9 28 9 28H31s9-6 9-28" fill="none" stroke="currentColor" stroke-width="4" stroke-linejoin="round"/>
  <path d="M53 72a7 7 0 0 0 14 0" fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round"/>
  <path d="m50 40 7 7 13-14" fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;
