import { html, nothing, type SVGTemplateResult, type TemplateResult } from 'lit';

export interface IconButtonOptions {
  /** The `part` name (and extra classes after `icon-button`). */
  part: string;
  /** The accessible name, also shown as the tooltip. */
  label: string;
  icon: SVGTemplateResult;
  onClick: (event: MouseEvent) => void;
  disabled?: boolean;
  /** `-1` keeps it out of the Tab order (a row's roving focus reaches it otherwise). */
  tabindex?: number;
  className?: string;
}

/** A round button showing only an icon, named by `label` (the elements' close, dismiss and mark-all buttons). */
export function iconButton({
  part,
  label,
  icon,
  onClick,
  disabled,
  tabindex,
  className,
}: IconButtonOptions): TemplateResult {
  return html`<button
    part=${part}
    class="icon-button ${className ?? ''}"
    type="button"
    tabindex=${tabindex ?? nothing}
    aria-label=${label}
    title=${label}
    ?disabled=${disabled ?? false}
    @click=${onClick}
  >
    ${icon}
  </button>`;
}
