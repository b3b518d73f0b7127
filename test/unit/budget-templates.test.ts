/**
 * The build's template minifier (vite.templates.ts): Tally's own pass removes only white space
 * that cannot render (inside SVG) or that the author marked as meaningless (compact templates),
 * and leaves alone what it does not understand; Lit's minifier then does the rest without
 * changing what renders or what Lit binds.
 */
import { describe, expect, it } from 'vitest';
import { layoutWhiteSpace, layoutWhiteSpaceInModule, minifyTemplatesInModule } from '../../vite.templates';

describe('layoutWhiteSpace', () => {
  it('removes white space between tags and expressions inside SVG, but not in the HTML around it', () => {
    expect(
      layoutWhiteSpace([
        '<div>\n  <svg viewBox="0 0 1 1">\n    <g>\n      ',
        '\n      ',
        '\n    </g>\n  </svg>\n</div>',
      ]),
    ).toEqual(['<div>\n  <svg viewBox="0 0 1 1"><g>', '', '</g></svg>\n</div>']);
  });
  it('treats an svg template as SVG throughout, and leaves white space inside its tags to the second pass', () => {
    expect(
      layoutWhiteSpace(['<g class="hex"\n  data-id=', '\n>\n  <polygon points=', '></polygon>\n</g>'], true),
    ).toEqual(['<g class="hex"\n  data-id=', '\n><polygon points=', '></polygon></g>']);
  });
  it('keeps the words apart in SVG text, and SVG ends with its element', () => {
    expect(layoutWhiteSpace(['<g>\n  <text>\n    two   words\n  </text>\n</g>'], true)).toEqual([
      '<g><text>\n    two   words\n  </text></g>',
    ]);
    expect(layoutWhiteSpace(['<svg><g></g></svg>\n<p>a</p>\n<p>b</p>'])).toEqual([
      '<svg><g></g></svg>\n<p>a</p>\n<p>b</p>',
    ]);
  });
  it('keeps quoted attribute values exactly, inside SVG too', () => {
    expect(layoutWhiteSpace(['<path d="M0 0\n   L1 1" />\n<g></g>'], true)).toEqual([
      '<path d="M0 0\n   L1 1" /><g></g>',
    ]);
  });
  it('in a compact template, drops white space next to tags but keeps it beside words and between expressions', () => {
    expect(
      layoutWhiteSpace(['<li>\n  <span>a</span>\n  <span>b  c</span>\n  ', '\n  ', '\n</li>'], false, true),
    ).toEqual(['<li><span>a</span><span>b  c</span>', '\n  ', '</li>']);
    expect(layoutWhiteSpace(['<p>\n  Declared ', '\n</p>'], false, true)).toEqual(['<p>\n  Declared ', '</p>']);
    // Not compact: all stays, for the second pass to collapse.
    expect(layoutWhiteSpace(['<li>\n  <span>a</span>\n</li>'])).toEqual(['<li>\n  <span>a</span>\n</li>']);
  });
  it('leaves alone templates with comments, raw-text elements, or a tag it cannot finish', () => {
    expect(layoutWhiteSpace(['<!-- note -->\n<p>a</p>'])).toBeUndefined();
    expect(layoutWhiteSpace(['<pre>\n  a\n</pre>'])).toBeUndefined();
    expect(layoutWhiteSpace(['<style>\n  a {}\n</style>'])).toBeUndefined();
    expect(layoutWhiteSpace(['<p title="a', '"'])).toBeUndefined();
    expect(layoutWhiteSpace(['<p', '>'])).toBeUndefined();
  });
});

describe('layoutWhiteSpaceInModule', () => {
  it('reads the compact mark between the tag and its template, and touches no other template', () => {
    const result = layoutWhiteSpaceInModule(
      'export const a = html/* compact */`<ul>\n  <li>x</li>\n</ul>`; export const b = html`<ul>\n  <li>x</li>\n</ul>`; const c = `<ul>\n  <li>`;',
      '/x/src/a.ts',
    );
    expect(result?.code).toBe(
      'export const a = html/* compact */`<ul><li>x</li></ul>`; export const b = html`<ul>\n  <li>x</li>\n</ul>`; const c = `<ul>\n  <li>`;',
    );
    expect(result?.map.mappings).not.toBe('');
  });
  it('returns nothing when no template changes', () => {
    expect(layoutWhiteSpaceInModule('export const a = html`<p>a  b</p>`;', '/x/src/a.ts')).toBeUndefined();
  });
});

describe('minifyTemplatesInModule (both passes, as the build runs them)', () => {
  it('rewrites css, html and svg templates (nested ones too) and nothing else', async () => {
    const source = [
      "import { css, html, svg } from 'lit';",
      'const label: string = `keep   this`;',
      'export const styles = css`\n  .a {\n    color: red; /* why */\n  }\n  .a .b :focus-visible { width: calc(100% - 2px); }\n`;',
      'export const view = (x: number) => html`<ul>\n  ${[x].map((y) => html`<li class="row">\n    ${y}\n  </li>`)}\n</ul>`;',
      'export const mark = svg`<g>\n  <circle r=${1}></circle>\n  <path d="M0 0 L1 1" />\n</g>`;',
    ].join('\n');
    expect((await minifyTemplatesInModule(source, '/x/src/example.ts'))?.code).toBe(
      [
        "import { css, html, svg } from 'lit';",
        'const label: string = `keep   this`;',
        'export const styles = css`.a{color:red}.a .b :focus-visible{width:calc(100% - 2px)}`;',
        'export const view = (x: number) => html`<ul> ${[x].map((y) => html`<li class=row> ${y} </li>`)} </ul>`;',
        'export const mark = svg`<g><circle r=${1}></circle><path d="M0 0 L1 1"/></g>`;',
      ].join('\n'),
    );
  });
  it('keeps one space wherever there was white space in HTML, and the slash of an empty element', async () => {
    const result = await minifyTemplatesInModule(
      'html`<p>\n  <b>a</b>\n  <i>b</i>\n</p><input value=${x} />`;',
      '/x/src/a.ts',
    );
    expect(result?.code).toBe('html`<p> <b>a</b> <i>b</i> </p><input value=${x} />`;');
  });
  it('keeps an expression that stands for whole declarations', async () => {
    const result = await minifyTemplatesInModule(
      'css`\n  :host {\n    ${base}\n    color-scheme: light;\n  }\n`;',
      '/x/src/a.ts',
    );
    expect(result?.code).toBe('css`:host{${base}color-scheme:light}`;');
  });
  it('refuses a css template it cannot read as CSS, rather than guess', async () => {
    await expect(minifyTemplatesInModule('css`\n  .a ${b} .c { color: red; }\n`;', '/x/src/a.ts')).rejects.toThrow(
      /LightningCSS/,
    );
  });
  it('returns nothing for a module without templates', async () => {
    expect(await minifyTemplatesInModule('export const a = `b   c`;', '/x/src/a.ts')).toBeUndefined();
  });
});
