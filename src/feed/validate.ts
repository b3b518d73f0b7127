/**
 * Runtime validation of tally-feed/1: shape (valibot), then references and arithmetic
 * (`references.ts`), then sanitising of values that are ignored rather than fatal
 * (colours that are not colours, links that are not http(s)). The result is frozen.
 */
import * as v from 'valibot';
import { sameJson } from './same-json.js';
import { FEED_LIMITS, FeedSchema, type Area, type Feed } from './schema.js';
import { checkReferences } from './references.js';
import { mayHoldBidiControls, sanitiseFeed, withoutBidiControls } from './sanitise.js';
import { compileFastCheck } from './fast-validate.js';

/** The schema's fast path for feeds nobody else holds (see fast-validate.ts). */
const isCertainlyValid = compileFastCheck(FeedSchema);

/** One problem found in a feed, with the path to the offending value. */
export interface FeedIssue {
  /** Where in the feed: "areas[12].control.after". Empty for the whole document. */
  readonly path: string;
  /** Why: "unknown party 'lib'". */
  readonly message: string;
}

export type FeedValidation =
  | { readonly ok: true; readonly feed: Feed; readonly warnings: readonly FeedIssue[] }
  | { readonly ok: false; readonly errors: readonly FeedIssue[]; readonly warnings: readonly FeedIssue[] };

/** Thrown by `assertFeed`; carries every issue found. */
export class FeedValidationError extends Error {
  readonly issues: readonly FeedIssue[];
  constructor(issues: readonly FeedIssue[]) {
    super(`Invalid tally feed: ${formatIssues(issues)}`);
    this.name = 'FeedValidationError';
    this.issues = issues;
  }
}

/** "areas[12].control.after: unknown party 'lib'" for one issue. */
export function formatIssue(issue: FeedIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** The first few issues joined into one line, with a count of the rest. */
export function formatIssues(issues: readonly FeedIssue[], limit = 3): string {
  const shown = issues.slice(0, limit).map(formatIssue).join('; ');
  const more = issues.length - limit;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}

/** "areas[3].results[0].party"; `areaIndex` maps an index among the areas validated to the feed's own. */
function pathOf(issue: v.BaseIssue<unknown>, areaIndex?: (index: number) => number): string {
  let path = '';
  const items = issue.path ?? [];
  items.forEach((item, depth) => {
    let key = (item as { key?: unknown }).key;
    if (areaIndex && depth === 1 && typeof key === 'number' && (items[0] as { key?: unknown }).key === 'areas')
      key = areaIndex(key);
    if (typeof key === 'number') path += `[${key}]`;
    else path += path ? `.${String(key)}` : String(key);
  });
  return path;
}

function messageOf(issue: v.BaseIssue<unknown>): string {
  // valibot's defaults read "Invalid type: Expected string but received 12"; ours are set per field.
  // For a missing required key the received value is undefined: say so plainly.
  if (issue.kind === 'schema' && issue.received === 'undefined') return 'is required';
  return issue.message;
}

/**
 * Validate anything (a parsed JSON value, an object from host code) as a tally-feed/1 feed.
 * `previous`, the feed on screen now: an area equal to one of its areas (same id, same content)
 * keeps that area's validated object instead of being checked again, as most areas are from one
 * publication to the next. What needs the whole feed (references, sums) is checked every time.
 */
export function validateFeed(input: unknown, previous?: Feed): FeedValidation {
  return validate(input, true, previous, true);
}

/**
 * `hostOwned`: the input belongs to the caller (the `feed` property, `assertFeed`). The
 * validated feed is new objects, except the values of unknown extra fields, which valibot
 * passes through as they are: those are the host's own and are left unfrozen, so validating
 * never changes what the host holds. A feed parsed from text is nobody else's: all frozen.
 * `mayHoldBidi`: false when the text it came from has no bidi control (nothing to take out).
 */
function validate(
  input: unknown,
  hostOwned: boolean,
  previous: Feed | undefined,
  mayHoldBidi: boolean,
): FeedValidation {
  // Before anything walks the feed: a list far over its limit is not checked item by item,
  // and nothing deeper than any feed needs reaches code that recurses.
  const oversize = oversizeList(input);
  if (oversize) return { ok: false, errors: [oversize], warnings: [] };
  const { checked, reuse } = unchangedAreas(input, previous);
  // A host's object may hold cycles in its extra fields (JSON text cannot): each object once.
  const tooDeep = nestedTooDeep(checked, MAX_NESTING, hostOwned, reuse && ((index: number) => reuse.changed[index]!));
  if (tooDeep) return { ok: false, errors: [tooDeep], warnings: [] };
  const hostObjects = hostOwned ? objectsIn(checked) : undefined;
  let output: Feed;
  if (!hostOwned && isCertainlyValid(checked)) {
    // Parsed from text, so ours alone: checked where it is, it is its own validated copy.
    output = checked as Feed;
  } else {
    const parsed = v.safeParse(FeedSchema, checked, { abortPipeEarly: true });
    if (!parsed.success) {
      const areaIndex = reuse && ((index: number) => reuse.changed[index]!);
      const errors = parsed.issues.map((issue) => ({ path: pathOf(issue, areaIndex), message: messageOf(issue) }));
      return { ok: false, errors, warnings: [] };
    }
    output = parsed.output;
  }
  // Kept areas were cleaned when they were first validated; the host's own objects are left alone.
  const bidi = mayHoldBidi
    ? withoutBidiControls(output, hostObjects, reuse && ((index: number) => reuse.changed[index]!))
    : undefined;
  if (bidi) output = bidi.value;
  if (reuse) {
    let next = 0;
    const checkedAreas = output.areas;
    output = { ...output, areas: reuse.kept.map((area) => area ?? checkedAreas[next++]!) };
  }
  // Kept areas passed every check in the feed on screen; with the same parties, they pass again.
  const keptChecked =
    reuse && previous && sameParties(output.parties, previous.parties)
      ? (index: number) => reuse.kept[index] !== undefined
      : undefined;
  const errors = checkReferences(output, keptChecked);
  const { feed, warnings } = sanitiseFeed(output);
  if (bidi && bidi.changed > 0) {
    const more = bidi.changed > 1 ? ` (and from ${bidi.changed - 1} more ${bidi.changed > 2 ? 'texts' : 'text'})` : '';
    warnings.push({
      path: bidi.first ?? '',
      message: `bidirectional control characters removed${more}: they could reorder the figures shown beside the text`,
    });
  }
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, feed: deepFreeze(feed, hostObjects), warnings };
}

/**
 * How deeply objects and arrays may nest anywhere in a feed, unknown fields included. The
 * format itself needs five levels; a feed nested 100,000 deep (in a field nobody reads)
 * would otherwise overflow the stack of whatever walks it.
 */
export const MAX_NESTING = 32;

/**
 * The first place `value` nests more than `max` levels deep, as an issue; undefined if nowhere.
 * `mayCycle`: objects may be reached twice, so each is walked once. `areaIndex` maps an index
 * among the areas checked to the feed's own (see `pathOf`).
 */
function nestedTooDeep(
  value: unknown,
  max: number,
  mayCycle: boolean,
  areaIndex?: (index: number) => number,
): FeedIssue | undefined {
  // Iterative, with the path kept only as parent links: a deep value must not overflow this either.
  interface Step {
    readonly value: unknown;
    readonly depth: number;
    readonly key: string | number;
    readonly parent: Step | undefined;
  }
  const stack: Step[] = [{ value, depth: 0, key: '', parent: undefined }];
  const seen = mayCycle ? new Set<object>() : undefined;
  while (stack.length > 0) {
    const step = stack.pop()!;
    const item = step.value;
    if (item === null || typeof item !== 'object') continue;
    if (seen) {
      if (seen.has(item)) continue;
      seen.add(item);
    }
    if (step.depth >= max) {
      const keys: (string | number)[] = [];
      for (let at: Step | undefined = step; at?.parent; at = at.parent) keys.push(at.key);
      keys.reverse();
      if (areaIndex && keys[0] === 'areas' && typeof keys[1] === 'number') keys[1] = areaIndex(keys[1]);
      const path = keys.reduce<string>(
        (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key),
        '',
      );
      return {
        path: path.length > 200 ? `${path.slice(0, 200)}…` : path,
        message: `nests more than ${max} levels deep; a feed needs no more than that`,
      };
    }
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++)
        if (item[i] !== null && typeof item[i] === 'object')
          stack.push({ value: item[i], depth: step.depth + 1, key: i, parent: step });
    } else {
      for (const key in item) {
        const child = (item as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object')
          stack.push({ value: child, depth: step.depth + 1, key, parent: step });
      }
    }
  }
  return undefined;
}

/** A top-level list over its limit (FEED_LIMITS), found before its items are validated one by one. */
function oversizeList(input: unknown): FeedIssue | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const lists: [string, unknown, number, string][] = [
    ['areas', (input as { areas?: unknown }).areas, FEED_LIMITS.areas, 'areas'],
    ['parties', (input as { parties?: unknown }).parties, FEED_LIMITS.parties, 'parties'],
    ['events', (input as { events?: unknown }).events, FEED_LIMITS.events, 'events'],
  ];
  for (const [path, list, max, what] of lists) {
    if (Array.isArray(list) && list.length > max) return { path, message: tooMany(list.length, max, what) };
  }
  return undefined;
}

const tooMany = (count: number, max: number, what: string) =>
  `lists ${count.toLocaleString('en-GB')} ${what}; a feed may list at most ${max.toLocaleString('en-GB')}`;

const sameParties = (a: Feed['parties'], b: Feed['parties']) =>
  a.length === b.length && a.every((party, index) => party.id === b[index]!.id);

interface AreaReuse {
  /** Per area of the input: the previous feed's validated area when unchanged. */
  readonly kept: readonly (Area | undefined)[];
  /** Indexes of the input's areas that are checked again. */
  readonly changed: readonly number[];
}

/**
 * The input with only its new or changed areas left to check, and the validated areas of
 * `previous` that the others keep. An area is kept when it equals, as JSON, a validated area
 * of `previous` with the same id that is wholly the validator's own (frozen: no value of the
 * host's inside, see `validate`).
 */
function unchangedAreas(input: unknown, previous: Feed | undefined): { checked: unknown; reuse?: AreaReuse } {
  if (!previous || typeof input !== 'object' || input === null) return { checked: input };
  const areas = (input as { areas?: unknown }).areas;
  if (!Array.isArray(areas) || previous.areas.length === 0) return { checked: input };
  const before = new Map<unknown, Area>();
  for (const area of previous.areas) before.set(area.id, area);
  const kept: (Area | undefined)[] = [];
  const changed: number[] = [];
  const changedAreas: unknown[] = [];
  areas.forEach((area: unknown, index) => {
    const old = typeof area === 'object' && area !== null ? before.get((area as { id?: unknown }).id) : undefined;
    if (old !== undefined && sameAsOurs(area, old)) kept.push(old);
    else {
      kept.push(undefined);
      changed.push(index);
      changedAreas.push(area);
    }
  });
  if (changed.length === areas.length) return { checked: input };
  return { checked: { ...input, areas: changedAreas }, reuse: { kept, changed } };
}

/** `value` equals `ours` as JSON, and every object in `ours` is frozen (the validator's own). */
const sameAsOurs = (value: unknown, ours: unknown) => sameJson(value, ours, Object.isFrozen);

/**
 * Parse JSON text and validate it. Text that is not JSON (an HTML error page) is an error, not a
 * throw. `previous`: the feed on screen, whose unchanged areas are reused (see `validateFeed`).
 */
export function parseFeed(text: string, previous?: Feed): FeedValidation {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const trimmed = text.trimStart();
    const reason = trimmed.startsWith('<')
      ? 'received HTML, not JSON (an error page?)'
      : `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
    return { ok: false, errors: [{ path: '', message: reason }], warnings: [] };
  }
  return validate(value, false, previous, mayHoldBidiControls(text));
}

/** Validate or throw a `FeedValidationError`. */
export function assertFeed(input: unknown): Feed {
  const result = validateFeed(input);
  if (!result.ok) throw new FeedValidationError(result.errors);
  return result.feed;
}

/** Freeze `value` and everything in it, except objects in `leave` (and what hangs from them). */
function deepFreeze<T>(value: T, leave?: ReadonlySet<object>): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value) && !leave?.has(value)) {
    Object.freeze(value);
    // Indexes and for…in rather than Object.values: no array made per object (thousands of them).
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i], leave);
    else for (const key in value) deepFreeze((value as Record<string, unknown>)[key], leave);
  }
  return value;
}

/** Every object reachable from `value` (cycles allowed). */
function objectsIn(value: unknown): Set<object> {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item !== 'object' || seen.has(item)) continue;
    seen.add(item);
    for (const child of Object.values(item)) stack.push(child);
  }
  return seen;
}
