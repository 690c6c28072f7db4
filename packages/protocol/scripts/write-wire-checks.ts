/**
 * Writes packages/protocol/src/wire-checks.generated.ts: the checks the client
 * runs on payloads (see src/wire-check.ts), generated from the valibot schemas
 * so the protocol is still written once. `npm run build:schema`; a test fails
 * when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import * as s from '../src/schema.js';

export const WIRE_CHECKS_PATH = new URL('../src/wire-checks.generated.ts', import.meta.url);

/** The schemas the client checks, by the name of their generated check, with the type they stand for. */
const CHECKED = {
  Actor: [s.ActorSchema, 'Actor'],
  Notification: [s.NotificationSchema, 'Notification'],
  NotificationPage: [s.NotificationPageSchema, 'NotificationPage'],
  NotificationRef: [s.NotificationRefSchema, 'NotificationRef'],
  ReadAllResult: [s.ReadAllResultSchema, 'ReadAllResult'],
  BulkResult: [s.BulkResultSchema, 'BulkResult'],
  Invitation: [s.InvitationSchema, 'Invitation'],
  InvitationList: [s.InvitationListSchema, 'InvitationList'],
  Track: [s.TrackSchema, 'Track'],
  TrackList: [s.TrackListSchema, 'TrackList'],
  SyncProgress: [s.SyncProgressSchema, 'SyncProgress'],
  SyncList: [s.SyncListSchema, 'SyncList'],
  Acceptance: [s.AcceptanceSchema, 'Acceptance'],
  ActionResult: [s.ActionResultSchema, 'ActionResult'],
  Channels: [s.ChannelsSchema, 'Channels'],
  Preferences: [s.PreferencesSchema, 'Preferences'],
  Counts: [s.CountsSchema, 'Counts'],
  User: [s.UserSchema, 'User'],
  ReadyEvent: [s.ReadyEventSchema, 'ReadyEvent'],
  ResetEvent: [s.ResetEventSchema, 'ResetEvent'],
} as const;

interface SchemaNode {
  type: string;
  entries?: Record<string, SchemaNode>;
  item?: SchemaNode;
  wrapped?: SchemaNode;
  options?: readonly (string | number)[];
  pipe?: readonly { kind: string; type: string; requirement?: unknown }[];
}

/**
 * Picklists the client only passes through: any string is accepted, so a
 * server that adds a notification type does not make older clients refuse
 * whole pages.
 */
const OPEN_PICKLISTS = new Set<object>([s.NotificationTypeSchema]);

/** The check of one schema, as TypeScript source; named schemas become references. */
function checkSource(schema: SchemaNode, names: Map<object, string>, root: boolean): string {
  if (OPEN_PICKLISTS.has(schema)) return "'s'";
  const named = names.get(schema);
  if (named && !root) return `${named}Check`;
  const actions = (schema.pipe ?? []).filter((step) => step.kind === 'validation');
  const requirement = (type: string) => actions.find((action) => action.type === type)?.requirement;
  const known = new Set(['min_length', 'max_length', 'regex', 'iso_timestamp', 'integer', 'min_value', 'max_value']);
  for (const action of actions) if (!known.has(action.type)) throw new Error(`no wire check for ${action.type}`);
  const literal = (value: unknown) => (value === undefined ? 'null' : JSON.stringify(value));
  switch (schema.type) {
    case 'string': {
      if (actions.some((action) => action.type === 'iso_timestamp')) return "'t'";
      const pattern = requirement('regex') as RegExp | undefined;
      const limits = [requirement('min_length'), requirement('max_length'), pattern?.source];
      return limits.every((limit) => limit === undefined) ? "'s'" : `['s', ${trimmed(limits).map(literal).join(', ')}]`;
    }
    case 'number': {
      if (!actions.some((a) => a.type === 'integer')) return "'n'";
      const bounds = [requirement('min_value'), requirement('max_value')];
      return bounds.every((bound) => bound === undefined) ? "'i'" : `['i', ${trimmed(bounds).map(literal).join(', ')}]`;
    }
    case 'boolean':
      return "'b'";
    case 'picklist':
      return `['e', ${schema.options!.map((option) => JSON.stringify(option)).join(', ')}]`;
    case 'array':
      return `['a', ${checkSource(schema.item!, names, false)}]`;
    case 'optional':
      return `['?', ${checkSource(schema.wrapped!, names, false)}]`;
    case 'nullable':
      return `['N', ${checkSource(schema.wrapped!, names, false)}]`;
    case 'object':
    case 'strict_object': {
      const entries = Object.entries(schema.entries!).map(
        ([key, value]) => `${/^[a-z]\w*$/i.test(key) ? key : JSON.stringify(key)}: ${checkSource(value, names, false)}`,
      );
      return `['o', { ${entries.join(', ')} }, ${schema.type === 'strict_object'}]`;
    }
    default:
      throw new Error(`no wire check for a ${schema.type} schema`);
  }
}

/** Limits without the absent ones at the end. */
function trimmed(limits: unknown[]): unknown[] {
  const out = [...limits];
  while (out.at(-1) === undefined) out.pop();
  return out;
}

export function renderWireChecks(): string {
  const names = new Map<object, string>(Object.entries(CHECKED).map(([name, [schema]]) => [schema, name]));
  const types = [...new Set(Object.values(CHECKED).map(([, type]) => type))].sort();
  const lines = [
    '// Generated from schema.ts by scripts/write-wire-checks.ts (npm run build:schema): do not edit.',
    `import type { ${types.join(', ')} } from './types.js';`,
    "import type { TypedWireCheck } from './wire-check.js';",
    '',
  ];
  for (const [name, [schema, type]] of Object.entries(CHECKED)) {
    lines.push(
      `export const ${name}Check: TypedWireCheck<${type}> = ${checkSource(schema as SchemaNode, names, true)};`,
    );
  }
  const events = Object.entries(s.EVENT_SCHEMAS).map(([event, schema]) => {
    const name = names.get(schema);
    if (!name) throw new Error(`the ${event} event's schema has no named wire check`);
    return `  ${JSON.stringify(event)}: ${name}Check,`;
  });
  lines.push(
    '',
    '/** The check of each stream event’s data, by event name. */',
    'export const EVENT_CHECKS = {',
    ...events,
    '} as const;',
    '',
  );
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(WIRE_CHECKS_PATH, renderWireChecks());
  console.log('wrote packages/protocol/src/wire-checks.generated.ts');
}
