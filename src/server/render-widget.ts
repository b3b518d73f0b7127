/**
 * Server rendering: one widget, from a feed and its attributes, to HTML with a declarative
 * shadow root (Lit SSR). The fragment is readable as it is, without any script; when Tally's
 * script arrives the element hydrates it in place (docs/static-rendering.md).
 *
 * Node only. It installs no DOM and no `window` in the process (Lit's Node build brings the
 * little it needs: HTMLElement and customElements), so libraries beside it that look for a
 * browser are not misled. Import it from `tally-widgets/server`.
 */
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
// Not called `html`: Lit's template minifier (vite.templates.ts) takes any tag naming html, and
// these templates, built from an element's name and attributes, are not for it to read.
import { html as elementTemplate, unsafeStatic } from 'lit/static-html.js';
import { formatIssues, validateFeed } from '../feed/validate.js';
import type { Feed } from '../feed/schema.js';
import { TallySeatBar } from '../components/seat-bar/register.js';
import { TallyPartyTable } from '../components/party-table/register.js';
import { TallyCouncilList } from '../components/council-list/register.js';
import { TallyTicker } from '../components/ticker/register.js';
import { TallyAreaResult } from '../components/area-result/register.js';
import './messages.js'; // Welsh and the server's own strings

/** The widgets, by the name the CLI, the placeholders and the iframe page use. */
export const SERVER_WIDGETS = {
  'seat-bar': { tag: 'tally-seat-bar', element: TallySeatBar },
  'party-table': { tag: 'tally-party-table', element: TallyPartyTable },
  'council-list': { tag: 'tally-council-list', element: TallyCouncilList },
  ticker: { tag: 'tally-ticker', element: TallyTicker },
  'area-result': { tag: 'tally-area-result', element: TallyAreaResult },
} as const;

export type ServerWidgetName = keyof typeof SERVER_WIDGETS;

export type WidgetAttributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface RenderWidgetOptions {
  /**
   * A HexJSON layout for the council list's map (what `layout-src` would fetch in the browser).
   * The CLI reads `--attr layout-src=…` for you.
   */
  readonly layout?: unknown;
  /**
   * Put the feed inside the element as `<script type="application/json">` (default true), so
   * that the element hydrates from the very data the server drew, then follows `src` if given.
   * Without it, a hydrating element has no data until its `src` answers.
   */
  readonly inlineFeed?: boolean;
}

/** A widget that cannot be rendered as asked: an unknown name, a bad attribute, an invalid feed. */
export class RenderWidgetError extends Error {
  constructor(
    message: string,
    /** What is wrong with the input: `widget`, `attribute` or `feed`. */
    readonly kind: 'widget' | 'attribute' | 'feed',
  ) {
    super(message);
    this.name = 'RenderWidgetError';
  }
}

/**
 * The time zone clock times are shown in, unless `time-zone` is given. The reader's own zone
 * is not known on a server, and a fixed one keeps the server's HTML and the hydrating render
 * the same.
 */
export const DEFAULT_SERVER_TIME_ZONE = 'Europe/London';
/** The language, unless `lang` is given (the element would otherwise take its page's). */
export const DEFAULT_SERVER_LANG = 'en-GB';

/** Attributes that could run code or restyle the page are never written (as in placeholders). */
const UNSAFE_ATTRIBUTE = /^(on|style$|is$|slot$|part$|exportparts$|defer-hydration$)/i;
const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;

export function isServerWidget(name: string): name is ServerWidgetName {
  return Object.prototype.hasOwnProperty.call(SERVER_WIDGETS, name);
}

/** The attributes a widget takes (its observed attributes), for help texts and checks. */
export function widgetAttributes(widget: ServerWidgetName): readonly string[] {
  return (SERVER_WIDGETS[widget].element as unknown as { observedAttributes: string[] }).observedAttributes;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** JSON inside a <script> element: nothing in it may close the element or open a comment. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * Render one widget to HTML: `<tally-seat-bar …><template shadowrootmode="open">…</template>
 * <script type="application/json">feed</script></tally-seat-bar>`.
 *
 * `feed` is validated as the element would (an invalid feed throws `RenderWidgetError` with
 * every problem's path); `undefined` renders the element's state without data (with `src`, the
 * reserved loading box). Attribute values `false`, `null` and `undefined` leave it out, `true`
 * writes it empty.
 */
export async function renderWidget(
  widget: string,
  feed: unknown,
  attrs: WidgetAttributes = {},
  options: RenderWidgetOptions = {},
): Promise<string> {
  if (!isServerWidget(widget)) {
    throw new RenderWidgetError(
      `unknown widget "${widget}": expected one of ${Object.keys(SERVER_WIDGETS).join(', ')}`,
      'widget',
    );
  }
  const { tag, element: constructor } = SERVER_WIDGETS[widget];
  // Registered here too: the registry the renderer reads is the global one at render time.
  if (!customElements.get(tag)) customElements.define(tag, constructor);
  let checked: Feed | undefined;
  if (feed !== undefined) {
    const result = validateFeed(feed);
    if (!result.ok) throw new RenderWidgetError(`not a valid feed: ${formatIssues(result.errors)}`, 'feed');
    checked = result.feed;
  }
  const known = new Set(widgetAttributes(widget));
  const attributes = new Map<string, string>([
    ['lang', DEFAULT_SERVER_LANG],
    ['time-zone', DEFAULT_SERVER_TIME_ZONE],
  ]);
  for (const [rawName, value] of Object.entries(attrs)) {
    const name = rawName.toLowerCase();
    if (!ATTRIBUTE_NAME.test(name) || UNSAFE_ATTRIBUTE.test(name)) {
      throw new RenderWidgetError(`the attribute "${rawName}" cannot be set on a server-rendered widget`, 'attribute');
    }
    if (!known.has(name)) {
      throw new RenderWidgetError(
        `<${tag}> has no attribute "${rawName}"; its attributes are ${[...known].sort().join(', ')}`,
        'attribute',
      );
    }
    if (value === false || value === null || value === undefined) attributes.delete(name);
    else attributes.set(name, value === true ? '' : String(value));
  }
  const opening = [...attributes].map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
  const inline =
    checked && options.inlineFeed !== false ? `<script type="application/json">${scriptJson(feed)}</script>` : '';
  const element = unsafeStatic(tag);
  const content = unsafeStatic(inline);
  // Only the council list has a `layout` property (the seat bar's `layout` is its attribute).
  const template =
    widget === 'council-list' && options.layout !== undefined
      ? elementTemplate`<${element}${unsafeStatic(opening)} .feed=${checked} .layout=${options.layout}>${content}</${element}>`
      : elementTemplate`<${element}${unsafeStatic(opening)} .feed=${checked}>${content}</${element}>`;
  return withoutOuterMarkers(await collectResult(render(template)));
}

/**
 * The markers of the template around the element are for hydrating that template, which no
 * page does: the element hydrates its own shadow root. Only they go; the shadow root keeps its own.
 */
function withoutOuterMarkers(html: string): string {
  const match = /^<!--lit-part [^>]*--><!--lit-node \d+-->([\s\S]*)<!--\/lit-part-->$/.exec(html);
  return match ? match[1]! : html;
}
