/**
 * Long nights (issue 10), in Node: the caches behind the feed pipeline hold no feed longer than
 * something else does. The browser soak test (test/browser/hardening-soak.test.ts) measures the
 * whole page; this pins the cause of the leak it found to its module, with a real collection.
 */
import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { feedChanges } from '../../src/feed/changes.js';
import { feedIndex } from '../../src/feed/lookup.js';
import { council, feed } from './support/feed.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A full collection, after the current job (WeakRef targets live until it ends). */
async function collect(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
}

const revision = (n: number) => feed([council('A', 'con', n % 2 === 0 ? 'lab' : 'con')], { revision: n });

describe('nothing keeps old feeds alive', () => {
  it('feedChanges: comparing each feed with the one before lets the old ones go (no chain of cached comparisons)', async () => {
    let previous = revision(1);
    const first = new WeakRef(previous);
    const tenth: WeakRef<object>[] = [];
    for (let n = 2; n <= 200; n += 1) {
      const next = revision(n);
      // Asked several times, as the source, each widget's controller and the ticker do (a late
      // subscriber asks about the feed on its own first).
      feedChanges(undefined, next);
      expect(feedChanges(previous, next)).toBe(feedChanges(previous, next));
      if (n % 10 === 0) tenth.push(new WeakRef(next));
      previous = next;
    }
    await collect();
    expect(first.deref(), 'the first feed').toBeUndefined();
    expect(
      tenth.slice(0, -1).filter((ref) => ref.deref() !== undefined),
      'feeds older than the last one',
    ).toHaveLength(0);
    expect(previous.meta.revision).toBe(200);
  });

  it('the name index of a feed goes with the feed', async () => {
    let current = revision(1);
    const first = new WeakRef(current);
    feedIndex(current);
    current = revision(2);
    feedIndex(current);
    await collect();
    expect(first.deref()).toBeUndefined();
  });
});
