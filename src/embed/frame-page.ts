/**
 * The iframe page (`embed.html?widget=seat-bar&src=…&theme=dark&lang=cy`): one widget on a
 * bare page, in its reserved box (see boxes.ts), so the page's height depends on the frame's
 * width and never on the data. It reports that height to the parent in Tally's, pym.js's and
 * AMP's dialects, and it only shows feeds from an allowlist of origins fixed when the page is
 * deployed (its own origin always, plus `<meta name="tally-feed-origins" content="…">`), so
 * nobody can make the publisher's domain display fake results.
 *
 * Its address is read once into one canonical set of parameters (`frameParameters`), and that
 * set is both what is checked and what is used: a parameter given twice, in any mix of upper
 * and lower case, is refused rather than have one copy checked and another used. Every
 * address the widget will fetch (the feed, the council map's layout, any parameter named like
 * an address) is checked against the allowlist, and the page then restricts every request
 * Tally makes to it (src/feed/fetch-policy.ts), redirects included.
 */
import { FRAME_PARAMETERS, frameHeightMessages } from './frame-protocol.js';
import { widgetTag } from './loader.js';
import { loadLocale, translate } from '../i18n/messages.js';
import { restrictFetchOrigins } from '../feed/fetch-policy.js';
import { canonicalLocale } from '../i18n/language-tag.js';
import { isolate } from '../i18n/bidi.js';
import './messages.js';

/** Attribute names a query parameter may set on the widget. */
const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;
const UNSAFE = /^on|^style$|^is$|^slot$|^part$|^exportparts$/;

export interface FramePageOptions {
  /** Origins whose feeds may be shown, besides the page's own. */
  allowedOrigins: readonly string[];
}

/** Why the page shows no widget: a message key under `embed.reason.` and its parameters. */
export interface Refusal {
  readonly reason: 'unknownWidget' | 'noFeed' | 'notUrl' | 'protocol' | 'origin' | 'duplicate';
  readonly params: Readonly<Record<string, string>>;
}

/** Parameters whose value is an address the widget fetches; so is any whose name ends in `src`, `href` or `url`. */
const ADDRESS_PARAMETER = /(?:^|-)(?:src|href|url)$/;

/**
 * The page's parameters, each name lower-cased and given once: what is checked and what is
 * used are the same values. A name given twice (`src=…&src=…`, `src=…&SRC=…`) is a refusal.
 */
export function frameParameters(
  pageUrl: string,
): { readonly params: ReadonlyMap<string, string> } | { readonly refusal: Refusal } {
  const params = new Map<string, string>();
  for (const [name, value] of new URL(pageUrl).searchParams) {
    const key = name.toLowerCase();
    if (params.has(key)) return { refusal: { reason: 'duplicate', params: { name: key } } };
    params.set(key, value);
  }
  return { params };
}

/** A refusal in words, in the reader's language (English for the console). */
export function describeRefusal(refusal: Refusal, locale = 'en-GB'): string {
  return translate(locale, `embed.reason.${refusal.reason}`, refusal.params);
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
    .filter((origin) => origin !== '' && origin !== 'null');
}

/** Why a feed URL may not be shown on a page at `pageUrl`, or undefined when it may. */
export function feedRefusal(src: string, pageUrl: string, allowed: readonly string[]): Refusal | undefined {
  let url: URL;
  try {
    url = new URL(src, pageUrl);
  } catch {
    return { reason: 'notUrl', params: { src } };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { reason: 'protocol', params: { protocol: url.protocol.slice(0, -1) } };
  if (url.origin === new URL(pageUrl).origin || allowed.includes(url.origin)) return undefined;
  return { reason: 'origin', params: { origin: url.origin } };
}

/** Build the page's content from its URL. Returns the widget, or undefined when refused. */
export function startFramePage(doc: Document, pageUrl: string, options: FramePageOptions): HTMLElement | undefined {
  const parsed = frameParameters(pageUrl);
  const params = 'params' in parsed ? parsed.params : new Map<string, string>();
  const lang = canonicalLocale(params.get('lang'));
  doc.documentElement.lang = lang;
  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') doc.documentElement.dataset.theme = theme;
  const main = doc.querySelector('main') ?? doc.body;
  const refuse = (refusal: Refusal, parameter?: string) => {
    console.error(`[tally] embed: ${parameter ? `${parameter}: ` : ''}${describeRefusal(refusal)}`);
    const message = doc.createElement('p');
    message.className = 'refused';
    message.setAttribute('role', 'alert');
    // Shown once the page's language is here (Welsh is fetched on first use), so the alert is
    // announced once, in that language; in English if it cannot be fetched.
    void loadLocale(lang).then(() => {
      message.textContent = translate(lang, 'embed.refused', { reason: describeRefusal(refusal, lang) });
      main.replaceChildren(message);
    });
    return undefined;
  };

  if ('refusal' in parsed) return refuse(parsed.refusal);
  const widget = params.get('widget') ?? '';
  const tag = widgetTag(widget);
  if (!tag) return refuse({ reason: 'unknownWidget', params: { widget } });
  if (!params.get('src')) return refuse({ reason: 'noFeed', params: {} });
  const attributes: [string, string][] = [];
  for (const [name, value] of params) {
    if (FRAME_PARAMETERS.has(name) || !ATTRIBUTE_NAME.test(name) || UNSAFE.test(name)) continue;
    if (ADDRESS_PARAMETER.test(name) && value !== '') {
      const refusal = feedRefusal(value, pageUrl, options.allowedOrigins);
      // The console names the parameter when it is not the feed itself.
      if (refusal) return refuse(refusal, name === 'src' ? undefined : name);
      attributes.push([name, new URL(value, pageUrl).href]);
    } else attributes.push([name, name === 'lang' ? lang : value]);
  }
  // From here on, nothing on this page fetches from anywhere else, whatever it is given.
  restrictFetchOrigins([new URL(pageUrl).origin, ...options.allowedOrigins]);

  const element = doc.createElement(tag);
  for (const [name, value] of attributes) element.setAttribute(name, value);
  // The page's title names the election, set apart from the words around it.
  element.addEventListener('tally-feed-update', (event) => {
    doc.title = translate(lang, 'embed.title', { title: isolate(event.detail.feed.meta.election.title) });
  });
  main.replaceChildren(element);
  return element;
}

/** Post the page's height to the parent whenever it changes. Returns a stop function. */
export function reportHeight(win: Window, target: Element, pageUrl: string): () => void {
  if (win.parent === win) return () => {};
  const parsed = frameParameters(pageUrl);
  const params = 'params' in parsed ? parsed.params : new Map<string, string>();
  const ids = { frame: params.get('frame') ?? undefined, pymChildId: params.get('childid') ?? undefined };
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
