import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColour, textColourOn } from '../../../src/theme/colour.js';
import {
  DEFAULT_PARTY_COLOURS,
  FALLBACK_PARTY_COLOURS,
  fallbackPartyColour,
  resolvePartyColour,
} from '../../../src/theme/party-colours.js';
import { feed } from '../support/feed.js';

const foreign = feed([], {
  parties: [
    { id: 'con', name: 'Conservatives' },
    { id: 'psoe', name: 'PSOE' },
    { id: 'pp', name: 'PP', colour: '#1D84CE' },
    { id: 'vox', name: 'Vox' },
    { id: 'sumar', name: 'Sumar' },
  ],
});

describe('fallbackPartyColour', () => {
  it('gives parties with no colour of their own distinct colours, in feed order', () => {
    expect(fallbackPartyColour(foreign, 'psoe')).toBe(FALLBACK_PARTY_COLOURS[0]);
    expect(fallbackPartyColour(foreign, 'vox')).toBe(FALLBACK_PARTY_COLOURS[1]);
    expect(fallbackPartyColour(foreign, 'sumar')).toBe(FALLBACK_PARTY_COLOURS[2]);
  });

  it('leaves out parties with a feed or built-in colour, and ids the feed does not list', () => {
    expect(fallbackPartyColour(foreign, 'pp')).toBeUndefined();
    expect(fallbackPartyColour(foreign, 'con')).toBeUndefined();
    expect(fallbackPartyColour(foreign, 'nobody')).toBeUndefined();
    // Asking about an unknown id must not shift the others.
    expect(fallbackPartyColour(foreign, 'sumar')).toBe(FALLBACK_PARTY_COLOURS[2]);
  });

  it('comes after the CSS override, the feed colour and the built-in palette', () => {
    expect(resolvePartyColour('vox', 'light', undefined, '', fallbackPartyColour(foreign, 'vox'))).toBe(
      FALLBACK_PARTY_COLOURS[1],
    );
    expect(resolvePartyColour('vox', 'light', undefined, 'green', fallbackPartyColour(foreign, 'vox'))).toBe('green');
    expect(resolvePartyColour('con', 'light', undefined, '', '#123456')).toBe(DEFAULT_PARTY_COLOURS.con!.light);
    expect(resolvePartyColour('pp', 'light', { colour: '#1D84CE' }, '', '#123456')).toBe('#1D84CE');
  });

  it('are distinct, and labels on them reach 4.5:1', () => {
    expect(new Set(FALLBACK_PARTY_COLOURS.map((colour) => colour.toLowerCase())).size).toBe(
      FALLBACK_PARTY_COLOURS.length,
    );
    for (const colour of FALLBACK_PARTY_COLOURS) {
      expect(contrastRatio(parseColour(colour)!, parseColour(textColourOn(colour))!), colour).toBeGreaterThanOrEqual(
        4.5,
      );
    }
  });
});
