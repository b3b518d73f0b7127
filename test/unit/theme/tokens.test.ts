/**
 * The one token set: the generated CSS maps every public token onto its private one in both
 * schemes; every pair of colours that text or a control really uses meets WCAG AA in both
 * schemes; the widgets read only these tokens plus their own documented ones; and
 * docs/theming.md lists every token with its defaults.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLOUR_TOKENS, publicToken, tokenColour, tokens, VALUE_TOKENS } from '../../../src/theme/tokens.js';
import { contrastRatio, parseColour } from '../../../src/theme/colour.js';
import { contrastProblems, PAIRS, STRIPE_OPACITY } from './contrast-support.js';

const SCHEMES = ['light', 'dark'] as const;
const rgb = (name: string, scheme: (typeof SCHEMES)[number]) => parseColour(tokenColour(name, scheme))!;

describe('tokens', () => {
  it('maps every public token onto its private one, with the default of each scheme', () => {
    const text = tokens.cssText;
    for (const token of COLOUR_TOKENS) {
      expect(text, token.name).toContain(`${token.private}: var(--tally-${token.name}, ${token.light});`);
      expect(text, token.name).toContain(`${token.private}: var(--tally-${token.name}, ${token.dark});`);
    }
    for (const token of VALUE_TOKENS) {
      // The base: the host's own font size, and inside, in pixels, the widget's rem.
      if (token.name === 'font-size')
        expect(text).toContain(`font-size: var(--tally-font-size, ${token.value}) !important;`);
      else expect(text, token.name).toContain(`${token.private}: var(--tally-${token.name}, ${token.value});`);
    }
    expect(text).toContain('--_tally-rem: 1em;');
    expect(text).toContain('--_rem: var(--_tally-rem);');
    expect(text).toContain('--_font-size: var(--_rem);');
    expect(text, 'nothing sized from the page’s root font size').not.toMatch(/\drem\b/);
    // Dark values apply for theme="dark" and for the reader's dark preference unless theme="light".
    expect(text).toMatch(/:host\(\[theme='dark'\]\)\s*\{[^}]*--_text: var\(--tally-text, #f0f0f0\)/);
    expect(text).toMatch(
      /@media \(prefers-color-scheme: dark\)\s*\{\s*:host\(:not\(\[theme='light'\]\)\)\s*\{[^}]*--_text: var\(--tally-text, #f0f0f0\)/,
    );
  });

  it('has the token set the docs promise: font, sizes, colours, radius and spacing', () => {
    const names = [...COLOUR_TOKENS, ...VALUE_TOKENS].map((token) => token.name);
    for (const name of [
      'font',
      'font-size',
      'font-size-small',
      'font-size-large',
      'text',
      'muted',
      'background',
      'surface',
      'border',
      'focus',
      'accent',
      'radius',
      'spacing',
    ]) {
      expect(names).toContain(name);
    }
    expect(new Set(names).size).toBe(names.length);
    for (const token of COLOUR_TOKENS) {
      expect(parseColour(token.light), `${token.name} light`).toBeDefined();
      expect(parseColour(token.dark), `${token.name} dark`).toBeDefined();
    }
  });
});

describe('token contrast', () => {
  for (const scheme of SCHEMES) {
    const colours = Object.fromEntries(COLOUR_TOKENS.map((token) => [token.name, token[scheme]]));
    for (const [foreground, background, minimum, where] of PAIRS) {
      it(`${scheme}: ${foreground} on ${background} ≥ ${minimum}:1 (${where})`, () => {
        expect(contrastRatio(rgb(foreground, scheme), rgb(background, scheme))).toBeGreaterThanOrEqual(minimum);
      });
    }
    it(`${scheme}: text stays at 4.5:1 under the TEST DATA stripes`, () => {
      expect(contrastProblems(colours)).toEqual([]);
    });
  }

  it('the check finds a pair that fails (it can fail)', () => {
    const colours = Object.fromEntries(COLOUR_TOKENS.map((token) => [token.name, token.light]));
    expect(contrastProblems({ ...colours, muted: '#9a9a9a' }).join('\n')).toContain('muted on background');
  });

  it('the stripes match the shared styles', () => {
    const styles = readFileSync(new URL('../../../src/components/shared/styles.ts', import.meta.url), 'utf8');
    expect(styles).toMatch(
      new RegExp(`\\.frame\\[data-test\\]::after \\{[^}]*var\\(--_pattern\\)[^}]*opacity: ${STRIPE_OPACITY};`),
    );
  });
});

// How the widgets use tokens ------------------------------------------------------------

const components = new URL('../../../src/components/', import.meta.url);
const elements = ['seat-bar', 'party-table', 'council-list', 'ticker'] as const;
const read = (folder: string) =>
  readdirSync(new URL(`${folder}/`, components))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ name, text: readFileSync(new URL(`${folder}/${name}`, components), 'utf8') }));
const shared = read('shared');
const sharedTokens = new Set([...COLOUR_TOKENS, ...VALUE_TOKENS].map((token) => token.private).concat('--_rem'));

/** Private tokens a set of files defines: `--_x:` in CSS, `'--_x':` in a styleMap, `setProperty('--_x'`. */
function definedIn(files: readonly { text: string }[]): Set<string> {
  const out = new Set<string>();
  for (const { text } of files) {
    for (const match of text.matchAll(/(--_[\w-]+)\s*:/g)) out.add(match[1]!);
    for (const match of text.matchAll(/'(--_[\w-]+)'\s*:/g)) out.add(match[1]!);
    for (const match of text.matchAll(/setProperty\('(--_[\w-]+)'/g)) out.add(match[1]!);
  }
  return out;
}

describe('token use in the widgets', () => {
  for (const element of elements) {
    const files = [...read(element), ...shared];
    const styles = files.filter((file) => file.name.endsWith('styles.ts'));
    const css = styles.map((file) => file.text).join('\n');
    const classFile = read(element).find((file) => file.name === `${element}.ts`)!.text;

    it(`${element}: reads only shared tokens and private tokens it defines itself`, () => {
      const defined = new Set([...sharedTokens, ...definedIn(files)]);
      const used = new Set([...css.matchAll(/var\((--_[\w-]+)/g)].map((match) => match[1]!));
      expect([...used].filter((name) => !defined.has(name))).toEqual([]);
    });

    it(`${element}: sizes nothing in rem (the host page's root font size), only in its own base`, () => {
      const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*(\/\/|\*).*$/gm, '');
      expect(withoutComments.match(/[\d.]+rem\b/g) ?? []).toEqual([]);
    });

    it(`${element}: its public tokens are the shared ones, party colours, or its own documented --tally-${element}-*`, () => {
      const publicNames = new Set([...COLOUR_TOKENS, ...VALUE_TOKENS].map((token) => publicToken(token.name)));
      const referenced = new Set([...css.matchAll(/(--tally-[\w-]+)/g)].map((match) => match[1]!));
      const documented = new Set([...classFile.matchAll(/@cssprop (--tally-[\w<>-]+)/g)].map((match) => match[1]!));
      for (const name of referenced) {
        if (publicNames.has(name)) continue;
        expect(name.startsWith(`--tally-${element}-`), `${name} is neither shared nor named for ${element}`).toBe(true);
        expect(documented.has(name), `${name} has no @cssprop`).toBe(true);
      }
      expect(documented.has('--tally-party-<id>'), 'party colours documented').toBe(true);
    });

    it(`${element}: writes no colour of its own (shadows and forced-colours system colours aside)`, () => {
      const withoutForcedColours = css.replace(
        /@media \(forced-colors: active\)\s*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g,
        '',
      );
      const literals = [
        ...withoutForcedColours.matchAll(
          /#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)|\b(?:Canvas|CanvasText|Highlight|HighlightText|ButtonText|LinkText|GrayText)\b/g,
        ),
      ].map((match) => match[0]);
      // A drop shadow or a hairline in translucent black reads on any ground in either scheme.
      expect(literals.filter((literal) => !/^rgba\(0, 0, 0, 0\.\d+\)$/.test(literal))).toEqual([]);
    });
  }
});

describe('docs/theming.md', () => {
  it('lists every token with its defaults', () => {
    const docs = readFileSync(new URL('../../../docs/theming.md', import.meta.url), 'utf8');
    for (const token of COLOUR_TOKENS) {
      const line = docs.split('\n').find((candidate) => candidate.includes(`\`--tally-${token.name}\``));
      expect(line, token.name).toBeDefined();
      expect(line, token.name).toContain(token.light);
      expect(line, token.name).toContain(token.dark);
    }
    for (const token of VALUE_TOKENS) {
      const line = docs.split('\n').find((candidate) => candidate.includes(`\`--tally-${token.name}\``));
      expect(line, token.name).toBeDefined();
      expect(line, token.name).toContain(token.documented ?? token.value.split(',')[0]!);
    }
  });
});
