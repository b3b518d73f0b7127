/**
 * A build plugin that minifies Lit's tagged template literals (`css`, `html`, `svg`) in our own
 * sources, so the shipped bundles carry no indentation, comments or line breaks from them.
 *
 * It changes only the static text between `${…}` expressions, and only in ways that cannot
 * change what the browser renders or what Lit binds:
 * - `css`: comments dropped; runs of white space become one space, and none at all next to
 *   `{ } ; , >` or after `:`; the last `;` of a block dropped. Quoted strings are kept as
 *   written. White space next to an expression stays (one space), since its role is unknown.
 * - `html`: runs of white space become one space (HTML renders a run as one space anyway;
 *   nothing here is `white-space: pre`), and none inside a tag before `>`. Inside SVG (an `svg`
 *   template, or an `<svg>` element in an `html` one), outside `<text>`, white space between
 *   tags is not rendered at all, so it is removed, which also saves the browser the empty text
 *   nodes it would clone for every row of a large map.
 * - `html/* compact *\/\`…\``: the author says that no white space between tags matters in this
 *   template (every element sits in a flex or grid container, or is a block), so white space
 *   next to a tag, with no text on its other side, is removed as inside SVG; words keep their
 *   spaces, and so does white space between two expressions. Rows of a long list are cloned
 *   thousands of times, and each of these text nodes with them.
 * A template the scanner does not understand (an unterminated comment or quote, a `<style>`
 * or `<pre>` element) is left exactly as written.
 */
import MagicString from 'magic-string';
import { parseAst } from 'rolldown/parseAst';
import type { Plugin } from 'vite';

const WHITE_SPACE = /\s/;

/** Minify the static parts of a `css` template; returns `undefined` when it cannot be done safely. */
export function minifyCssTemplate(strings: readonly string[]): string[] | undefined {
  const out: string[] = [];
  for (let index = 0; index < strings.length; index++) {
    const text = strings[index]!;
    const first = index === 0;
    const last = index === strings.length - 1;
    let result = '';
    let pendingSpace = false;
    const emit = (chunk: string) => {
      if (pendingSpace) {
        const previous = result.at(-1);
        const dropBefore = previous === undefined ? first : '{};,>:'.includes(previous);
        const dropAfter = '{};,>!'.includes(chunk[0]!);
        if (!dropBefore && !dropAfter) result += ' ';
        pendingSpace = false;
      }
      if (chunk === '}' && result.endsWith(';')) result = result.slice(0, -1);
      result += chunk;
    };
    let i = 0;
    while (i < text.length) {
      const char = text[i]!;
      if (char === '/' && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) return undefined;
        i = end + 2;
        pendingSpace = true;
      } else if (WHITE_SPACE.test(char)) {
        pendingSpace = true;
        i++;
      } else if (char === '"' || char === "'") {
        let j = i + 1;
        while (j < text.length && text[j] !== char) j += text[j] === '\\' ? 2 : 1;
        if (j >= text.length) return undefined;
        emit(text.slice(i, j + 1));
        i = j + 1;
      } else if (char === '\\') {
        emit(text.slice(i, i + 2));
        i += 2;
      } else {
        emit(char);
        i++;
      }
    }
    if (pendingSpace && !last) {
      const previous = result.at(-1);
      if (previous === undefined ? !first : !'{};,>:'.includes(previous)) result += ' ';
    }
    out.push(result);
  }
  return out;
}

/** Elements whose content must keep every character as written. */
const VERBATIM = new Set(['pre', 'textarea', 'style', 'script', 'title', 'listing', 'plaintext', 'xmp']);
/** SVG elements whose content is rendered text. */
const SVG_TEXT = new Set(['text', 'tspan', 'textpath', 'title', 'desc']);

/**
 * Minify the static parts of an `html` (or, with `svg` true, an `svg`) template; returns
 * `undefined` when it cannot be done safely.
 */
export function minifyHtmlTemplate(strings: readonly string[], svg = false, compact = false): string[] | undefined {
  const out: string[] = [];
  let inTag = false;
  let quote: string | undefined;
  let tagName = '';
  let readingName = false;
  let closing = false;
  let svgDepth = svg ? 1 : 0;
  let svgTextDepth = 0;
  for (let index = 0; index < strings.length; index++) {
    const text = strings[index]!;
    let result = '';
    let space = '';
    const inSvgLayout = () => svgDepth > 0 && svgTextDepth === 0;
    // In a compact template: white space with no text on either side and a tag on one side at
    // least (between two expressions it stays: they may be words).
    const betweenTags = (next: string | undefined) => {
      if (!compact) return false;
      const leftTag = result.endsWith('>');
      const rightTag = next === '<';
      return (leftTag || result === '') && (rightTag || next === undefined) && (leftTag || rightTag);
    };
    const flush = (next: string | undefined) => {
      if (!space) return;
      if (inTag && !quote) {
        // Between attributes: one space, none before `>`. (Before `/>` it stays: an unquoted
        // value, or an expression's, would take the slash into the value.)
        if (next !== '>') result += ' ';
      } else if (!inTag && (inSvgLayout() || betweenTags(next))) {
        // SVG renders no text outside <text>, and a compact template says white space between its
        // tags renders nothing: it is dropped.
      } else result += ' ';
      space = '';
    };
    for (let i = 0; i < text.length; i++) {
      const char = text[i]!;
      if (char === '\\') {
        flush(char);
        result += text.slice(i, i + 2);
        i++;
        continue;
      }
      if (WHITE_SPACE.test(char)) {
        space = ' ';
        if (readingName) {
          readingName = false;
          if (!finishTagName()) return undefined;
        }
        continue;
      }
      if (quote) {
        flush(char);
        if (char === quote) quote = undefined;
        result += char;
        continue;
      }
      if (inTag) {
        if (readingName && !/[\w:-]/.test(char)) {
          readingName = false;
          if (!finishTagName()) return undefined;
        }
        if (char === '"' || char === "'") {
          flush(char);
          quote = char;
          result += char;
          continue;
        }
        if (char === '>') {
          flush(char);
          result += char;
          inTag = false;
          if (!closeTag(text[i - 1] === '/')) return undefined;
          continue;
        }
        flush(char);
        if (readingName) tagName += char.toLowerCase();
        result += char;
        continue;
      }
      if (char === '<' && /[A-Za-z/!]/.test(text[i + 1] ?? '')) {
        if (text[i + 1] === '!') return undefined; // comments and doctypes: leave the template alone
        flush(char);
        inTag = true;
        closing = text[i + 1] === '/';
        tagName = '';
        readingName = true;
        result += char;
        if (closing) {
          result += '/';
          i++;
        }
        continue;
      }
      flush(char);
      result += char;
    }
    if (readingName) {
      // An expression as the tag name: Lit does not allow it; leave the template alone.
      return undefined;
    }
    if (space) {
      const last = index === strings.length - 1;
      if (inTag && !quote) {
        if (!last) result += ' ';
      } else if (!(!inTag && (inSvgLayout() || betweenTags(undefined)))) result += ' ';
      space = '';
    }
    out.push(result);
  }
  if (inTag || quote) return undefined;
  return out;

  function finishTagName(): boolean {
    if (VERBATIM.has(tagName)) return false;
    return true;
  }

  function closeTag(selfClosing: boolean): boolean {
    if (tagName === 'svg') {
      if (closing) svgDepth = Math.max(0, svgDepth - 1);
      else if (!selfClosing) svgDepth++;
    } else if (svgDepth > 0 && SVG_TEXT.has(tagName)) {
      if (closing) svgTextDepth = Math.max(0, svgTextDepth - 1);
      else if (!selfClosing) svgTextDepth++;
    }
    return true;
  }
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

const TAGS = new Set(['css', 'html', 'svg']);

/** Rewrite every `css`/`html`/`svg` template in one module's source; `undefined` if none changed. */
export function minifyTemplatesInModule(code: string, id: string): { code: string; map: ReturnType<MagicString['generateMap']> } | undefined {
  if (!/\b(?:css|html|svg)`/.test(code)) return undefined;
  const ast = parseAst(code, { lang: id.endsWith('.ts') ? 'ts' : 'js' }, id);
  const edits = new MagicString(code);
  let changed = false;
  walk(ast, (node) => {
    if (node.type !== 'TaggedTemplateExpression') return;
    const tag = node.tag as Node & { name?: string };
    if (tag.type !== 'Identifier' || !TAGS.has(tag.name!)) return;
    const quasis = (node.quasi as { quasis: TemplateElementNode[] }).quasis;
    // oxc's spans include the delimiters: the raw text starts after "`" or "}".
    const ranges = quasis.map((quasi) => ({ start: quasi.start + 1, end: quasi.start + 1 + quasi.value.raw.length, raw: quasi.value.raw }));
    if (ranges.some((range) => code.slice(range.start, range.end) !== range.raw)) return;
    const strings = ranges.map((range) => range.raw);
    const compact = /\/\*\s*compact\s*\*\//.test(code.slice(tag.end, (node.quasi as Node).start));
    const minified = tag.name === 'css' ? minifyCssTemplate(strings) : minifyHtmlTemplate(strings, tag.name === 'svg', compact);
    if (!minified) return;
    minified.forEach((text, i) => {
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

/** The Vite plugin: our `src/` modules only (Lit's own templates are already minified). */
export function minifyTemplates(options: { include?: RegExp } = {}): Plugin {
  const include = options.include ?? /[\\/]src[\\/].*\.(?:ts|js)$/;
  return {
    name: 'tally-minify-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!include.test(id) || id.includes('node_modules') || id.endsWith('.d.ts')) return null;
      return minifyTemplatesInModule(code, id) ?? null;
    },
  };
}
