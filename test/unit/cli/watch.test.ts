import { describe, expect, it } from 'vitest';
import { LookSchedule } from '../../../src/cli/publish/watch.js';
import { FakeClock, flush } from '../support/fake-clock.js';

/** A schedule whose looks are recorded with the fake time they started at. */
function scheduled(
  options: { intervalMs?: number; settleMs?: number; outcomes?: ('done' | 'again')[]; lookMs?: number } = {},
) {
  const clock = new FakeClock();
  const start = clock.now();
  const looks: { at: number; reason: string }[] = [];
  let running = 0;
  let overlapped = false;
  const outcomes = [...(options.outcomes ?? [])];
  const schedule = new LookSchedule({
    intervalMs: options.intervalMs ?? 5_000,
    settleMs: options.settleMs ?? 50,
    timers: clock,
    look: async (reason) => {
      looks.push({ at: clock.now() - start, reason });
      running += 1;
      if (running > 1) overlapped = true;
      if (options.lookMs) await new Promise((resolve) => clock.setTimeout(() => resolve(undefined), options.lookMs!));
      running -= 1;
      return outcomes.shift() ?? 'done';
    },
    onError: (error) => {
      throw error;
    },
  });
  return { clock, schedule, looks, overlapped: () => overlapped };
}

describe('LookSchedule', () => {
  it('looks at start and then every interval', async () => {
    const { clock, schedule, looks } = scheduled();
    schedule.start();
    await clock.advance(16_000);
    expect(looks).toEqual([
      { at: 0, reason: 'start' },
      { at: 5_000, reason: 'rescan' },
      { at: 10_000, reason: 'rescan' },
      { at: 15_000, reason: 'rescan' },
    ]);
    await schedule.stop();
  });

  it('looks once after a burst of file-system events has been quiet for the settle time, and restarts the interval', async () => {
    const { clock, schedule, looks } = scheduled();
    schedule.start();
    await clock.advance(1_000);
    for (let i = 0; i < 5; i++) {
      schedule.changed();
      await clock.advance(20);
    }
    await clock.advance(100);
    expect(looks.map((look) => look.reason)).toEqual(['start', 'change']);
    // 1,000 + 4 × 20 (the last event) + 50 settle.
    expect(looks[1]!.at).toBe(1_130);
    await clock.advance(4_900);
    expect(looks.map((look) => look.reason)).toEqual(['start', 'change']);
    await clock.advance(200);
    expect(looks.at(-1)).toEqual({ at: 6_130, reason: 'rescan' });
    await schedule.stop();
  });

  it('still looks at a source that never stops changing, within an interval', async () => {
    const { clock, schedule, looks } = scheduled({ intervalMs: 1_000, settleMs: 100 });
    schedule.start();
    await flush();
    for (let i = 0; i < 40; i++) {
      schedule.changed();
      await clock.advance(50);
    }
    const changes = looks.filter((look) => look.reason === 'change');
    expect(changes.length).toBeGreaterThan(0);
    expect(changes[0]!.at).toBeLessThanOrEqual(1_100);
    await schedule.stop();
  });

  it('never runs two looks at once: a change during a look is looked at after it', async () => {
    const { clock, schedule, looks, overlapped } = scheduled({ lookMs: 300 });
    schedule.start();
    await clock.advance(100);
    schedule.changed();
    await clock.advance(60);
    schedule.changed();
    await clock.advance(1_000);
    expect(overlapped()).toBe(false);
    expect(looks.map((look) => look.reason)).toEqual(['start', 'change']);
    expect(looks[1]!.at).toBe(300);
    await schedule.stop();
  });

  it('looks again after the settle time when a look found the source still being written', async () => {
    const { clock, schedule, looks } = scheduled({ outcomes: ['again', 'again', 'done'] });
    schedule.start();
    await clock.advance(200);
    expect(looks).toEqual([
      { at: 0, reason: 'start' },
      { at: 50, reason: 'again' },
      { at: 100, reason: 'again' },
    ]);
    await schedule.stop();
  });

  it('stops: no more looks, and stop waits for the look in progress', async () => {
    const { clock, schedule, looks } = scheduled({ lookMs: 500 });
    schedule.start();
    await clock.advance(100);
    let stopped = false;
    const stopping = schedule.stop().then(() => (stopped = true));
    await clock.advance(100);
    expect(stopped).toBe(false);
    await clock.advance(400);
    await stopping;
    schedule.changed();
    await clock.advance(20_000);
    expect(looks).toHaveLength(1);
    expect(clock.pending).toBe(0);
  });
});
