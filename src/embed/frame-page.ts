/**
 * The iframe page (`embed.html?widget=seat-bar&src=…&theme=dark&lang=cy`): one widget on a
 * bare page, sized by its content. It reports its height to the parent in Tally's, pym.js's
 * and AMP's dialects, and it only shows feeds from an allowlist of origins fixed when the page
 * is deployed (its own origin always, plus `<meta name="tally-feed-origins" content="…">`), so
 * nobody can make the publisher's domain display fake results.
 */
import { frameHeightMessages } from './frame-protocol.js';
import { PLACEHOLDER_WIDGETS } from './loader.js';
import { translate } from '../i18n/messages.js';

/** Query parameters that steer the frame itself, never copied onto the widget. */
const FRAME_PARAMETERS = new Set(['widget', 'frame', 'childid', 'initialwidth', 'parenttitle', 'parenturl']);

/** Attribute names a query parameter may set on the widget. */
const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;
const UNSAFE = /^on|^style$|^is$|^slot$|^part$|^exportparts$/;

export interface FramePageOptions {
  /** Origins whose feeds may be shown, besides the page's own. */
  allowedOrigins: readonly string[];
}

/** Origins from the page's `<meta name="tally-feed-origins">` (space or comma separated). */
export function allowedOriginsFromMeta(doc: Document): string[] {
  const content = doc.querySelector('meta[name="tally-feed-origins"]')?.getAttribute('content') ?? '';
  return content
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((origin) => {
      try {
        return new URL(origin).origin;
      } catch {
        console.warn(`[tally] ignoring "${origin}" in tally-feed-origins: not an origin`);
        return '';
      }
    })
    .filter(Boolean);
}

/** Why a feed URL may not be shown, or undefined when it may. */
export function feedRefusal(src: string, pageUrl: string, allowed: readonly string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(src, pageUrl);
  } catch {
    return `"${src}" is not a URL`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${url.protocol} feeds are not allowed`;
  if (url.origin === new URL(pageUrl).origin || allowed.includes(url.origin)) return undefined;
  return `feeds from ${url.origin} are not allowed on this page`;
}

/** Build the page's content from its URL. Returns the widget, or undefined when refused. */
export function startFramePage(doc: Document, pageUrl: string, options: FramePageOptions): HTMLElement | undefined {
  const params = new URL(pageUrl).searchParams;
  const lang = params.get('lang') ?? 'en-GB';
  doc.documentElement.lang = lang;
  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') doc.documentElement.dataset.theme = theme;
  const main = doc.querySelector('main') ?? doc.body;
  const refuse = (reason: string) => {
    console.error(`[tally] embed: ${reason}`);
    const message = doc.createElement('p');
    message.className = 'refused';
    message.setAttribute('role', 'alert');
    message.textContent = translate(lang, 'embed.refused', { reason });
    main.replaceChildren(message);
    return undefined;
  };

  const widget = params.get('widget') ?? '';
  const tag = PLACEHOLDER_WIDGETS[widget];
  if (!tag) return refuse(`unknown widget "${widget}" (expected ${Object.keys(PLACEHOLDER_WIDGETS).join(', ')})`);
  const src = params.get('src');
  if (!src) return refuse('no feed given (the src parameter is missing)');
  const refusal = feedRefusal(src, pageUrl, options.allowedOrigins);
  if (refusal) return refuse(refusal);

  const element = doc.createElement(tag);
  for (const [name, value] of params) {
    const attribute = name.toLowerCase();
    if (FRAME_PARAMETERS.has(attribute) || !ATTRIBUTE_NAME.test(attribute) || UNSAFE.test(attribute)) continue;
    element.setAttribute(attribute, attribute === 'src' ? new URL(value, pageUrl).href : value);
  }
  main.replaceChildren(element);
  return element;
}

/** Post the page's height to the parent whenever it changes. Returns a stop function. */
export function reportHeight(win: Window, target: Element, pageUrl: string): () => void {
  if (win.parent === win) return () => {};
  const params = new URL(pageUrl).searchParams;
  const ids = { frame: params.get('frame') ?? undefined, pymChildId: params.get('childId') ?? undefined };
  let last = -1;
  const post = () => {
    const height = Math.ceil(target.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // The height is not a secret: any parent may read it, so no target origin is needed.
    for (const message of frameHeightMessages(height, ids)) win.parent.postMessage(message, '*');
  };
  const observer = new ResizeObserver(post);
  observer.observe(target);
  post();
  return () => observer.disconnect();
}
