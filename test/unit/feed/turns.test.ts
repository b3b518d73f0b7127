/**
 * Turn-taking on the main thread (src/feed/turns.ts), with a fake clock: each piece of work says
 * how long it "takes" by moving the clock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Turns = typeof import('../../../src/feed/turns.js');

let turns: Turns;
let clock = 0;

/** Work that takes `ms` on the fake clock and writes its name in `log`. */
const work = (log: string[], name: string, ms: number) => () => {
  log.push(name);
  clock += ms;
};

/** Let every queued microtask run, without leaving the current task. */
async function microtasks(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

beforeEach(async () => {
  clock = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  vi.resetModules();
  turns = await import('../../../src/feed/turns.js');
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('takeTurn', () => {
  it('runs updates straight away, in order, while the task has spent less than its slice', () => {
    const log: string[] = [];
    const small = (turns.SLICE_MS - 1) / 3;
    expect(turns.takeTurn(work(log, 'a', small))).toBeUndefined();
    expect(turns.takeTurn(work(log, 'b', small))).toBeUndefined();
    expect(turns.takeTurn(work(log, 'c', small))).toBeUndefined();
    expect(log).toEqual(['a', 'b', 'c']);
  });

  it('makes an update wait for a task of its own once the slice is spent', async () => {
    const log: string[] = [];
    expect(turns.takeTurn(work(log, 'large', turns.SLICE_MS + 12))).toBeUndefined();
    const waiting = turns.takeTurn(work(log, 'next', 1));
    expect(waiting).toBeInstanceOf(Promise);
    await microtasks();
    expect(log, 'not in the same task').toEqual(['large']);
    await waiting;
    expect(log).toEqual(['large', 'next']);
  });

  it('gives each update that waited a task of its own, in order', async () => {
    const log: string[] = [];
    turns.takeTurn(work(log, 'first', 30));
    const second = turns.takeTurn(work(log, 'second', 30));
    const third = turns.takeTurn(work(log, 'third', 2));
    const fourth = turns.takeTurn(work(log, 'fourth', 2));
    await second;
    expect(log, 'the second took its own task; the rest wait for theirs').toEqual(['first', 'second']);
    await microtasks();
    expect(log).toEqual(['first', 'second']);
    await third;
    await fourth;
    expect(log).toEqual(['first', 'second', 'third', 'fourth']);
  });

  it("counts the feed source's own work (spend) against the task", async () => {
    const log: string[] = [];
    expect(turns.spend(() => ((clock += turns.SLICE_MS + 2), 'checked'))).toBe('checked');
    const update = turns.takeTurn(work(log, 'update', 5));
    expect(update).toBeInstanceOf(Promise);
    expect(log).toEqual([]);
    await update;
    expect(log).toEqual(['update']);
  });

  it('starts each task afresh: after a wait, work runs straight away again', async () => {
    const log: string[] = [];
    turns.takeTurn(work(log, 'large', 40));
    await turns.takeTurn(() => {});
    // A task later, nothing has been spent in it yet: a click's update is not held back.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(turns.takeTurn(work(log, 'click', 1))).toBeUndefined();
    expect(log).toEqual(['large', 'click']);
  });

  it('passes on what an update throws: at once, or through the promise of one that waited', async () => {
    expect(() =>
      turns.takeTurn(() => {
        clock += 30;
        throw new Error('now');
      }),
    ).toThrow('now');
    const later = turns.takeTurn(() => {
      throw new Error('later');
    });
    await expect(later).rejects.toThrow('later');
    // The failure was counted and released: the next task runs work again.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(turns.takeTurn(() => {})).toBeUndefined();
  });

  it('runs everything straight away where there is no MessageChannel to wait with', () => {
    vi.stubGlobal('MessageChannel', undefined);
    const log: string[] = [];
    expect(turns.takeTurn(work(log, 'a', 40))).toBeUndefined();
    expect(turns.takeTurn(work(log, 'b', 40))).toBeUndefined();
    expect(log).toEqual(['a', 'b']);
  });
});
