/**
 * Checks a payload from the wire against the protocol without shipping a
 * schema library: the checks are data (`wire-checks.generated.ts`, generated
 * from the valibot schemas in `schema.ts` by `scripts/write-wire-checks.ts`),
 * read by the small interpreter below. The client uses these; the reference
 * server validates with valibot itself.
 *
 * A check is a type code or a tagged array:
 * - `'s'` string, `['s', min, max, pattern]` with its limits (null or left out when absent)
 * - `'t'` an RFC 3339 timestamp; `'b'` boolean; `'n'` number
 * - `'i'` integer, `['i', min, max]` with bounds (null or left out when absent)
 * - `['e', ...values]` one of these values
 * - `['a', item]` an array; `['o', entries, strict]` an object (strict: no other keys)
 * - `['?', check]` may be absent; `['N', check]` may be null
 */
export type WireCheck =
  | 's'
  | 't'
  | 'b'
  | 'n'
  | 'i'
  | readonly ['s', (number | null)?, (number | null)?, (string | null)?]
  | readonly ['i', (number | null)?, (number | null)?]
  | readonly ['e', ...(string | number)[]]
  | readonly ['a', WireCheck]
  | readonly ['o', { readonly [key: string]: WireCheck }, boolean]
  | readonly ['?' | 'N', WireCheck];

/** A check that stands for payloads of type T (the type is only for the compiler). */
export type TypedWireCheck<T> = WireCheck & { readonly __payload?: T };

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/i;

/** Where a payload breaks its check (keys and indexes from the root), and what was expected there. */
type Failure = [path: (string | number)[], expected: string];

/**
 * What is wrong with `value` by `check`, e.g. `items.3.createdAt: expected a
 * timestamp`; null when it follows the protocol.
 */
export function wireProblem(check: WireCheck, value: unknown): string | null {
  const failure = failureOf(check, value);
  return failure && `${failure[0].join('.') || '(root)'}: expected ${failure[1]}`;
}

function fail(expected: string): Failure {
  return [[], expected];
}

/** Prefixes a failure's path with the key it was found under. */
function at(key: string | number, failure: Failure | null): Failure | null {
  failure?.[0].unshift(key);
  return failure;
}

// The path is built only on the way back from a failure: checking a valid payload allocates nothing.
function failureOf(check: WireCheck, value: unknown): Failure | null {
  if (typeof check === 'string') {
    switch (check) {
      case 't':
        return typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))
          ? null
          : fail('an RFC 3339 timestamp');
      case 'b':
        return typeof value === 'boolean' ? null : fail('a boolean');
      case 'n':
        return typeof value === 'number' && Number.isFinite(value) ? null : fail('a number');
      case 's':
        return typeof value === 'string' ? null : fail('a string');
      default: // 'i'
        return Number.isInteger(value) ? null : fail('an integer');
    }
  }
  const [tag, a, b, c] = check as readonly [string, unknown, unknown, unknown];
  switch (tag) {
    case '?':
    case 'N':
      return value === (tag === '?' ? undefined : null) ? null : failureOf(a as WireCheck, value);
    case 'o': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('an object');
      const entries = a as Record<string, WireCheck>;
      for (const key in entries) {
        const failure = at(key, failureOf(entries[key]!, (value as Record<string, unknown>)[key]));
        if (failure) return failure;
      }
      if (b) for (const key in value) if (!(key in entries)) return fail(`no key "${key}"`);
      return null;
    }
    case 'a':
      if (!Array.isArray(value)) return fail('an array');
      for (let index = 0; index < value.length; index++) {
        const failure = at(index, failureOf(a as WireCheck, value[index]));
        if (failure) return failure;
      }
      return null;
    case 'e': {
      const values = check as readonly unknown[];
      return values.includes(value, 1) ? null : fail(`one of ${values.slice(1).join(', ')}`);
    }
    case 's':
      if (typeof value !== 'string') return fail('a string');
      if (a != null && value.length < (a as number)) return fail(`at least ${a as number} characters`);
      if (b != null && value.length > (b as number)) return fail(`at most ${b as number} characters`);
      return c != null && !pattern(c as string).test(value) ? fail(`a string matching ${c as string}`) : null;
    default: // 'i'
      if (!Number.isInteger(value)) return fail('an integer');
      if (a != null && (value as number) < (a as number)) return fail(`at least ${a as number}`);
      return b != null && (value as number) > (b as number) ? fail(`at most ${b as number}`) : null;
  }
}

const patterns = new Map<string, RegExp>();
function pattern(source: string): RegExp {
  let compiled = patterns.get(source);
  if (!compiled) patterns.set(source, (compiled = new RegExp(source)));
  return compiled;
}
