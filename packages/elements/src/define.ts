/** Registers a tag once; a second registration (two bundles, a re-import) is skipped without throwing. */
export function define(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  customElements.define(tag, element);
}
