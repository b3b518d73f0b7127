/**
 * What happened in one area, as data: "Con gain from Lab", "Lab hold", "No overall control
 * (Lab lost)". Wording is left to `src/i18n`; this only decides which case applies.
 * No overall control is a control state, not a party, so it has cases of its own.
 */
import { NO_OVERALL_CONTROL, type Area } from '../feed/schema.js';
import { controlAfter } from '../feed/lookup.js';

export type AreaOutcome =
  /** Not declared yet, or no result expected. */
  | { readonly kind: 'awaiting' | 'counting' | 'recount' | 'postponed' | 'no-election' }
  /** The same party controls the area before and after. */
  | { readonly kind: 'hold'; readonly party: string }
  /** Control passed from one party to another. */
  | { readonly kind: 'gain'; readonly party: string; readonly from: string }
  /** A council with no overall control before now has a majority party. */
  | { readonly kind: 'gain-from-noc'; readonly party: string }
  /** The party in control lost its majority. */
  | { readonly kind: 'lost-to-noc'; readonly from: string }
  /** No overall control before and after. */
  | { readonly kind: 'noc-hold' }
  /** Control after is known, control before is not: no gain or hold can be claimed. */
  | { readonly kind: 'won'; readonly party: string }
  /** No overall control after; control before unknown. */
  | { readonly kind: 'noc' }
  /** Declared, but control is not in the feed. */
  | { readonly kind: 'declared' };

export type AreaOutcomeKind = AreaOutcome['kind'];

/** The outcome of one area from its status and control before and after. */
export function areaOutcome(area: Area): AreaOutcome {
  if (area.status !== 'declared') return { kind: area.status };
  const after = controlAfter(area);
  const before = area.control?.before;
  if (after === undefined) return { kind: 'declared' };
  if (after === NO_OVERALL_CONTROL) {
    if (before === undefined) return { kind: 'noc' };
    if (before === NO_OVERALL_CONTROL) return { kind: 'noc-hold' };
    return { kind: 'lost-to-noc', from: before };
  }
  if (before === undefined) return { kind: 'won', party: after };
  if (before === after) return { kind: 'hold', party: after };
  if (before === NO_OVERALL_CONTROL) return { kind: 'gain-from-noc', party: after };
  return { kind: 'gain', party: after, from: before };
}

/** True when control changed hands (including to and from no overall control). */
export function isChangeOfControl(outcome: AreaOutcome): boolean {
  return outcome.kind === 'gain' || outcome.kind === 'gain-from-noc' || outcome.kind === 'lost-to-noc';
}

/** The party (or "noc") an outcome is coloured by, if any. */
export function outcomeColourKey(outcome: AreaOutcome): string | undefined {
  switch (outcome.kind) {
    case 'hold':
    case 'gain':
    case 'gain-from-noc':
    case 'won':
      return outcome.party;
    case 'lost-to-noc':
    case 'noc-hold':
    case 'noc':
      return NO_OVERALL_CONTROL;
    default:
      return undefined;
  }
}
