/**
 * The build's template minifier (vite.templates.ts): it may only remove what cannot be
 * rendered or bound, and must leave alone what it does not understand.
 */
import { describe, expect, it } from 'vitest';
import { minifyCssTemplate, minifyHtmlTemplate, minifyTemplatesInModule } from '../../vite.templates';

describe('minifyCssTemplate', () => {
  it('drops comments, indentation and the last semicolon of a block', () => {
    expect(minifyCssTemplate(['\n  :host {\n    display: block; /* why */\n    contain: layout style;\n  }\n  .a > .b,\n  .c {\n    color: red !important;\n  }\n'])).toEqual([
      ':host{display:block;contain:layout style}.a>.b,.c{color:red!important}',
    ]);
  });
  it('keeps the spaces that carry meaning: descendant combinators, calc operators, a pseudo-class after a space', () => {
    expect(minifyCssTemplate(['.a .b :focus-visible { width: calc(100% - 2px); }'])).toEqual(['.a .b :focus-visible{width:calc(100% - 2px)}']);
  });
  it('keeps quoted strings exactly', () => {
    expect(minifyCssTemplate([".a::before { content: '  ⚠\\\\FE0E ;  }'; }"])).toEqual([".a::before{content:'  ⚠\\\\FE0E ;  }'}"]);
  });
  it('keeps one space next to an expression, none at the ends', () => {
    expect(minifyCssTemplate(['\n  :host {\n    ', '\n    ', '\n    color-scheme: light;\n  }\n'])).toEqual([':host{', ' ', ' color-scheme:light}']);
  });
  it('gives up on an unterminated comment or string', () => {
    expect(minifyCssTemplate(['.a { /* b ', ' */ }'])).toBeUndefined();
    expect(minifyCssTemplate([".a { content: 'b", "' }"])).toBeUndefined();
  });
});

describe('minifyHtmlTemplate', () => {
  it('collapses white space to one space in text and between attributes, and drops it before ">"', () => {
    expect(minifyHtmlTemplate(['<p class="a"\n    title=', '\n  >\n    hello   world\n  </p>'])).toEqual(['<p class="a" title=', '> hello world </p>']);
  });
  it('keeps the space before "/>" (an expression would take the slash into its value)', () => {
    expect(minifyHtmlTemplate(['<input value=', ' />'])).toEqual(['<input value=', ' />']);
  });
  it('keeps white space inside quoted attribute values as one space', () => {
    expect(minifyHtmlTemplate(['<p aria-describedby="', '   ', '"></p>'])).toEqual(['<p aria-describedby="', ' ', '"></p>']);
  });
  it('removes white space between tags and expressions inside SVG, but not in the HTML around it', () => {
    expect(minifyHtmlTemplate(['<div>\n  <svg viewBox="0 0 1 1">\n    <g>\n      ', '\n      ', '\n    </g>\n  </svg>\n</div>'])).toEqual([
      '<div> <svg viewBox="0 0 1 1"><g>',
      '',
      '</g></svg> </div>',
    ]);
    expect(minifyHtmlTemplate(['<g class="hex"\n  data-id=', '\n>\n  <polygon points=', '></polygon>\n</g>'], true)).toEqual([
      '<g class="hex" data-id=',
      '><polygon points=',
      '></polygon></g>',
    ]);
  });
  it('keeps the words apart in SVG text', () => {
    expect(minifyHtmlTemplate(['<g>\n  <text>\n    two   words\n  </text>\n</g>'], true)).toEqual(['<g><text> two words </text></g>']);
  });
  it('in a compact template, drops white space next to tags but keeps it beside words and between expressions', () => {
    expect(minifyHtmlTemplate(['<li>\n  <span>a</span>\n  <span>b  c</span>\n  ', '\n  ', '\n</li>'], false, true)).toEqual(['<li><span>a</span><span>b c</span>', ' ', '</li>']);
    expect(minifyHtmlTemplate(['<p>\n  Declared ', '\n</p>'], false, true)).toEqual(['<p> Declared ', '</p>']);
    // Not compact: one space stays everywhere.
    expect(minifyHtmlTemplate(['<li>\n  <span>a</span>\n</li>'])).toEqual(['<li> <span>a</span> </li>']);
  });

  it('leaves alone templates with comments, raw-text elements or preformatted text', () => {
    expect(minifyHtmlTemplate(['<!-- note -->\n<p>a</p>'])).toBeUndefined();
    expect(minifyHtmlTemplate(['<pre>\n  a\n</pre>'])).toBeUndefined();
    expect(minifyHtmlTemplate(['<style>\n  a {}\n</style>'])).toBeUndefined();
  });
});

describe('minifyTemplatesInModule', () => {
  it('rewrites css, html and svg templates (nested ones too) and nothing else, with a source map', () => {
    const source = [
      "import { css, html, svg } from 'lit';",
      'const label: string = `keep   this`;',
      'export const styles = css`\n  .a {\n    color: red;\n  }\n`;',
      'export const view = (x: number) => html`<ul>\n  ${[x].map((y) => html`<li>\n    ${y}\n  </li>`)}\n</ul>`;',
      'export const mark = svg`<g>\n  <circle r="1"></circle>\n</g>`;',
    ].join('\n');
    const result = minifyTemplatesInModule(source, '/x/src/example.ts');
    expect(result?.code).toBe(
      [
        "import { css, html, svg } from 'lit';",
        'const label: string = `keep   this`;',
        'export const styles = css`.a{color:red}`;',
        'export const view = (x: number) => html`<ul> ${[x].map((y) => html`<li> ${y} </li>`)} </ul>`;',
        'export const mark = svg`<g><circle r="1"></circle></g>`;',
      ].join('\n'),
    );
    expect(result?.map.mappings).not.toBe('');
  });
  it('reads the compact mark between the tag and its template', () => {
    const result = minifyTemplatesInModule('export const a = html/* compact */`<ul>\n  <li>x</li>\n</ul>`; export const b = html`<ul>\n  <li>x</li>\n</ul>`;', '/x/src/a.ts');
    expect(result?.code).toBe('export const a = html/* compact */`<ul><li>x</li></ul>`; export const b = html`<ul> <li>x</li> </ul>`;');
  });

  it('returns nothing for a module without templates', () => {
    expect(minifyTemplatesInModule('export const a = `b   c`;', '/x/src/a.ts')).toBeUndefined();
  });
});
