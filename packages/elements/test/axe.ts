/**
 * axe-core on a whole document: `expect(el).to.be.accessible()` checks one element,
 * blind to what the page around it adds (its banner, its "Messages" region).
 */
import type { AxeResults, RunOptions } from 'axe-core';

type Axe = { run(context: Document, options: RunOptions): Promise<AxeResults> };

/** axe's violations in `doc` (a same-origin frame's too), one line each: the rule and the nodes it names. */
export async function axeViolations(doc: Document = document, options: RunOptions = {}): Promise<string[]> {
  const view = doc.defaultView as (Window & { axe?: Axe }) | null;
  if (!view) throw new Error('the document has no window');
  if (!view.axe) {
    const script = doc.createElement('script');
    script.src = new URL('/node_modules/axe-core/axe.min.js', location.href).href;
    const loaded = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve, { once: true });
      script.addEventListener('error', () => reject(new Error('axe-core did not load')), { once: true });
    });
    doc.head.append(script);
    await loaded;
  }
  // Animations (a toast sliding in) end first: axe reads colours mid-fade otherwise.
  await Promise.all(doc.getAnimations().map((animation) => animation.finished.catch(() => {})));
  const { violations } = await view.axe!.run(doc, options);
  return violations.map((v) => `${v.id}: ${v.nodes.map((node) => JSON.stringify(node.target)).join(' ')}`);
}
