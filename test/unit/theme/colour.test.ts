import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColour, textColourOn } from '../../../src/theme/colour.js';
import { DEFAULT_PARTY_COLOURS, resolvePartyColour } from '../../../src/theme/party-colours.js';
import { tokenColour } from '../../../src/theme/tokens.js';

describe('parseColour', () => {
  it('reads hex and rgb()', () => {
    expect(parseColour('#0087DC')).toEqual([0, 135, 220]);
    expect(parseColour('#fff')).toEqual([255, 255, 255]);
    expect(parseColour('rgb(228, 0, 59)')).toEqual([228, 0, 59]);
    expect(parseColour('rgba(1 2 3 / 0.5)')).toEqual([1, 2, 3]);
    expect(parseColour('red;}')).toBeUndefined();
  });
});

describe('contrastRatio', () => {
  it('matches the WCAG definition', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([255, 255, 255], [255, 255, 255])).toBe(1);
    expect(contrastRatio([0, 135, 220], [255, 255, 255])).toBeCloseTo(3.82, 2);
  });
});

describe('textColourOn', () => {
  it('picks the label colour with more contrast', () => {
    expect(textColourOn('#0087DC')).toBe('#000000');
    expect(textColourOn('#6D3177')).toBe('#ffffff');
  });

  it('gives at least 4.5:1 on every default party colour in both themes', () => {
    for (const [id, entry] of Object.entries(DEFAULT_PARTY_COLOURS)) {
      for (const theme of ['light', 'dark'] as const) {
        const fill = parseColour(entry[theme])!;
        const text = parseColour(textColourOn(entry[theme]))!;
        expect(contrastRatio(fill, text), `${id} ${theme}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});

describe('resolvePartyColour', () => {
  it('prefers the CSS override, then the feed, then the default, then "other"', () => {
    expect(resolvePartyColour('con', 'light', { colour: '#123456' }, ' rebeccapurple ')).toBe('rebeccapurple');
    expect(resolvePartyColour('con', 'light', { colour: '#123456' })).toBe('#123456');
    expect(resolvePartyColour('con', 'light')).toBe('#0087DC');
    expect(resolvePartyColour('newparty', 'light')).toBe(DEFAULT_PARTY_COLOURS.other!.light);
  });
  it('uses the dark feed colour in dark mode, falling back to the light one', () => {
    expect(resolvePartyColour('con', 'dark', { colour: '#123456', colourDark: '#abcdef' })).toBe('#abcdef');
    expect(resolvePartyColour('con', 'dark', { colour: '#123456' })).toBe('#123456');
    expect(resolvePartyColour('lab', 'dark')).toBe('#FF3355');
  });
  it('ignores a feed colour that is not a colour', () => {
    expect(resolvePartyColour('con', 'light', { colour: 'url(javascript:x)' })).toBe('#0087DC');
  });
});

describe('what labels sit on', () => {
  const SCHEMES = ['light', 'dark'] as const;

  it('a label on any colour at all reaches 4.5:1 (host overrides and feed colours are arbitrary)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (value) => {
        const fill = `#${value.toString(16).padStart(6, '0')}`;
        return contrastRatio(parseColour(fill)!, parseColour(textColourOn(fill))!) >= 4.5;
      }),
      { numRuns: 2000 },
    );
  });

  it('the seat bar’s "still to declare" label (text token on the undeclared ground) reaches 4.5:1 in both schemes', () => {
    for (const scheme of SCHEMES) {
      const ground = parseColour(DEFAULT_PARTY_COLOURS.undeclared![scheme])!;
      expect(contrastRatio(parseColour(tokenColour('text', scheme))!, ground), scheme).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('every built-in colour, resolved as a widget resolves it, carries its label at 4.5:1 in both schemes', () => {
    for (const id of Object.keys(DEFAULT_PARTY_COLOURS)) {
      for (const scheme of SCHEMES) {
        const fill = resolvePartyColour(id, scheme);
        const ratio = contrastRatio(parseColour(fill)!, parseColour(textColourOn(fill))!);
        expect(ratio, `${id} ${scheme}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('feed colours in the test fixtures carry their labels at 4.5:1, light and dark', () => {
    const fixtures = new URL('../../fixtures/', import.meta.url);
    let checked = 0;
    for (const name of readdirSync(fixtures).filter((file) => file.endsWith('.json'))) {
      const feed = JSON.parse(readFileSync(new URL(name, fixtures), 'utf8')) as {
        parties?: { id: string; colour?: string; colourDark?: string }[];
      };
      for (const party of feed.parties ?? []) {
        for (const scheme of SCHEMES) {
          const fill = resolvePartyColour(party.id, scheme, party);
          const rgb = parseColour(fill);
          if (!rgb) continue;
          checked += 1;
          expect(
            contrastRatio(rgb, parseColour(textColourOn(fill))!),
            `${name} ${party.id} ${scheme}`,
          ).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
