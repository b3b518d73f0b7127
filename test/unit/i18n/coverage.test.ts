/**
 * The message tables are complete, as loaded: Welsh (fetched on first use, as a page does)
 * translates every English key with the same placeholders, and nothing is left in English by
 * mistake. That every key the code names exists in both languages is the compiler's job
 * (message keys are typed: see message-keys.test.ts).
 *
 * All four elements' tables are loaded, as a page with every widget has them, the iframe page's,
 * and the server's (snapshots, area pages).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../../../src/components/seat-bar/messages.js';
import '../../../src/components/party-table/messages.js';
import '../../../src/components/council-list/messages.js';
import '../../../src/components/ticker/messages.js';
import '../../../src/components/area-result/messages.js';
import '../../../src/embed/messages.js';
import '../../../src/server/messages.js';
import { loadLocale, ownMessages, type Message } from '../../../src/i18n/messages.js';

await loadLocale('cy');

const english = ownMessages('en-GB');
const welsh = ownMessages('cy');
const keys = Object.keys(english);

const placeholders = (message: Message | undefined) =>
  [...new Set(JSON.stringify(message ?? null).match(/\{\w+\}/g) ?? [])].sort();
const forms = (message: Message | undefined) =>
  typeof message === 'string' || message === undefined ? [] : Object.values(message);

describe('Welsh', () => {
  it('translates every English key, and has no key English lacks', () => {
    expect(keys.filter((key) => !(key in welsh))).toEqual([]);
    expect(Object.keys(welsh).filter((key) => !(key in english))).toEqual([]);
  });

  it('has no empty message', () => {
    for (const key of keys)
      for (const text of [welsh[key], ...forms(welsh[key])])
        if (typeof text === 'string') expect(text.trim(), key).not.toBe('');
  });

  it('keeps every placeholder of the English message', () => {
    for (const key of keys) expect(placeholders(welsh[key]), key).toEqual(placeholders(english[key]));
  });

  it('is not English left untranslated (only messages without words may be the same)', () => {
    const same = keys.filter((key) => JSON.stringify(welsh[key]) === JSON.stringify(english[key]));
    // What is left once placeholders, digits and punctuation are taken out has no letters.
    const wordy = same.filter((key) =>
      /\p{L}{2,}/u.test(
        JSON.stringify(english[key])
          .replace(/\{\w+\}/g, '')
          .replace(/"(zero|one|two|few|many|other)":/g, ''),
      ),
    );
    expect(wordy).toEqual([]);
  });

  it('gives a count the "other" form, which Welsh plural rules fall back to', () => {
    for (const key of keys) {
      const message = welsh[key];
      if (typeof message === 'object') expect(message.other, key).toBeTypeOf('string');
    }
  });
});

describe('docs/languages.md', () => {
  it('shows only real keys in its examples, with the English placeholders', () => {
    const docs = readFileSync(new URL('../../../docs/languages.md', import.meta.url), 'utf8');
    const code = [...docs.matchAll(/```(?:js|html)\n([\s\S]*?)```/g)].map((match) => match[1]!).join('\n');
    const examples = [...code.matchAll(/'([a-zA-Z]+\.[\w.-]+)':\s*('[^']*'|\{[^}]*\})/g)];
    expect(examples.length).toBeGreaterThan(5);
    for (const [, key, message] of examples) {
      expect(key! in english, `${key} is a key`).toBe(true);
      expect([...new Set(message!.match(/\{\w+\}/g) ?? [])].sort(), key).toEqual(placeholders(english[key!]));
    }
  });
});
