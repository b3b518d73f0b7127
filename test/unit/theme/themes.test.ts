/**
 * The example house styles in demo/themes/ prove a partner can restyle every widget without
 * forking: each is made only of public tokens (`--tally-*`) and documented parts, colours in
 * part rules come from tokens, and every colour pair the widgets draw still meets WCAG AA in
 * both schemes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLOUR_TOKENS, VALUE_TOKENS } from '../../../src/theme/tokens.js';
import { contrastProblems } from './contrast-support.js';

const THEMES = new URL('../../../demo/themes/', import.meta.url);
const components = new URL('../../../src/components/', import.meta.url);
const ELEMENTS = ['seat-bar', 'party-table', 'council-list', 'ticker'];

interface Rule {
  readonly selectors: readonly string[];
  readonly declarations: readonly (readonly [string, string])[];
}

/** Flat CSS (no at-rules) into rules; comments dropped. */
function parse(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  expect(text, 'a theme is flat CSS: no @media, @import or @layer').not.toMatch(/@/);
  return [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((match) => ({
    selectors: match[1]!.split(',').map((selector) => selector.trim().replace(/\s+/g, ' ')),
    declarations: match[2]!
      .split(/;(?![^(]*\))/)
      .map((declaration) => declaration.trim())
      .filter(Boolean)
      .map((declaration) => {
        const colon = declaration.indexOf(':');
        return [
          declaration.slice(0, colon).trim(),
          declaration
            .slice(colon + 1)
            .trim()
            .replace(/\s+/g, ' '),
        ] as const;
      }),
  }));
}

const documentedParts = new Map(
  ELEMENTS.map((element) => {
    const source = readFileSync(new URL(`${element}/${element}.ts`, components), 'utf8');
    return [element, new Set([...source.matchAll(/@csspart ([a-z-]+)/g)].map((match) => match[1]!))];
  }),
);
const elementTokens = new Set(
  ELEMENTS.flatMap((element) =>
    [
      ...readFileSync(new URL(`${element}/${element}.ts`, components), 'utf8').matchAll(/@cssprop (--tally-[a-z-]+)/g),
    ].map((match) => match[1]!),
  ),
);
const sharedTokens = new Set([...COLOUR_TOKENS, ...VALUE_TOKENS].map((token) => `--tally-${token.name}`));
const isPublicToken = (name: string) =>
  sharedTokens.has(name) || elementTokens.has(name) || /^--tally-party-[a-z][a-z0-9_-]*$/.test(name);
const COLOUR_PROPERTIES =
  /^(color|background|background-color|border(-[a-z]+)*-color|border(-(top|right|bottom|left|block|inline)(-(start|end))?)?|outline(-color)?|fill|stroke|text-decoration-color|caret-color|accent-color)$/;

const files = readdirSync(THEMES).filter((name) => name.endsWith('.css'));

describe('example themes', () => {
  it('there are two', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of files) {
    const rules = parse(readFileSync(new URL(file, THEMES), 'utf8'));
    const theme = /^\.theme-[a-z]+/.exec(rules[0]?.selectors[0] ?? '')?.[0];

    describe(file, () => {
      it('scopes everything to one theme class', () => {
        expect(theme).toBeDefined();
        for (const rule of rules)
          for (const selector of rule.selectors) expect(selector.startsWith(theme!), selector).toBe(true);
      });

      it('sets only public tokens on the page, and styles widgets only through documented parts', () => {
        for (const rule of rules) {
          for (const selector of rule.selectors) {
            const part = /^\.theme-[a-z]+ tally-([a-z-]+)::part\(([a-z-]+)\)$/.exec(selector);
            if (selector.includes('::part(')) {
              expect(part, `${selector}: a part rule names one element and one part`).not.toBeNull();
              expect(documentedParts.get(part![1]!)?.has(part![2]!), `${selector}: a documented part`).toBe(true);
            } else {
              expect(selector, 'a token rule is the theme class, for light or dark').toMatch(
                /^\.theme-[a-z]+(\[data-scheme='dark'\])?$/,
              );
              for (const [name] of rule.declarations)
                expect(isPublicToken(name), `${selector} sets ${name}`).toBe(true);
            }
          }
          for (const [name, value] of rule.declarations) {
            expect(name.startsWith('--_'), `${name}: private tokens are not for themes`).toBe(false);
            expect(value.includes('--_'), `${name}: ${value} reads a private token`).toBe(false);
            // In part rules, colours come from tokens, so both schemes and the contrast checks hold.
            if (rule.selectors[0]!.includes('::part(') && COLOUR_PROPERTIES.test(name)) {
              const literal = value.replace(/var\(--tally-[a-z-]+\)/g, '');
              expect(literal, `${name}: ${value}`).not.toMatch(
                /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|\b(black|white|red|blue|green|gr[ae]y)\b/i,
              );
            }
          }
        }
      });

      for (const scheme of ['light', 'dark'] as const) {
        it(`keeps every colour pair at WCAG AA, ${scheme}`, () => {
          const colours: Record<string, string> = Object.fromEntries(
            COLOUR_TOKENS.map((token) => [token.name, token[scheme]]),
          );
          const apply = (selector: string) => {
            for (const rule of rules.filter((candidate) => candidate.selectors.includes(selector))) {
              for (const [name, value] of rule.declarations) {
                const token = name.replace(/^--tally-/, '');
                if (token in colours) colours[token] = value;
              }
            }
          };
          apply(theme!);
          if (scheme === 'dark') apply(`${theme}[data-scheme='dark']`);
          expect(contrastProblems(colours)).toEqual([]);
        });
      }
    });
  }
});
