/**
 * The embed codes the builder offers, as HTML text: the element with its script, the
 * placeholder for CMSs that strip unknown tags or scripts, the iframe with tally-frame.js, and
 * AMP's `amp-iframe`. Pure: from a description of the embed to strings, everything escaped, so
 * nothing a producer types (a title, an area id, a feed URL with `&` in it) can break out of an
 * attribute or add markup.
 */
import { frameHeights, heightsAttribute, type WidgetName } from './boxes.js';
import { FRAME_PARAMETERS } from './frame-protocol.js';
import { PLACEHOLDER_WIDGETS, widgetTag } from './loader.js';

export interface EmbedRequest {
  readonly widget: WidgetName;
  /** Absolute http(s) URL of the results feed. */
  readonly feed: string;
  /** Other element attributes (`layout`, `theme`, `lang`, …); empty values are left out. */
  readonly attributes?: Readonly<Record<string, string>>;
  /**
   * Absolute http(s) URL of the folder where Tally's files are published (`tally.js`,
   * `tally.classic.js`, `tally.css`, `tally-frame.js`, `embed.html`).
   */
  readonly assets: string;
  /** What the widget shows, for the iframe's title and the fallback link of the element and the placeholder. */
  readonly title: string;
  /** Where the fallback link goes (shown until the element or placeholder is upgraded); the iframe page by default. */
  readonly fallbackUrl?: string;
}

export interface EmbedCodes {
  /** `<link>`, `<script type="module">` and the element with its fallback link: paste where the results go. */
  readonly element: string;
  /** Once per page, in the page template: the stylesheet and the classic script. */
  readonly placeholderSetup: string;
  /** The placeholder `<div>` with its fallback link: paste where the results go. */
  readonly placeholder: string;
  /** tally-frame.js and the iframe with its initial heights. */
  readonly iframe: string;
  /** Once per AMP page, in its head: the amp-iframe extension. */
  readonly ampSetup: string;
  /** The amp-iframe. */
  readonly amp: string;
  /** The iframe page's URL (also the fallback link's default). */
  readonly frameUrl: string;
}

/** Attributes that must never be written into an embed code. */
const UNSAFE_ATTRIBUTE = /^on|^style$|^is$|^slot$|^part$|^exportparts$|^src$|^data-/i;
const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;

/** Escape text for an HTML attribute value in double quotes, or for text content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function httpUrl(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${what} must be an absolute URL, not "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`${what} must be an http or https URL, not ${url.protocol}`);
  return url;
}

/** The attributes to write, in order, after checking every name. */
function chosenAttributes(attributes: Readonly<Record<string, string>>): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(attributes)) {
    if (!ATTRIBUTE_NAME.test(name)) throw new Error(`"${name}" is not an attribute name`);
    if (UNSAFE_ATTRIBUTE.test(name) || FRAME_PARAMETERS.has(name))
      throw new Error(`the ${name} attribute cannot be set in an embed code`);
    if (value === '') continue;
    out.push([name, value]);
  }
  return out;
}

const attributeText = (pairs: readonly (readonly [string, string | true])[]) =>
  pairs.map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`)).join('');

/** Every embed code for one widget. Throws with a clear message on an unknown widget, a bad URL or an unsafe attribute. */
export function embedCodes(request: EmbedRequest): EmbedCodes {
  const tag = widgetTag(request.widget);
  if (!tag)
    throw new Error(`unknown widget "${request.widget}" (expected ${Object.keys(PLACEHOLDER_WIDGETS).join(', ')})`);
  const feed = httpUrl(request.feed, 'The feed').href;
  const assetsUrl = httpUrl(request.assets, 'The address of Tally’s files');
  if (!assetsUrl.pathname.endsWith('/')) assetsUrl.pathname += '/';
  assetsUrl.search = '';
  assetsUrl.hash = '';
  const asset = (file: string) => new URL(file, assetsUrl).href;
  const attributes = chosenAttributes(request.attributes ?? {});
  const title = request.title.trim() || 'Election results';

  const frame = new URL(asset('embed.html'));
  frame.searchParams.set('widget', request.widget);
  frame.searchParams.set('src', feed);
  for (const [name, value] of attributes) frame.searchParams.set(name, value);
  const frameUrl = frame.href;
  const fallback = request.fallbackUrl ? httpUrl(request.fallbackUrl, 'The fallback link').href : frameUrl;

  const stylesheet = `<link rel="stylesheet" href="${escapeHtml(asset('tally.css'))}">`;
  // A link inside the element: what readers get until the script defines it, and if it never
  // does (a blocked script, a CDN that serves it without CORS). The widget's shadow root has no
  // slot, so once defined the link is neither drawn nor read.
  const fallbackLink = `  <a href="${escapeHtml(fallback)}">${escapeHtml(title)}</a>`;
  const element = [
    stylesheet,
    `<script type="module" src="${escapeHtml(asset('tally.js'))}"></script>`,
    `<${tag}${attributeText([['src', feed], ...attributes])}>`,
    fallbackLink,
    `</${tag}>`,
  ].join('\n');

  const placeholderSetup = [stylesheet, `<script src="${escapeHtml(asset('tally.classic.js'))}" defer></script>`].join(
    '\n',
  );
  const placeholder = [
    `<div${attributeText([['data-tally-widget', request.widget], ['data-src', feed], ...attributes.map(([name, value]) => [`data-${name}`, value] as const)])}>`,
    fallbackLink,
    '</div>',
  ].join('\n');

  const options = Object.fromEntries(attributes);
  const heights = frameHeights(request.widget, options);
  const firstHeight = String(heights[0]![1]);
  const iframe = [
    `<script src="${escapeHtml(asset('tally-frame.js'))}"></script>`,
    `<iframe${attributeText([
      ['data-tally-frame', true],
      ['data-tally-heights', heightsAttribute(heights)],
      ['src', frameUrl],
      ['title', title],
      ['width', '100%'],
      ['height', firstHeight],
      ['frameborder', '0'],
      ['loading', 'lazy'],
    ])}></iframe>`,
  ].join('\n');

  // AMP lays an amp-iframe out before it loads: give it the height phones get (the widest of
  // the bands up to 480 px), so the page keeps its place; embed-size messages adjust it.
  const ampHeight = String(Math.max(...heights.filter(([minWidth]) => minWidth < 480).map(([, px]) => px)));
  const ampSetup =
    '<script async custom-element="amp-iframe" src="https://cdn.ampproject.org/v0/amp-iframe-0.1.js"></script>';
  const amp = [
    `<amp-iframe${attributeText([
      ['src', frameUrl],
      ['title', title],
      ['layout', 'fixed-height'],
      ['height', ampHeight],
      ['sandbox', 'allow-scripts allow-same-origin'],
      ['frameborder', '0'],
      ['resizable', true],
    ])}>`,
    '  <div overflow tabindex="0" role="button" aria-label="Show all results">Show all results</div>',
    '</amp-iframe>',
  ].join('\n');

  return { element, placeholderSetup, placeholder, iframe, ampSetup, amp, frameUrl };
}
