import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addMessages,
  messageKeys,
  messagesVersion,
  onMessagesChange,
  ownMessages,
  translate,
  translator,
} from '../../../src/i18n/messages.js';
import { enGB } from '../../../src/i18n/locales/en-GB.js';
import { cy } from '../../../src/i18n/locales/cy.js';
import { translate as translateAnyKey } from '../../../src/i18n/message-store.js';
// Welsh is fetched on first use on a page; these tests read it at once.
import '../../../src/components/shared/welsh.js';

describe('translate', () => {
  afterEach(() => vi.restoreAllMocks());

  it('fills placeholders', () => {
    expect(translate('en-GB', 'outcome.gain', { party: 'Con', from: 'Lab' })).toBe('Con gain from Lab');
    expect(translate('cy', 'outcome.gain', { party: 'Con', from: 'Lab' })).toBe('Con yn cipio oddi ar Lab');
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
    expect(translateAnyKey('en-GB', 'no.such.key')).toBe('');
    expect(translateAnyKey('en-GB', 'no.such.key')).toBe('');
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
    const placeholders = (message: unknown) => [...new Set(JSON.stringify(message).match(/\{\w+\}/g) ?? [])].sort();
    for (const key of messageKeys()) {
      if (!(key in enGB)) continue;
      expect(placeholders(cy[key as keyof typeof cy]), key).toEqual(placeholders(enGB[key as keyof typeof enGB]));
    }
  });
});

describe('adding a locale', () => {
  afterEach(() => vi.restoreAllMocks());

  it('needs only the keys it translates: the rest falls back to English, never to a key name', () => {
    addMessages('xh-ZA', { 'status.recount': 'Ukubalwa kwakhona' });
    expect(translate('xh-ZA', 'status.recount')).toBe('Ukubalwa kwakhona');
    expect(translate('xh-ZA', 'status.awaiting')).toBe('Awaiting result');
    expect(translate('xh-ZA', 'count.seats', { count: 3 })).toBe('3 seats');
  });

  it('uses the "other" form when a plural message lacks the category the language asks for', () => {
    addMessages('pl', { 'count.seats': { one: '{count} mandat', other: '{count} mandatów' } });
    // Polish calls 3 "few", which this table does not give.
    expect(translate('pl', 'count.seats', { count: 3 })).toBe('3 mandatów');
    expect(translate('pl', 'count.seats', { count: 1 })).toBe('1 mandat');
  });

  it('leaves out what is not a message, and says which keys', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    addMessages('eo', {
      'status.recount': 'Rekalkulo',
      'status.counting': 42,
      'count.seats': { one: '{count} seĝo' },
    } as never);
    expect(translate('eo', 'status.recount')).toBe('Rekalkulo');
    expect(translate('eo', 'status.counting')).toBe('Counting');
    expect(translate('eo', 'count.seats', { count: 1 })).toBe('1 seat');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain('"status.counting"');
    expect(warn.mock.calls[0]![0]).toContain('"count.seats"');
  });

  it('refuses a table without a usable language tag or without an object, with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const before = ownMessages('fr');
    addMessages('not a tag!', { 'status.recount': 'x' });
    addMessages('fr', null as never);
    addMessages('fr', ['x'] as never);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(warn.mock.calls[0]![0]).toContain('"not a tag!" is not a language tag');
    expect(warn.mock.calls[1]![0]).toContain('not null');
    expect(ownMessages('fr')).toEqual(before);
  });

  it('tells listeners once per burst of additions, so widgets render again once', async () => {
    let calls = 0;
    const stop = onMessagesChange(() => (calls += 1));
    const version = messagesVersion();
    addMessages('da', { 'status.recount': 'Omtælling' });
    addMessages('da', { 'status.counting': 'Optælling' });
    expect(messagesVersion()).toBe(version + 2);
    await Promise.resolve();
    expect(calls).toBe(1);
    stop();
    addMessages('da', { 'status.postponed': 'Udsat' });
    await Promise.resolve();
    expect(calls).toBe(1);
  });
});
