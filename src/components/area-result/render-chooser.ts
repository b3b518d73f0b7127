/**
 * How a reader picks the area: a search box (the ARIA 1.2 combobox with a list of
 * suggestions: `aria-expanded`, `aria-activedescendant` on the text box, options in a
 * `listbox`) and a postcode form. The state lives in the element (src/derive/combobox.ts and
 * the postcode controller); this only draws it and wires the handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ComboboxState } from '../../derive/combobox.js';
import type { AreaMatch } from '../../derive/area-search.js';
import { translate } from '../../i18n/messages.js';
import { isolate } from '../../i18n/bidi.js';
import type { PostcodeState } from './postcode-controller.js';

export interface SearchHandlers {
  readonly input: (event: Event) => void;
  readonly keydown: (event: KeyboardEvent) => void;
  readonly blur: () => void;
  readonly choose: (index: number) => void;
}

/** The id of suggestion `index`, for `aria-activedescendant`. */
export const optionId = (index: number) => `area-option-${index}`;

/* eslint-disable lit-a11y/click-events-have-key-events -- the suggestions are worked from the keyboard through the
   combobox (arrow keys and Enter, aria-activedescendant), as the ARIA 1.2 pattern has it; a click is for pointers. */
export function renderSearch(
  state: ComboboxState,
  matches: readonly AreaMatch[],
  locale: string,
  on: SearchHandlers,
): TemplateResult {
  const expanded = state.open && matches.length > 0;
  const none = state.open && matches.length === 0 && state.query.trim() !== '';
  const count =
    state.query.trim() === ''
      ? ''
      : none
        ? translate(locale, 'areaResult.noMatches', { query: isolate(state.query.trim()) })
        : translate(locale, 'areaResult.matches', { count: matches.length });
  return html`<div class="search" part="search">
    <label class="label" id="area-search-label" for="area-search">${translate(locale, 'areaResult.search')}</label>
    <div class="combo">
      <input
        id="area-search"
        part="search-input"
        type="text"
        role="combobox"
        aria-labelledby="area-search-label"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-controls="area-options"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-activedescendant=${expanded && state.active >= 0 ? optionId(state.active) : nothing}
        aria-describedby="area-search-hint"
        .value=${state.query}
        @input=${on.input}
        @keydown=${on.keydown}
        @blur=${on.blur}
      />
      <ul
        id="area-options"
        class="options"
        part="search-list"
        role="listbox"
        aria-label=${translate(locale, 'areaResult.search')}
        ?hidden=${!expanded}
      >
        ${
          expanded
            ? matches.map(
                (match, index) =>
                  html`<li
                    id=${optionId(index)}
                    class="option"
                    part="search-option"
                    role="option"
                    aria-selected=${index === state.active ? 'true' : 'false'}
                    @mousedown=${(event: Event) => event.preventDefault()}
                    @click=${() => on.choose(index)}
                  >
                    <bdi class="option-name">${match.name}</bdi>${
                      match.matchedName
                        ? html` <span class="muted"
                            >(${translate(locale, 'areaResult.alsoKnownAs', { name: isolate(match.matchedName) })})</span
                          >`
                        : nothing
                    }${match.parentName ? html` <bdi class="muted option-parent">${match.parentName}</bdi>` : nothing}
                  </li>`,
              )
            : nothing
        }
      </ul>
    </div>
    <p id="area-search-hint" class="hint">${translate(locale, 'areaResult.searchHint')}</p>
    <p class="${none ? 'hint' : 'visually-hidden'}" aria-live="polite">${count}</p>
  </div>`;
}
/* eslint-enable lit-a11y/click-events-have-key-events */

export interface PostcodeHandlers {
  readonly submit: (event: SubmitEvent) => void;
}

/** The sentence for the look-up's state, or '' when there is nothing to say. */
export function postcodeMessage(state: PostcodeState, locale: string, areaName: (id: string) => string): string {
  switch (state.kind) {
    case 'idle':
      return '';
    case 'looking':
      return translate(locale, 'areaResult.postcodeLooking', { postcode: state.postcode });
    case 'invalid':
      return translate(locale, 'areaResult.postcodeInvalid', { input: isolate(state.input) });
    case 'not-found':
      return translate(locale, 'areaResult.postcodeNotFound', { postcode: state.postcode });
    case 'failed':
      return translate(locale, 'areaResult.postcodeFailed');
    case 'timeout':
      return translate(locale, 'areaResult.postcodeTimeout');
    case 'no-election':
      return state.id !== undefined
        ? translate(locale, 'areaResult.postcodeNoElectionIn', {
            name: isolate(areaName(state.id)),
            postcode: state.postcode,
          })
        : translate(locale, 'areaResult.postcodeNoElection', { postcode: state.postcode });
    case 'area':
      return translate(locale, 'areaResult.postcodeFound', {
        name: isolate(areaName(state.id)),
        postcode: state.postcode,
      });
  }
}

export function renderPostcode(
  state: PostcodeState,
  locale: string,
  areaName: (id: string) => string,
  on: PostcodeHandlers,
): TemplateResult {
  const message = postcodeMessage(state, locale, areaName);
  const problem = state.kind === 'invalid' || state.kind === 'not-found';
  return html`<form class="postcode" part="postcode" novalidate @submit=${on.submit}>
    <label class="label" for="area-postcode">${translate(locale, 'areaResult.postcode')}</label>
    <div class="postcode-row">
      <input
        id="area-postcode"
        part="postcode-input"
        name="postcode"
        type="text"
        autocomplete="postal-code"
        spellcheck="false"
        enterkeyhint="search"
        size="10"
        aria-describedby="area-postcode-message"
        aria-invalid=${problem ? 'true' : 'false'}
      />
      <button type="submit" part="postcode-button">${translate(locale, 'areaResult.findPostcode')}</button>
    </div>
    <p
      id="area-postcode-message"
      class="postcode-message"
      part="postcode-message"
      role="status"
      data-kind=${state.kind}
    >
      ${message}
    </p>
    ${
      state.kind === 'failed' || state.kind === 'timeout'
        ? html`<details class="error-detail" part="error-detail">
            <summary>${translate(locale, 'feed.errorDetail')}</summary>
            <code lang="en">${state.reason}</code>
          </details>`
        : nothing
    }
  </form>`;
}
