/**
 * Runs the card's postcode look-ups: one at a time (a new one cancels the one before), given
 * up when the element leaves the page, each outcome kept as a state to put into words. The
 * codes found are matched to the feed's areas by the element (areaForCodes), which knows the feed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lookupPostcode, normalisePostcode, type PostcodeAnswer, type PostcodeService } from '../../feed/postcode.js';

export type PostcodeState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'looking'; readonly postcode: string }
  | Exclude<PostcodeAnswer, { kind: 'found' } | { kind: 'cancelled' }>
  /** The codes led to an area of the feed with an election. */
  | { readonly kind: 'area'; readonly postcode: string; readonly id: string }
  /** The codes led to no area with an election (`id`: the feed's area without one, if any). */
  | { readonly kind: 'no-election'; readonly postcode: string; readonly id: string | undefined };

export class PostcodeController implements ReactiveController {
  state: PostcodeState = { kind: 'idle' };
  private running: AbortController | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.running?.abort();
    this.running = undefined;
  }

  /**
   * Look `input` up; `place` turns the codes found into a state. Resolves with the new state,
   * or undefined when a newer look-up replaced this one.
   */
  async lookup(
    service: PostcodeService,
    input: string,
    place: (postcode: string, codes: readonly string[]) => PostcodeState,
  ): Promise<PostcodeState | undefined> {
    this.running?.abort();
    this.running = undefined;
    const postcode = normalisePostcode(input);
    // Checked before any request: an invalid postcode never shows "Looking up".
    if (postcode === undefined) {
      const invalid: PostcodeState = { kind: 'invalid', input };
      this.set(invalid);
      return invalid;
    }
    const controller = new AbortController();
    this.running = controller;
    this.set({ kind: 'looking', postcode });
    const answer = await lookupPostcode(service, postcode, { signal: controller.signal });
    if (answer.kind === 'cancelled' || this.running !== controller) return undefined;
    this.running = undefined;
    const state = answer.kind === 'found' ? place(answer.postcode, answer.codes) : answer;
    this.set(state);
    return state;
  }

  /** Back to nothing to say (the service setting changed). */
  reset(): void {
    this.running?.abort();
    this.running = undefined;
    this.set({ kind: 'idle' });
  }

  private set(state: PostcodeState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
