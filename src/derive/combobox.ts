/**
 * The state of an editable combobox with a list of suggestions (the ARIA 1.2 "list
 * autocomplete" pattern: typing filters the list, nothing is chosen until the reader chooses).
 * A reducer: the element turns keys and clicks into actions, renders the state
 * (`aria-expanded`, `aria-activedescendant`) and acts on `chosen`. Pure.
 *
 * Keys, as the pattern has them: Down Arrow opens the list and moves to the next suggestion
 * (from the last to the first); Up Arrow the other way; Alt+Down opens it without moving;
 * Alt+Up and Escape close it (Escape with the list closed clears the text); Enter chooses the
 * suggestion moved to. Home, End, Left and Right stay with the text box (moving the caret).
 */

export interface ComboboxState {
  readonly query: string;
  /** Whether the list of suggestions is shown. */
  readonly open: boolean;
  /** The suggestion moved to (`aria-activedescendant`), or -1 when the focus is in the text. */
  readonly active: number;
  /** How many suggestions there are for `query`. */
  readonly count: number;
}

export type ComboboxAction =
  /** The text changed; `count` suggestions match it now. */
  | { readonly type: 'input'; readonly query: string; readonly count: number }
  /** The suggestions changed without the text (a new feed): keep the place where it still exists. */
  | { readonly type: 'results'; readonly count: number }
  | { readonly type: 'down' | 'up' | 'alt-down' | 'alt-up' | 'escape' | 'enter' | 'blur' }
  /** A suggestion clicked (or tapped). */
  | { readonly type: 'choose'; readonly index: number };

export interface ComboboxStep {
  readonly state: ComboboxState;
  /** The suggestion chosen by this action, if one was. */
  readonly chosen: number | undefined;
}

export const COMBOBOX_INITIAL: ComboboxState = Object.freeze({ query: '', open: false, active: -1, count: 0 });

const step = (state: ComboboxState, chosen?: number): ComboboxStep => ({ state, chosen });

export function comboboxReducer(state: ComboboxState, action: ComboboxAction): ComboboxStep {
  switch (action.type) {
    case 'input': {
      const count = Math.max(0, action.count);
      // The list opens as soon as there is text: with nothing matching it says so.
      return step({ query: action.query, count, open: action.query.trim() !== '', active: -1 });
    }
    case 'results': {
      const count = Math.max(0, action.count);
      return step({ ...state, count, active: state.active < count ? state.active : -1 });
    }
    case 'down':
      if (state.count === 0) return step({ ...state, open: state.query.trim() !== '' });
      if (!state.open) return step({ ...state, open: true, active: 0 });
      return step({ ...state, active: (state.active + 1) % state.count });
    case 'up':
      if (state.count === 0) return step({ ...state, open: state.query.trim() !== '' });
      if (!state.open) return step({ ...state, open: true, active: state.count - 1 });
      return step({ ...state, active: state.active <= 0 ? state.count - 1 : state.active - 1 });
    case 'alt-down':
      return step({ ...state, open: state.count > 0 || state.query.trim() !== '' });
    case 'alt-up':
    case 'blur':
      return step({ ...state, open: false, active: -1 });
    case 'escape':
      if (state.open) return step({ ...state, open: false, active: -1 });
      return step({ ...state, query: '', count: 0, active: -1 });
    case 'enter':
      if (state.open && state.active >= 0 && state.active < state.count)
        return step({ ...state, open: false, active: -1 }, state.active);
      return step(state);
    case 'choose':
      if (action.index < 0 || action.index >= state.count) return step(state);
      return step({ ...state, open: false, active: -1 }, action.index);
  }
}
