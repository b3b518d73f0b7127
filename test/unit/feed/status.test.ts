import { describe, expect, it } from 'vitest';
import { feedStatus } from '../../../src/feed/status.js';
import type { FeedError } from '../../../src/feed/source.js';
import { council, feed } from '../support/feed.js';

const shown = feed([council('A', 'con', 'con')], { dataChangedAt: '2018-05-04T01:41:00Z' });
const error = (kind: FeedError['kind'], reason: string): FeedError => ({
  kind,
  reason,
  willRetry: true,
  retryIn: 30_000,
  attempt: 1,
});
const base = { feed: undefined, error: undefined, stale: false, checking: false, lastChecked: undefined };

describe('feedStatus', () => {
  it('is loading before anything arrives, and failed when the first attempt failed', () => {
    expect(feedStatus(base)).toEqual({ kind: 'loading' });
    expect(feedStatus({ ...base, error: error('http', 'HTTP 404') })).toEqual({ kind: 'failed', reason: 'HTTP 404' });
  });
  it('shows when the results last changed', () => {
    expect(feedStatus({ ...base, feed: shown, checking: true })).toEqual({
      kind: 'current',
      updatedAt: '2018-05-04T01:41:00Z',
      checking: true,
    });
  });
  it('says it is reconnecting while keeping results on a network error', () => {
    expect(feedStatus({ ...base, feed: shown, error: error('network', 'network error'), stale: true })).toEqual({
      kind: 'reconnecting',
      updatedAt: '2018-05-04T01:41:00Z',
      reason: 'network error',
      retryIn: 30_000,
    });
  });
  it('says the latest update was not usable when the payload was invalid', () => {
    expect(feedStatus({ ...base, feed: shown, error: error('invalid', 'invalid feed: x') })).toEqual({
      kind: 'kept',
      updatedAt: '2018-05-04T01:41:00Z',
      reason: 'invalid feed: x',
    });
  });
  it('is stale after missed checks with no current error', () => {
    expect(feedStatus({ ...base, feed: shown, stale: true, lastChecked: 5 })).toEqual({
      kind: 'stale',
      updatedAt: '2018-05-04T01:41:00Z',
      lastChecked: 5,
    });
  });
});
