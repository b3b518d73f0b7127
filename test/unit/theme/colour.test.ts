import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColour, textColourOn } from '../../../src/theme/colour.js';
import { DEFAULT_PARTY_COLOURS, resolvePartyColour } from '../../../src/theme/party-colours.js';

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
