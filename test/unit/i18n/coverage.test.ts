/**
 * Every user-visible string comes from the message tables, and the tables are complete:
 * every key the code uses exists in British English, Welsh translates every English key with
 * the same placeholders, nothing is left in English by mistake, and no key is dead.
 *
 * All four elements' tables are loaded, as a page with every widget has them, the iframe page's,
 * and the server's (snapshots, area pages).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import '../../../src/components/seat-bar/messages.js';
import '../../../src/components/party-table/messages.js';
import '../../../src/components/council-list/messages.js';
import '../../../src/components/ticker/messages.js';
import '../../../src/components/area-result/messages.js';
import '../../../src/embed/messages.js';
import '../../../src/server/messages.js';
import { ownMessages, type Message } from '../../../src/i18n/messages.js';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));
const english = ownMessages('en-GB');
const welsh = ownMessages('cy');
const keys = Object.keys(english);

/** Every .ts file under src/, except the message tables themselves. */
function sources(): { path: string; text: string }[] {
  return readdirSync(SRC, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.includes('locales') && !name.endsWith('messages.ts'))
    .map((name) => ({ path: relative(SRC, join(SRC, name)), text: readFileSync(join(SRC, name), 'utf8') }));
}

const namespaces = [...new Set(keys.map((key) => key.split('.')[0]!))];
const literal = new RegExp(`['"\`]((?:${namespaces.join('|')})\\.[\\w.-]*(?:\\$\\{[^}]+\\}[\\w.-]*)*)['"\`]`, 'g');

/** Keys in the code: plain literals ('seatBar.title.seats') and templates (`status.${kind}`) as patterns. */
function keysInCode(): { literals: Map<string, string>; templates: Map<string, string> } {
  const literals = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const { path, text } of sources()) {
    for (const match of text.matchAll(literal)) {
      const key = match[1]!;
      if (key.endsWith('.')) continue;
      (key.includes('${') ? templates : literals).set(key, path);
    }
  }
  return { literals, templates };
}

const placeholders = (message: Message | undefined) => [...new Set(JSON.stringify(message ?? null).match(/\{\w+\}/g) ?? [])].sort();
const forms = (message: Message | undefined) => (typeof message === 'string' || message === undefined ? [] : Object.values(message));

describe('message keys', () => {
  const { literals, templates } = keysInCode();

  it('finds the keys the code uses', () => {
    expect(literals.size).toBeGreaterThan(150);
    expect(templates.size).toBeGreaterThan(5);
  });

  it('every key the code names exists in British English', () => {
    const missing = [...literals].filter(([key]) => !(key in english) && !isPropertyPath(key)).map(([key, path]) => `${key} (${path})`);
    expect(missing).toEqual([]);
  });

  it('every key pattern the code builds matches at least one English key', () => {
    for (const [template, path] of templates) {
      const pattern = new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\$\\?\{[^}]+\}/g, '[\\w-]+')}$`);
      expect(keys.some((key) => pattern.test(key)), `${template} (${path})`).toBe(true);
    }
  });

  it('no English key is dead: each is named in the code, or built by a pattern there', () => {
    const patterns = [...templates.keys()].map((template) => new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\$\\?\{[^}]+\}/g, '[\\w-]+')}$`));
    const dead = keys.filter((key) => !literals.has(key) && !patterns.some((pattern) => pattern.test(key)));
    expect(dead).toEqual([]);
  });
});

/** Strings such as 'feed.meta.revision' or 'embed.html' are paths and file names, not message keys. */
function isPropertyPath(key: string): boolean {
  return /^(feed|party|count)\.(meta|parties|areas|summary|events|id|name)\b/.test(key) || /\.(html|json|js|ts|css)$/.test(key);
}

describe('Welsh', () => {
  it('translates every English key, and has no key English lacks', () => {
    expect(keys.filter((key) => !(key in welsh))).toEqual([]);
    expect(Object.keys(welsh).filter((key) => !(key in english))).toEqual([]);
  });

  it('has no empty message', () => {
    for (const key of keys) for (const text of [welsh[key], ...forms(welsh[key])]) if (typeof text === 'string') expect(text.trim(), key).not.toBe('');
  });

  it('keeps every placeholder of the English message', () => {
    for (const key of keys) expect(placeholders(welsh[key]), key).toEqual(placeholders(english[key]));
  });

  it('is not English left untranslated (only messages without words may be the same)', () => {
    const same = keys.filter((key) => JSON.stringify(welsh[key]) === JSON.stringify(english[key]));
    // What is left once placeholders, digits and punctuation are taken out has no letters.
    const wordy = same.filter((key) => /\p{L}{2,}/u.test(JSON.stringify(english[key]).replace(/\{\w+\}/g, '').replace(/"(zero|one|two|few|many|other)":/g, '')));
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
