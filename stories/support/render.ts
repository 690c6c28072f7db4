/** Small helpers the stories share: waiting for what a play step needs, focus, and realistic long content. */

/**
 * Waits until `find` returns something (a story's play step waiting for its data). Generous: a docs
 * page renders every story of an element at once, each with its own server, on machines under load.
 */
export async function waitFor<T>(find: () => T | null | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error('The story’s element did not appear');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The first element matching `selector` inside `host`'s shadow root, once it is there. */
export const inShadow = <T extends Element = HTMLElement>(host: Element, selector: string): Promise<T> =>
  waitFor(() => host.shadowRoot?.querySelector<T>(selector));

/**
 * Focuses `target` as the keyboard would (its focus ring shows: `:focus-visible`)
 * and waits until it has focus: the story of an element's focused state. The
 * page does not scroll to it (a docs page stays where the reader is).
 */
export async function focusVisibly(target: HTMLElement): Promise<void> {
  target.focus({ focusVisible: true, preventScroll: true } as FocusOptions);
  await waitFor(() => target.matches(':focus-visible'));
}

/** A long comment notification (a real comment, on a track with a long name). */
export const LONG_TRACK_NAME =
  'Northern Lights Over Reykjavík (Extended Club Mix feat. Chloé Laurent & The Night Owls)';
export const LONG_TITLE = `Chloé Laurent commented on “${LONG_TRACK_NAME}”`;
export const LONG_MESSAGE =
  'The second verse needs more space around the vocal: try pulling the pads back by two decibels, widening the backing vocals, and automating the reverb send so that it opens up in the last bar before the chorus. The hi-hats are slightly ahead of the beat from 2:14 onwards. New stems: https://files.moreno.studio/northern-lights-over-reykjavik/stems/lead-vocal_take-14_comped_final-v3.wav';

/**
 * The parameters of a story that cannot share its docs page with the others: there it renders in a
 * frame of its own (`height` tall). For stories whose state the others would disturb: a permission
 * other than the page's (every inline story shares one `window.Notification`), a menu open (it
 * closes when focus leaves it, and the other stories take focus).
 */
export function ownFrame(height: string) {
  return { docs: { story: { inline: false, height } } };
}
