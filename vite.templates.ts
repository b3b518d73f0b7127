/**
 * Minifying Lit's tagged templates (`css`, `html`, `svg`) in our sources, so the shipped bundles
 * carry no indentation, comments or line breaks from them. Two passes, each a Vite plugin:
 *
 * 1. Tally's own rules, which no general minifier can know (`layoutWhiteSpace`):
 *    - inside SVG (an `svg` template, or an `<svg>` element in an `html` one), outside `<text>`
 *      and its kin, white space between tags is not rendered at all, so it is removed, which
 *      also saves the browser the empty text nodes it would clone for every hex of a large map;
 *    - `html/* compact *\/\`…\``: the author says that no white space between tags matters in
 *      this template (every element sits in a flex or grid container, or is a block), so white
 *      space next to a tag, with no text on its other side, is removed as inside SVG; words keep
 *      their spaces, and so does white space between two expressions. Rows of a long list are
 *      cloned thousands of times, and each of these text nodes with them.
 *    Only white space outside tags is touched; a template this pass does not understand (a
 *    comment, a `<pre>`, `<style>` or other raw-text element, an unterminated tag) is left as
 *    written for the second pass.
 * 2. Lit's maintained minifier, `@lit-labs/rollup-plugin-minify-html-literals`: html-minifier-next
 *    for `html` and `svg` (white space collapsed to one space, never removed, so what renders
 *    stays the same; comments dropped) and Lightning CSS for `css`. A template it cannot
 *    minify fails the build, naming the file, rather than shipping unminified: an expression
 *    must stand for a whole value or whole declarations (`${unsafeCSS('a: b;')}`), not part of
 *    a selector or a property name.
 */
import { minifyHTMLLiterals } from '@lit-labs/rollup-plugin-minify-html-literals/lib/minify-html-literals.js';
import { Features } from 'lightningcss';
import MagicString from 'magic-string';
import { parseAst } from 'rolldown/parseAst';
import type { Plugin } from 'vite';

/**
 * The oldest browsers the widgets work in (ES2022, container queries, `:has()`), as Lightning
 * CSS reads them (major << 16 | minor << 8): it writes no CSS syntax they cannot read.
 */
export const CSS_TARGETS = { chrome: 105 << 16, firefox: 121 << 16, safari: (16 << 16) | (4 << 8) } as const;

/** html-minifier-next's options over Lit's defaults (which collapse white space, drop comments, minify CSS). */
export const HTML_MINIFY_OPTIONS = {
  // One space stays wherever there was white space: removing it entirely is only safe where
  // the layout is known, which is what the first pass is for.
  conservativeCollapse: true,
  // Lit binds unquoted attributes as well as quoted ones; quotes around `${…}` cost two bytes each.
  removeAttributeQuotes: true,
  // `<path />` in an `svg` template is an empty element only with its slash.
  keepClosingSlash: true,
  // For `css` templates and `style` attributes alike. Minified, not rewritten: no vendor prefixes
  // added, no `color-scheme` polyfill, and an expression standing for declarations (which Lightning
  // CSS reads as a nested at-rule) is not moved out of its rule.
  minifyCSS: { targets: CSS_TARGETS, exclude: Features.LightDark | Features.VendorPrefixes | Features.Nesting },
} as const;

const WHITE_SPACE = /\s/;
/** Elements whose content must keep every character as written. */
const VERBATIM = new Set(['pre', 'textarea', 'style', 'script', 'title', 'listing', 'plaintext', 'xmp']);
/** SVG elements whose content is rendered text. */
const SVG_TEXT = new Set(['text', 'tspan', 'textpath', 'title', 'desc']);

/**
 * The first pass on one `html` (or, with `svg` true, `svg`) template's static parts: white space
 * between tags removed where it cannot render (inside SVG, outside text) or where the author
 * said it does not matter (`compact`). Everything else is returned as written. `undefined`
 * when the template is not understood.
 */
export function layoutWhiteSpace(strings: readonly string[], svg = false, compact = false): string[] | undefined {
  const out: string[] = [];
  let inTag = false;
  let quote: string | undefined;
  let tagName = '';
  let readingName = false;
  let closing = false;
  let svgDepth = svg ? 1 : 0;
  let svgTextDepth = 0;
  for (const text of strings) {
    let result = '';
    let i = 0;
    while (i < text.length) {
      const char = text[i]!;
      if (readingName && !/[\w:-]/.test(char)) {
        readingName = false;
        if (VERBATIM.has(tagName)) return undefined;
      }
      if (quote) {
        if (char === quote) quote = undefined;
      } else if (inTag) {
        if (char === '"' || char === "'") quote = char;
        else if (char === '>') {
          inTag = false;
          closeTag(text[i - 1] === '/');
        } else if (readingName) tagName += char.toLowerCase();
      } else if (char === '<' && /[A-Za-z/!]/.test(text[i + 1] ?? '')) {
        if (text[i + 1] === '!') return undefined; // a comment or doctype: left to the second pass
        inTag = true;
        closing = text[i + 1] === '/';
        tagName = '';
        readingName = true;
        result += closing ? '</' : '<';
        i += closing ? 2 : 1;
        continue;
      } else if (WHITE_SPACE.test(char)) {
        let end = i;
        while (end < text.length && WHITE_SPACE.test(text[end]!)) end++;
        const next = text[end];
        const layout = svgDepth > 0 && svgTextDepth === 0;
        if (!layout && !(compact && betweenTags(result, next))) result += text.slice(i, end);
        i = end;
        continue;
      }
      result += char;
      i++;
    }
    // An expression as (part of) a tag name: Lit does not allow it; leave the template alone.
    if (readingName) return undefined;
    out.push(result);
  }
  if (inTag || quote) return undefined;
  return out;

  function closeTag(selfClosing: boolean): void {
    if (tagName === 'svg') {
      if (closing) svgDepth = Math.max(0, svgDepth - 1);
      else if (!selfClosing) svgDepth++;
    } else if (svgDepth > 0 && SVG_TEXT.has(tagName)) {
      if (closing) svgTextDepth = Math.max(0, svgTextDepth - 1);
      else if (!selfClosing) svgTextDepth++;
    }
  }
}

/**
 * In a compact template, white space with no text on either side and a tag on one side at
 * least (between two expressions it stays: they may be words). `before` is the text of this
 * part so far ('' right after an expression or at the start), `next` the character after the
 * white space (undefined before an expression or at the end).
 */
function betweenTags(before: string, next: string | undefined): boolean {
  const leftTag = before.endsWith('>');
  const rightTag = next === '<';
  return (leftTag || before === '') && (rightTag || next === undefined) && (leftTag || rightTag);
}

interface Node {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly [key: string]: unknown;
}

interface TemplateElementNode extends Node {
  readonly value: { readonly raw: string };
}

function walk(node: unknown, visit: (node: Node) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  const record = node as Record<string, unknown>;
  if (typeof record.type === 'string') visit(record as unknown as Node);
  for (const key in record) {
    const value = record[key];
    if (value && typeof value === 'object') walk(value, visit);
  }
}

type Rewritten = { code: string; map: ReturnType<MagicString['generateMap']> };

/** The first pass over one module: every `html` and `svg` template; `undefined` if none changed. */
export function layoutWhiteSpaceInModule(code: string, id: string): Rewritten | undefined {
  if (!/\b(?:html|svg)(?:\/\*[^*]*\*\/)?`/.test(code)) return undefined;
  const ast = parseAst(code, { lang: id.endsWith('.ts') ? 'ts' : 'js' }, id);
  const edits = new MagicString(code);
  let changed = false;
  walk(ast, (node) => {
    if (node.type !== 'TaggedTemplateExpression') return;
    const tag = node.tag as Node & { name?: string };
    if (tag.type !== 'Identifier' || (tag.name !== 'html' && tag.name !== 'svg')) return;
    const quasis = (node.quasi as { quasis: TemplateElementNode[] }).quasis;
    // oxc's spans include the delimiters: the raw text starts after "`" or "}".
    const ranges = quasis.map((quasi) => ({
      start: quasi.start + 1,
      end: quasi.start + 1 + quasi.value.raw.length,
      raw: quasi.value.raw,
    }));
    if (ranges.some((range) => code.slice(range.start, range.end) !== range.raw)) return;
    const compact = /\/\*\s*compact\s*\*\//.test(code.slice(tag.end, (node.quasi as Node).start));
    const rewritten = layoutWhiteSpace(
      ranges.map((range) => range.raw),
      tag.name === 'svg',
      compact,
    );
    rewritten?.forEach((text, i) => {
      const range = ranges[i]!;
      if (text === range.raw) return;
      if (text === '') edits.remove(range.start, range.end);
      else edits.overwrite(range.start, range.end, text);
      changed = true;
    });
  });
  if (!changed) return undefined;
  return { code: edits.toString(), map: edits.generateMap({ hires: 'boundary', source: id, includeContent: true }) };
}

/** Both passes over one module, as the build makes them (for tests and the browser tests' server). */
export async function minifyTemplatesInModule(code: string, id: string): Promise<{ code: string } | undefined> {
  const first = layoutWhiteSpaceInModule(code, id);
  const input = first?.code ?? code;
  const second = await minifyHTMLLiterals(input, {
    fileName: id,
    minifyOptions: HTML_MINIFY_OPTIONS,
    generateSourceMap: false,
  });
  if (!first && !second) return undefined;
  return { code: second?.code ?? input };
}

/** Modules of ours, not declarations or dependencies (Lit's own templates are already minified). */
const OURS = /[\\/]src[\\/].*\.(?:ts|js)$/;
const isOurs = (id: string) => OURS.test(id) && !id.includes('node_modules') && !id.endsWith('.d.ts');

/** The Vite plugins: Tally's layout rules, then Lit's minifier, on our `src/` modules. */
export function minifyTemplates(): Plugin[] {
  return [
    {
      name: 'tally-template-layout-white-space',
      enforce: 'pre',
      transform(code, id) {
        return isOurs(id) ? (layoutWhiteSpaceInModule(code, id) ?? null) : null;
      },
    },
    {
      // The plugin of @lit-labs/rollup-plugin-minify-html-literals is written for Rollup's types
      // and only warns on a template it cannot minify; its function, called here, lets us fail.
      name: 'lit-minify-html-literals',
      enforce: 'pre',
      async transform(code, id) {
        if (!isOurs(id)) return null;
        try {
          const result = await minifyHTMLLiterals(code, { fileName: id, minifyOptions: HTML_MINIFY_OPTIONS });
          return result ? { code: result.code, map: result.map?.toString() } : null;
        } catch (error) {
          this.error(
            `Lit's template minifier cannot read a template in ${id}: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      },
    },
  ];
}
