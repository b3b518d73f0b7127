import { describe, expect, it } from 'vitest';
import { cellText, trendArrow } from '../../../src/components/party-table/cells.js';
// Welsh is fetched on first use on a page; these tests read it at once.
import '../../../src/components/shared/welsh.js';

describe('cellText', () => {
  it('writes counts with thousands separators', () => {
    expect(cellText('seats', 1692, 'en-GB')).toEqual({ text: '1,692', spoken: undefined, trend: undefined });
    expect(cellText('votes', 13_966_454, 'en-GB').text).toBe('13,966,454');
  });

  it('gives changes an explicit sign, a real minus sign and words', () => {
    expect(cellText('seatsChange', 75, 'en-GB')).toEqual({ text: '+75', spoken: 'up 75', trend: 'up' });
    expect(cellText('seatsChange', -41, 'en-GB')).toEqual({ text: '\u221241', spoken: 'down 41', trend: 'down' });
    expect(cellText('councilsChange', 0, 'en-GB')).toEqual({ text: '0', spoken: 'no change', trend: 'none' });
  });

  it('writes shares to one decimal place', () => {
    expect(cellText('share', 43.62593, 'en-GB').text).toBe('43.6%');
  });

  it('writes share changes in percentage points, rounding before choosing the sign', () => {
    expect(cellText('shareChange', 1.25, 'en-GB')).toEqual({
      text: '+1.3pp',
      spoken: 'up 1.3 percentage points',
      trend: 'up',
    });
    expect(cellText('shareChange', -7.94, 'en-GB')).toEqual({
      text: '\u22127.9pp',
      spoken: 'down 7.9 percentage points',
      trend: 'down',
    });
    // 0.04 shows as 0.0: it must not read "up 0.0".
    expect(cellText('shareChange', 0.04, 'en-GB')).toEqual({ text: '0.0pp', spoken: 'no change', trend: 'none' });
  });

  it('shows a dash for a figure nobody gave, read as "not available", never 0', () => {
    expect(cellText('councilsChange', undefined, 'en-GB')).toEqual({
      text: '–',
      spoken: 'not available',
      trend: undefined,
    });
    expect(cellText('seats', Number.NaN, 'en-GB').spoken).toBe('not available');
  });

  it('speaks Welsh', () => {
    expect(cellText('seatsChange', -41, 'cy').spoken).toBe('i lawr 41');
    expect(cellText('seats', undefined, 'cy').spoken).toBe('dim ar gael');
    expect(cellText('shareChange', 2, 'cy').spoken).toBe('i fyny 2.0 pwynt canran');
  });
});

describe('trendArrow', () => {
  it('points up or down, and shows nothing for no change', () => {
    expect([trendArrow('up'), trendArrow('down'), trendArrow('none'), trendArrow(undefined)]).toEqual([
      '▲',
      '▼',
      '',
      '',
    ]);
  });
});
