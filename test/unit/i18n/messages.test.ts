import { afterEach, describe, expect, it, vi } from 'vitest';
import { addMessages, messageKeys, translate, translator } from '../../../src/i18n/messages.js';
import { enGB } from '../../../src/i18n/locales/en-GB.js';
import { cy } from '../../../src/i18n/locales/cy.js';

describe('translate', () => {
  afterEach(() => vi.restoreAllMocks());

  it('fills placeholders', () => {
    expect(translate('en-GB', 'outcome.gain', { party: 'Con', from: 'Lab' })).toBe('Con gain from Lab');
    expect(translate('cy', 'outcome.gain', { party: 'Con', from: 'Lab' })).toBe('Con yn ennill oddi wrth Lab');
  });

  it('chooses plural forms by count with the locale’s rules', () => {
    expect(translate('en-GB', 'count.seats', { count: 1 })).toBe('1 seat');
    expect(translate('en-GB', 'count.seats', { count: 2 })).toBe('2 seats');
    expect(translate('cy', 'count.seats', { count: 2 })).toBe('2 sedd');
  });

  it('falls back from a region to its language, then to English, never to the key name', () => {
    expect(translate('cy-GB', 'status.recount')).toBe('Ailgyfrif');
    addMessages('fr', { 'status.recount': 'Nouveau décompte' });
    expect(translate('fr-FR', 'status.recount')).toBe('Nouveau décompte');
    expect(translate('fr', 'status.awaiting')).toBe('Awaiting result');
  });

  it('warns once and shows nothing for a key no table has', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(translate('en-GB', 'no.such.key')).toBe('');
    expect(translate('en-GB', 'no.such.key')).toBe('');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain('no.such.key');
  });

  it('lets a host page reword one message', () => {
    addMessages('en-GB', { 'feed.test': 'TEST DATA — NOT REAL' });
    expect(translator('en-GB')('feed.test')).toBe('TEST DATA — NOT REAL');
    addMessages('en-GB', { 'feed.test': enGB['feed.test']! });
  });
});

describe('message tables', () => {
  it('Welsh translates every English key', () => {
    expect(Object.keys(cy).sort()).toEqual(Object.keys(enGB).sort());
  });

  it('uses the same placeholders in every language', () => {
    const placeholders = (message: unknown) =>
      [...new Set(JSON.stringify(message).match(/\{\w+\}/g) ?? [])].sort();
    for (const key of messageKeys()) {
      if (!(key in enGB)) continue;
      expect(placeholders(cy[key]), key).toEqual(placeholders(enGB[key]));
    }
  });
});
