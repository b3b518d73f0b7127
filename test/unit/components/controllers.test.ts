/**
 * The shared controllers' logic, with a stand-in host (no DOM): what they decide and when they
 * ask the host to update. The elements' browser tests cover them on a real page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PortionController } from '../../../src/components/shared/portion-controller.js';
import { RovingFocus } from '../../../src/components/shared/roving-focus.js';
import { NewAreasController, NEW_FOR_MS } from '../../../src/components/council-list/new-areas.js';
import { FIRST_PORTION, NEXT_PORTION } from '../../../src/derive/portions.js';
import { council, feed } from '../support/feed.js';
import { feedChanges } from '../../../src/feed/changes.js';

class Host implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  updateComplete = Promise.resolve(true);
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates += 1;
  }
}

const keys = (count: number) => Array.from({ length: count }, (_, i) => `k${i}`);

describe('PortionController', () => {
  it('shows the first portion split between kinds, the must-haves besides, and says more is to come', () => {
    const host = new Host();
    const portions = new PortionController(host);
    portions.begin(2, true);
    const items = keys(FIRST_PORTION * 2);
    const taken = portions.take(
      items,
      (key) => key,
      new Set(),
      (key) => key === 'k399',
    );
    // Half the first portion, plus the one that must be there.
    expect(taken.items.length).toBe(FIRST_PORTION / 2 + 1);
    expect(taken.keys.has('k399')).toBe(true);
    expect(portions.filling).toBe(true);
    portions.hostUpdated();
    expect(host.updates).toBe(1);
  });

  it('grows the next portion after an update that derived the list, and stops asking once all are shown', () => {
    const host = new Host();
    const portions = new PortionController(host);
    const items = keys(50);
    portions.begin(1, true);
    portions.timed(
      () =>
        portions.take(
          items,
          (key) => key,
          new Set(),
          () => false,
        ),
      items.length,
    );
    expect(portions.filling).toBe(false);
    portions.hostUpdated();
    expect(host.updates).toBe(0);
    // The next update may add NEXT_PORTION items.
    portions.begin(1, false);
    const many = keys(NEXT_PORTION + 10);
    expect(
      portions.take(
        many,
        (key) => key,
        new Set(),
        () => false,
      ).added,
    ).toBe(NEXT_PORTION);
  });
});

describe('RovingFocus', () => {
  const setup = (present: string[], fallback: string | undefined) => {
    const host = new Host();
    const focused: string[] = [];
    const roving = new RovingFocus(host, {
      has: (key) => present.includes(key),
      fallback: () => fallback,
      element: (key) => (present.includes(key) ? ({ focus: () => focused.push(key) } as unknown as HTMLElement) : null),
    });
    return { host, roving, focused };
  };

  it('gives Tab to the fallback until a control is moved to, then to that one while it is there', () => {
    const { roving } = setup(['a', 'b', 'c'], 'b');
    expect(roving.resolve()).toBe('b');
    expect([roving.tabIndex('a'), roving.tabIndex('b')]).toEqual(['-1', '0']);
    roving.remember('c');
    expect(roving.resolve()).toBe('c');
  });

  it('falls back when the control moved to has gone', () => {
    const present = ['a', 'b'];
    const { roving } = setup(present, 'a');
    roving.remember('b');
    present.splice(1, 1);
    expect(roving.resolve()).toBe('a');
  });

  it('focuses the control moved to and asks for an update when the tab stop changes', () => {
    const { host, roving, focused } = setup(['a', 'b'], 'a');
    roving.resolve();
    roving.move('b');
    expect(focused).toEqual(['b']);
    expect(host.updates).toBe(1);
    roving.move('b');
    expect(host.updates).toBe(1);
  });
});

describe('NewAreasController', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const first = feed([council('A', 'con', 'con'), { id: 'B', name: 'B', status: 'counting' }], { revision: 1 });
  const second = feed([council('A', 'con', 'con'), council('B', 'lab', 'con')], { revision: 2 });

  it('marks what a new feed declared for a minute, not what the first feed held', () => {
    const host = new Host();
    const areas = new NewAreasController(host);
    areas.hostConnected();
    areas.take(first, feedChanges(undefined, first));
    expect(areas.isNew('A')).toBe(false);
    areas.take(second, feedChanges(first, second));
    expect(areas.isNew('B')).toBe(true);
    vi.advanceTimersByTime(NEW_FOR_MS + 100);
    expect(areas.isNew('B')).toBe(false);
    expect(host.updates).toBeGreaterThan(0);
    areas.hostDisconnected();
  });

  it('ignores changes that did not bring this feed', () => {
    const areas = new NewAreasController(new Host());
    areas.take(second, feedChanges(undefined, first));
    expect(areas.isNew('B')).toBe(false);
  });
});
