/**
 * The elements' one way to show a state (docs/design.md): loading (a turning
 * ring with its text, and placeholder rows where a list will be), empty (an
 * illustration and a sentence), and messages in four tones (error, warning,
 * success, info), each with its icon, so the meaning never rests on colour
 * alone, its text in the text colour, and what to do about it.
 */
import { css, html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { ICONS } from '@pd-notify/client';

export type Tone = 'error' | 'warning' | 'success' | 'info';

const icon = (body: SVGTemplateResult): SVGTemplateResult =>
  svg`<svg class="tone-icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;

/** Each tone's icon: a circled "!", a triangle, a circled check, a circled "i". */
export const toneIcons: Record<Tone, SVGTemplateResult> = {
  error: icon(svg`<circle cx="12" cy="12" r="10"/><path d="M12 7v6M12 16.5h.01"/>`),
  warning: icon(
    svg`<path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z"/><path d="M12 9v4M12 17h.01"/>`,
  ),
  success: icon(svg`<circle cx="12" cy="12" r="10"/><path d="m8 12 3 3 5-6"/>`),
  info: icon(svg`${ICONS.info.map((d) => svg`<path d=${d} />`)}`),
};

export interface CalloutOptions {
  part?: string;
  /** Buttons: what the user can do about it. */
  actions?: TemplateResult | typeof nothing;
  /** Default: `alert` for errors (announced at once), none otherwise. */
  role?: 'alert' | 'status' | null;
}

/** A message in a tinted box: its tone's icon, the text, and what to do. */
export function callout(tone: Tone, text: unknown, { part, actions, role }: CalloutOptions = {}): TemplateResult {
  const announce = role === undefined ? (tone === 'error' ? 'alert' : null) : role;
  // No white space between tags: the part's text is exactly the message and its buttons' labels.
  return html`<div part=${part ?? nothing} class="callout ${tone}" role=${announce ?? nothing}>
    ${toneIcons[tone]}
    <div class="callout-body">
      <p>${text}</p>
      ${actions && actions !== nothing ? html`<div class="callout-actions">${actions}</div>` : nothing}
    </div>
  </div>`;
}

/** A one-line message beside the control it is about (a row's failed action, a save): its icon and text. */
export function note(
  tone: Tone,
  text: unknown,
  part?: string,
  role: 'alert' | 'status' | null = 'alert',
): TemplateResult {
  const icon = toneIcons[tone];
  return html`<p part=${part ?? nothing} class="note ${tone}" role=${role ?? nothing}>${icon}<span>${text}</span></p>`;
}

/**
 * Loading: the ring and its text (announced politely), then `rows` placeholders of
 * what will come (an icon and two lines), drawn at 3:1 on the surface.
 */
export function loading(text: string, rows = 0, part = 'loading'): TemplateResult {
  return html`<div part=${part} class="loading-state">
    <p class="loading-text" role="status"><span class="spinner" aria-hidden="true"></span>${text}</p>
    ${Array.from(
      { length: rows },
      () =>
        html`<div class="skeleton" aria-hidden="true">
          <span class="bone round"></span
          ><span class="bones"><span class="bone"></span><span class="bone short"></span></span>
        </div>`,
    )}
  </div>`;
}

/** Empty: an illustration (a bell or an envelope, with a check) and the sentence. */
export function emptyState(what: 'bell' | 'envelope', text: string, part = 'empty'): TemplateResult {
  return html`<div part=${part} class="empty-state">
    <svg viewBox="0 0 96 96" class="illustration" aria-hidden="true" focusable="false">
      <circle cx="48" cy="48" r="46" fill="currentColor" opacity=".1" />
      <g fill="none" stroke="currentColor" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round">
        ${
          what === 'bell'
            ? svg`<path d="M30 42a18 18 0 1 1 36 0c0 19 8 24 8 24H22s8-5 8-24"/><path d="M42 74a6.5 6.5 0 0 0 12 0"/>`
            : svg`<rect x="20" y="28" width="56" height="40" rx="5"/><path d="m76 33-28 18-28-18"/>`
        }
      </g>
      <circle cx="70" cy="70" r="14" fill="currentColor" />
      <path
        class="mark"
        d="m63 70 5 5 9-10"
        fill="none"
        stroke-width="3.5"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
    <p>${text}</p>
  </div>`;
}

export const feedbackStyles = css`
  .callout {
    --_tone: var(--_accent);
    display: flex;
    align-items: flex-start;
    gap: 0.625rem;
    padding: 0.75rem var(--_inset);
    border: 1px solid color-mix(in srgb, var(--_tone) 40%, var(--_surface));
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_tone) var(--_tint), var(--_surface));
    color: var(--_text);
    font-size: 0.875rem;
    text-align: start;
  }
  .callout-body {
    flex: 1;
    min-inline-size: 0;
  }
  .callout p {
    margin: 0;
  }
  .callout-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-start: 0.625rem;
  }
  .tone-icon {
    color: var(--_tone);
    margin-block-start: 0.0625rem;
  }
  .callout .tone-icon {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
  .note {
    --_tone: var(--_muted);
    display: flex;
    align-items: flex-start;
    gap: 0.375rem;
    margin: 0;
    font-size: 0.875rem;
    color: var(--_text);
  }
  .note .tone-icon {
    inline-size: 1rem;
    block-size: 1rem;
    margin-block-start: 0.125rem;
  }
  .error {
    --_tone: var(--_danger);
  }
  .warning {
    --_tone: var(--_warning);
  }
  .success {
    --_tone: var(--_success);
  }
  .info {
    --_tone: var(--_accent);
  }
  .loading-state {
    padding: 0.75rem var(--_inset);
  }
  .loading-text {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .skeleton {
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
    padding-block: 0.75rem 0.25rem;
  }
  .bones {
    flex: 1;
    display: grid;
    gap: 0.5rem;
    padding-block-start: 0.25rem;
  }
  .bone {
    display: block;
    block-size: 0.625rem;
    border-radius: 999px;
    background: var(--_edge);
    animation: pulse 1.4s ease-in-out infinite;
  }
  .bone.round {
    flex: none;
    inline-size: 2.25rem;
    block-size: 2.25rem;
  }
  .bone.short {
    inline-size: 60%;
  }
  @keyframes pulse {
    50% {
      background: var(--_muted);
    }
  }
  .empty-state {
    display: grid;
    justify-items: center;
    gap: 0.75rem;
    padding: 2rem var(--_inset);
    text-align: center;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .empty-state p {
    margin: 0;
  }
  .illustration {
    inline-size: 6rem;
    block-size: 6rem;
    color: var(--_accent);
  }
  .illustration .mark {
    stroke: var(--_surface);
  }
`;
