/**
 * Runtime validation of tally-feed/1: shape (valibot), then references and arithmetic
 * (`references.ts`), then sanitising of values that are ignored rather than fatal
 * (colours that are not colours, links that are not http(s)). The result is frozen.
 */
import * as v from 'valibot';
import { FeedSchema, type Feed } from './schema.js';
import { checkReferences } from './references.js';
import { sanitiseFeed } from './sanitise.js';

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

function pathOf(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    if (typeof key === 'number') path += `[${key}]`;
    else path += path ? `.${String(key)}` : String(key);
  }
  return path;
}

function messageOf(issue: v.BaseIssue<unknown>): string {
  // valibot's defaults read "Invalid type: Expected string but received 12"; ours are set per field.
  // For a missing required key the received value is undefined: say so plainly.
  if (issue.kind === 'schema' && issue.received === 'undefined') return 'is required';
  return issue.message;
}

/** Validate anything (a parsed JSON value, an object from host code) as a tally-feed/1 feed. */
export function validateFeed(input: unknown): FeedValidation {
  return validate(input, true);
}

/**
 * `hostOwned`: the input belongs to the caller (the `feed` property, `assertFeed`). The
 * validated feed is new objects, except the values of unknown extra fields, which valibot
 * passes through as they are: those are the host's own and are left unfrozen, so validating
 * never changes what the host holds. A feed parsed from text is nobody else's: all frozen.
 */
function validate(input: unknown, hostOwned: boolean): FeedValidation {
  const parsed = v.safeParse(FeedSchema, input, { abortPipeEarly: true });
  if (!parsed.success) {
    const errors = parsed.issues.map((issue) => ({ path: pathOf(issue), message: messageOf(issue) }));
    return { ok: false, errors, warnings: [] };
  }
  const errors = checkReferences(parsed.output);
  const { feed, warnings } = sanitiseFeed(parsed.output);
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, feed: deepFreeze(feed, hostOwned ? objectsIn(input) : undefined), warnings };
}

/** Parse JSON text and validate it. Text that is not JSON (an HTML error page) is an error, not a throw. */
export function parseFeed(text: string): FeedValidation {
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
  return validate(value, false);
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
