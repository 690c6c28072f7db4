import type { PreferenceCategory, PreferenceOption } from '@pd-notify/protocol/wire';
import type { PreferencesDraft } from './preferences.js';

/**
 * Turns one option of a preferences category on or off in `draft`, as the
 * settings do: on turns its category's main switch on; off turns it off when no
 * option is left on.
 */
export function setPreferenceOption(
  draft: PreferencesDraft,
  category: PreferenceCategory,
  option: PreferenceOption,
  on: boolean,
): void {
  const section = draft.categories[category];
  const options = section.options as Record<string, boolean>;
  options[option] = on;
  if (on) section.enabled = true;
  else if (Object.values(options).every((value) => !value)) section.enabled = false;
}
