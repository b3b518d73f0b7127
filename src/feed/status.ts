/**
 * What a widget's status line says, decided from a source's state (pure; words come from
 * the message tables): "Updated 02:41 · checking…", "Reconnecting — showing results from 02:41".
 */
import type { Feed } from './schema.js';
import type { FeedError } from './source.js';

export type FeedStatus =
  /** Nothing to show yet. */
  | { readonly kind: 'loading' }
  /** Nothing to show, and the last attempt failed. */
  | { readonly kind: 'failed'; readonly reason: string }
  /** Results on screen and current. */
  | { readonly kind: 'current'; readonly updatedAt: string; readonly checking: boolean }
  /** Results on screen; the last request failed and a retry is scheduled. */
  | {
      readonly kind: 'reconnecting';
      readonly updatedAt: string;
      readonly reason: string;
      readonly retryIn: number | undefined;
    }
  /** Results on screen; the last response could not be used (invalid feed). */
  | { readonly kind: 'kept'; readonly updatedAt: string; readonly reason: string }
  /** Results on screen, but no successful check for several intervals. */
  | { readonly kind: 'stale'; readonly updatedAt: string; readonly lastChecked: number | undefined };

export interface FeedStatusInput {
  readonly feed: Feed | undefined;
  readonly error: FeedError | undefined;
  readonly stale: boolean;
  readonly checking: boolean;
  readonly lastChecked: number | undefined;
}

export function feedStatus(state: FeedStatusInput): FeedStatus {
  const { feed, error } = state;
  if (!feed) return error ? { kind: 'failed', reason: error.reason } : { kind: 'loading' };
  const updatedAt = feed.meta.dataChangedAt;
  if (error?.kind === 'invalid' || error?.kind === 'too-large')
    return { kind: 'kept', updatedAt, reason: error.reason };
  if (error) return { kind: 'reconnecting', updatedAt, reason: error.reason, retryIn: error.retryIn };
  if (state.stale) return { kind: 'stale', updatedAt, lastChecked: state.lastChecked };
  return { kind: 'current', updatedAt, checking: state.checking };
}
