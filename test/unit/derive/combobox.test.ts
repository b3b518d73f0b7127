/** comboboxReducer: the ARIA 1.2 list autocomplete, key by key. */
import { describe, expect, it } from 'vitest';
import {
  COMBOBOX_INITIAL,
  comboboxReducer,
  type ComboboxAction,
  type ComboboxState,
} from '../../../src/derive/combobox.js';

function run(actions: ComboboxAction[], from: ComboboxState = COMBOBOX_INITIAL) {
  let state = from;
  const chosen: number[] = [];
  for (const action of actions) {
    const step = comboboxReducer(state, action);
    state = step.state;
    if (step.chosen !== undefined) chosen.push(step.chosen);
  }
  return { state, chosen };
}

describe('comboboxReducer', () => {
  it('opens on typing with nothing moved to, and closes when the text is cleared', () => {
    expect(run([{ type: 'input', query: 'she', count: 3 }]).state).toEqual({
      query: 'she',
      open: true,
      active: -1,
      count: 3,
    });
    expect(
      run([
        { type: 'input', query: 'she', count: 3 },
        { type: 'input', query: '', count: 0 },
      ]).state.open,
    ).toBe(false);
  });

  it('stays open with no matches, so the list can say so', () => {
    expect(run([{ type: 'input', query: 'zz', count: 0 }]).state).toMatchObject({ open: true, count: 0, active: -1 });
  });

  it('moves down and up through the suggestions, wrapping at both ends', () => {
    const typed: ComboboxAction = { type: 'input', query: 'a', count: 3 };
    expect(run([typed, { type: 'down' }]).state.active).toBe(0);
    expect(run([typed, { type: 'down' }, { type: 'down' }, { type: 'down' }, { type: 'down' }]).state.active).toBe(0);
    expect(run([typed, { type: 'up' }]).state.active).toBe(2);
    expect(run([typed, { type: 'down' }, { type: 'up' }]).state.active).toBe(2);
  });

  it('opens a closed list with Down on the first suggestion, with Up on the last, with Alt+Down on none', () => {
    const closed: ComboboxState = { query: 'a', open: false, active: -1, count: 3 };
    expect(run([{ type: 'down' }], closed).state).toMatchObject({ open: true, active: 0 });
    expect(run([{ type: 'up' }], closed).state).toMatchObject({ open: true, active: 2 });
    expect(run([{ type: 'alt-down' }], closed).state).toMatchObject({ open: true, active: -1 });
  });

  it('chooses with Enter only when a suggestion is moved to, and closes', () => {
    const typed: ComboboxAction = { type: 'input', query: 'a', count: 3 };
    expect(run([typed, { type: 'enter' }])).toEqual({
      state: { query: 'a', open: true, active: -1, count: 3 },
      chosen: [],
    });
    const { state, chosen } = run([typed, { type: 'down' }, { type: 'down' }, { type: 'enter' }]);
    expect(chosen).toEqual([1]);
    expect(state).toMatchObject({ open: false, active: -1, query: 'a' });
  });

  it('closes on the first Escape and clears the text on the second', () => {
    const typed: ComboboxAction = { type: 'input', query: 'a', count: 3 };
    expect(run([typed, { type: 'down' }, { type: 'escape' }]).state).toEqual({
      query: 'a',
      open: false,
      active: -1,
      count: 3,
    });
    expect(run([typed, { type: 'escape' }, { type: 'escape' }]).state).toEqual(COMBOBOX_INITIAL);
  });

  it('closes on Alt+Up and on leaving the box, choosing nothing', () => {
    const typed: ComboboxAction = { type: 'input', query: 'a', count: 3 };
    expect(run([typed, { type: 'down' }, { type: 'alt-up' }])).toMatchObject({
      state: { open: false, active: -1 },
      chosen: [],
    });
    expect(run([typed, { type: 'down' }, { type: 'blur' }])).toMatchObject({
      state: { open: false, active: -1 },
      chosen: [],
    });
  });

  it('chooses a clicked suggestion, and ignores a click outside the list', () => {
    const typed: ComboboxAction = { type: 'input', query: 'a', count: 3 };
    expect(run([typed, { type: 'choose', index: 2 }]).chosen).toEqual([2]);
    expect(run([typed, { type: 'choose', index: 3 }]).chosen).toEqual([]);
  });

  it('keeps its place when the suggestions change under it, while that place exists', () => {
    const typed: ComboboxAction = { type: 'input', query: 'a', count: 3 };
    expect(run([typed, { type: 'down' }, { type: 'down' }, { type: 'results', count: 4 }]).state.active).toBe(1);
    expect(run([typed, { type: 'up' }, { type: 'results', count: 1 }]).state.active).toBe(-1);
  });
});
