import { describe, expect, it } from 'vitest';
import { addMessages, translate } from '../../../src/i18n/messages.js';
import { pseudoLocalise } from '../../../src/i18n/pseudo.js';

describe('pseudoLocalise', () => {
  const table = {
    'outcome.gain': '{party} gain from {from}',
    'count.seats': { one: '{count} seat', other: '{count} seats' },
  };

  it('mirrors the words between placeholders and brackets each message, leaving placeholders alone', () => {
    const mirrored = pseudoLocalise(table, { mirror: true });
    expect(mirrored['outcome.gain']).toBe('\u200F⟦{party}\u202E gain from \u202C{from}⟧');
    expect(mirrored['count.seats']).toEqual({
      one: '\u200F⟦{count}\u202E seat\u202C⟧',
      other: '\u200F⟦{count}\u202E seats\u202C⟧',
    });
  });

  it('accents and lengthens for languages that need more room', () => {
    const padded = pseudoLocalise({ 'status.recount': 'Recount' }, { pad: 0.3 });
    expect(padded['status.recount']).toBe('⟦Réçóúñt ~~⟧');
  });

  it('makes a locale a widget can use: placeholders are filled, plurals still chosen', () => {
    addMessages('en-XA', pseudoLocalise(table, { pad: 0.5 }));
    expect(translate('en-XA', 'outcome.gain', { party: 'Con', from: 'Lab' })).toBe('⟦Con gáíñ fróm Lab ~~~~~~⟧');
    expect(translate('en-XA', 'count.seats', { count: 2 })).toBe('⟦2 šéátš ~~~⟧');
  });
});
