/**
 * Static pages per area (`tally publish … --pages <dir>`): one HTML page per council or
 * constituency and an index, each with the widgets rendered on the server, a canonical URL, a
 * title and description, an Open Graph image and structured data (schema.org JSON-LD).
 *
 * An area's page is drawn from a feed of that area alone (its wards included), dated when the
 * area's own results last changed: so a page changes only when its area does, and a publication
 * rewrites only those pages (`pageKey` tells; the writer in src/cli/publish/pages.ts keeps the
 * keys). The index is the whole election and changes with every publication.
 */
import { createHash } from 'node:crypto';
import type { Area, Feed } from '../feed/schema.js';
import { validateFeed } from '../feed/validate.js';
import { areaOutcome } from '../derive/area-outcome.js';
import { progress } from '../derive/progress.js';
import { describeOutcome, describeProgress, outcomeSentence } from '../i18n/sentences.js';
import { formatDateTime } from '../i18n/format.js';
import { translate } from '../i18n/messages.js';
import { canonicalLocale } from '../i18n/language-tag.js';
import { VERSION } from '../version.js';
import { renderWidget, DEFAULT_SERVER_LANG, DEFAULT_SERVER_TIME_ZONE } from './render-widget.js';
import { snapshotCaption, snapshotSource } from './snapshot-svg.js';
import './messages.js';

export interface AreaPagesOptions {
  /** Where the pages are served from, ending in "/": canonical and Open Graph URLs start with it. */
  readonly baseUrl: string;
  readonly lang?: string;
  readonly timeZone?: string;
  /** The live feed's URL: with `scriptUrl`, the widgets hydrate and follow it. */
  readonly feedUrl?: string;
  /** Tally's script (`tally.js`) for hydration; without it the pages are static. */
  readonly scriptUrl?: string;
  /** Tally's stylesheet (`tally.css`), which reserves the widgets' boxes. */
  readonly stylesheetUrl?: string;
  /** The extension of the Open Graph images: "png" (social sites want a raster image) or "svg". */
  readonly imageFormat?: 'png' | 'svg';
}

/** One page to write. */
export interface AreaPage {
  /** Path under the pages folder: "index.html", "areas/sheffield.html". */
  readonly path: string;
  /** The area, or undefined for the index. */
  readonly areaId: string | undefined;
  /** Changes exactly when what the page shows changes. */
  readonly key: string;
  /** The Open Graph image's path under the folder (written beside the page). */
  readonly imagePath: string;
  /** The feed the page (and its image) is drawn from. */
  readonly feed: Feed;
  /** Draw it (only for pages whose key changed). */
  html(): Promise<string>;
}

/** "Sheffield" → "sheffield"; "Kingston upon Hull, City of" → "kingston-upon-hull-city-of". */
export function slug(name: string): string {
  const text = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return text || 'area';
}

/** The areas that get a page: those not inside another (councils, constituencies), holding an election. */
export function pageAreas(feed: Feed): Area[] {
  return feed.areas.filter((area) => !area.parent);
}

/** Page paths by area id: the name's slug, with the id added where two names give one slug. */
export function pagePaths(feed: Feed): Map<string, string> {
  const areas = pageAreas(feed);
  const counts = new Map<string, number>();
  for (const area of areas) counts.set(slug(area.name), (counts.get(slug(area.name)) ?? 0) + 1);
  return new Map(
    areas.map((area) => [
      area.id,
      `areas/${counts.get(slug(area.name))! > 1 ? `${slug(area.name)}-${slug(area.id)}` : slug(area.name)}.html`,
    ]),
  );
}

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

/**
 * The feed of one area: the area, its wards, the events about them, every party; dated
 * `changedAt` (when its content last changed), so that it stays the same while the area does.
 */
export function areaFeed(feed: Feed, area: Area, changedAt: string): Feed {
  const ids = new Set([area.id, ...feed.areas.filter((each) => each.parent === area.id).map((each) => each.id)]);
  const {
    seats: _seats,
    majority: _majority,
    ...election
  } = feed.meta.election as Feed['meta']['election'] & { seats?: number; majority?: number };
  const input = {
    ...feed,
    meta: { ...feed.meta, election, generatedAt: changedAt, dataChangedAt: changedAt, revision: 1 },
    areas: feed.areas.filter((each) => ids.has(each.id)),
    summary: undefined,
    events: feed.events?.filter((event) => event.area === undefined || ids.has(event.area)),
  };
  const result = validateFeed(input);
  if (!result.ok)
    throw new Error(
      `the page feed for ${area.id} is not valid: ${result.errors.map((error) => `${error.path}: ${error.message}`).join('; ')}`,
    );
  return result.feed;
}

/** What an area page shows, apart from when: two equal keys draw the same page. */
export function areaContentKey(feed: Feed, area: Area, options: AreaPagesOptions): string {
  const sub = areaFeed(feed, area, feed.meta.dataChangedAt);
  const { generatedAt: _g, dataChangedAt: _d, revision: _r, ...meta } = sub.meta;
  return hash([VERSION, { ...sub, meta }, options]);
}

/** Text without the bidi isolates the widgets put around names (meta tags and JSON-LD are plain text). */
const plain = (text: string) => text.replace(/[\u2066-\u2069]/g, '');
const escapeHtml = (text: string) =>
  plain(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** JSON in a <script>: nothing in it can end the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');

function pageTitle(feed: Feed, areaName: string | undefined, locale: string): string {
  const year = feed.meta.election.date.slice(0, 4);
  if (areaName === undefined) return translate(locale, 'page.indexTitle', { election: feed.meta.election.title });
  const kind = feed.meta.election.kind;
  if (kind === 'local' || kind === 'general') return translate(locale, `page.title.${kind}`, { area: areaName, year });
  return translate(locale, 'page.title', { area: areaName, election: feed.meta.election.title });
}

interface Shell {
  readonly locale: string;
  readonly title: string;
  readonly description: string;
  readonly url: string;
  readonly image: string;
  readonly imageAlt: string;
  readonly body: string;
  readonly jsonLd: unknown;
  readonly modified: string;
}

function shell(page: Shell, options: AreaPagesOptions): string {
  const live = options.scriptUrl && options.feedUrl;
  return `<!doctype html>
<html lang="${escapeHtml(page.locale)}" prefix="og: https://ogp.me/ns#">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<meta name="description" content="${escapeHtml(page.description)}">
<link rel="canonical" href="${escapeHtml(page.url)}">
<meta property="og:type" content="website">
<meta property="og:title" content="${escapeHtml(page.title)}">
<meta property="og:description" content="${escapeHtml(page.description)}">
<meta property="og:url" content="${escapeHtml(page.url)}">
<meta property="og:image" content="${escapeHtml(page.image)}">
<meta property="og:image:alt" content="${escapeHtml(page.imageAlt)}">
<meta property="og:locale" content="${escapeHtml(page.locale.replace('-', '_'))}">
<meta name="twitter:card" content="summary_large_image">
<meta property="article:modified_time" content="${escapeHtml(page.modified)}">
${options.stylesheetUrl ? `<link rel="stylesheet" href="${escapeHtml(options.stylesheetUrl)}">\n` : ''}<script type="application/ld+json">${scriptJson(page.jsonLd)}</script>
<style>
  /* Tally's base unit, registered before any script (as dist/tally.css does): widgets keep their size when it runs. */
  @property --_tally-rem { syntax: '<length>'; inherits: true; initial-value: 16px; }
  body { margin: 0; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; line-height: 1.5; color: #1b1b1b; background: #fff; }
  main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
  main > * + * { margin-top: 1.5rem; }
  h1 { font-size: 1.75rem; line-height: 1.2; margin: 0; }
  .lede { font-size: 1.125rem; margin: 0.5rem 0 0; }
  .meta, footer { color: #595959; font-size: 0.875rem; }
  nav a { color: inherit; }
  .areas { columns: 16rem; padding: 0; list-style: none; }
  .areas li { break-inside: avoid; margin: 0 0 0.25rem; }
  @media (prefers-color-scheme: dark) { body { color: #f1f1f1; background: #121417; } .meta, footer { color: #b4b4b4; } }
</style>
</head>
<body>
<main>
${page.body}
</main>
${live ? `<script type="module" src="${escapeHtml(options.scriptUrl!)}"></script>\n` : ''}</body>
</html>
`;
}

/**
 * Live pages (Tally's script and the feed's address given) hydrate, so each widget carries the
 * feed it was drawn from; static pages need no script and no copy of the feed.
 */
const live = (options: AreaPagesOptions) => Boolean(options.scriptUrl && options.feedUrl);

/** The widget attributes every page's widgets share. */
function widgetAttrs(
  options: AreaPagesOptions,
  locale: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const live: Record<string, string> = options.scriptUrl && options.feedUrl ? { src: options.feedUrl } : {};
  return { lang: locale, 'time-zone': options.timeZone ?? DEFAULT_SERVER_TIME_ZONE, ...live, ...extra };
}

/**
 * Every page of a feed: the index and one per area. `changedAt(areaId, key)` gives when an
 * area's page content (`key`) last changed (the writer remembers it between publications).
 */
export function areaPages(
  feed: Feed,
  options: AreaPagesOptions,
  changedAt: (areaId: string, key: string) => string = () => feed.meta.dataChangedAt,
): AreaPage[] {
  const locale = canonicalLocale(options.lang ?? DEFAULT_SERVER_LANG);
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const imageFormat = options.imageFormat ?? 'png';
  const paths = pagePaths(feed);
  const areas = pageAreas(feed);
  const source = snapshotSource(feed);
  const imageOf = (path: string) => `images/${path.replace(/^areas\//, '').replace(/\.html$/, '')}.${imageFormat}`;
  const pages: AreaPage[] = [];

  for (const area of areas) {
    const path = paths.get(area.id)!;
    const key = areaContentKey(feed, area, options);
    const sub = areaFeed(feed, area, changedAt(area.id, key));
    const imagePath = imageOf(path);
    pages.push({
      path,
      areaId: area.id,
      key,
      imagePath,
      feed: sub,
      html: async () => {
        const outcome = areaOutcome(area);
        const title = pageTitle(feed, area.name, locale);
        const declared = area.status === 'declared';
        const sentence = declared ? outcomeSentence(outcome, area.id, sub, locale) : undefined;
        const description = plain(
          declared
            ? translate(locale, 'page.description', {
                area: area.name,
                election: feed.meta.election.title,
                outcome: describeOutcome(outcome, sub, locale, false),
              })
            : translate(locale, 'page.descriptionAwaiting', {
                area: area.name,
                election: feed.meta.election.title,
                status: translate(locale, `status.${area.status}`),
              }),
        );
        const seats = await renderWidget('seat-bar', sub, widgetAttrs(options, locale, { area: area.id }), {
          inlineFeed: live(options),
        });
        const table = await renderWidget('party-table', sub, widgetAttrs(options, locale, { area: area.id }), {
          inlineFeed: live(options),
        });
        const url = new URL(path, base).href;
        const body = `<nav><a href="../index.html">${escapeHtml(translate(locale, 'page.allAreas'))}</a></nav>
<header>
<h1>${escapeHtml(title)}</h1>
${sentence ? `<p class="lede">${escapeHtml(sentence)}.</p>` : `<p class="lede">${escapeHtml(translate(locale, `status.${area.status}`))}</p>`}
<p class="meta">${escapeHtml(feed.meta.election.title)}${area.declaredAt ? ` · <time datetime="${escapeHtml(area.declaredAt)}">${escapeHtml(translate(locale, 'status.declared'))} ${escapeHtml(formatDateTime(area.declaredAt, locale, options.timeZone ?? DEFAULT_SERVER_TIME_ZONE))}</time>` : ''}</p>
</header>
${seats}
${table}
<footer>${source ? `<p>${escapeHtml(translate(locale, 'snapshot.source', { source }))}</p>` : ''}${options.scriptUrl && options.feedUrl ? `<p>${escapeHtml(translate(locale, 'page.liveNote'))}</p>` : ''}</footer>`;
        return shell(
          {
            locale,
            title,
            description,
            url,
            image: new URL(imagePath, base).href,
            imageAlt: `${title}. ${snapshotCaption(sub, locale, options.timeZone)}`,
            body,
            modified: sub.meta.dataChangedAt,
            jsonLd: {
              '@context': 'https://schema.org',
              '@type': 'WebPage',
              name: title,
              description,
              url,
              inLanguage: locale,
              dateModified: sub.meta.dataChangedAt,
              isPartOf: { '@type': 'WebSite', url: base, name: pageTitle(feed, undefined, locale) },
              about: { '@type': 'AdministrativeArea', name: area.name, identifier: area.id },
              ...(source ? { sourceOrganization: { '@type': 'Organization', name: source } } : {}),
            },
          },
          options,
        );
      },
    });
  }

  const indexImage = `images/index.${imageFormat}`;
  pages.push({
    path: 'index.html',
    areaId: undefined,
    key: hash([VERSION, feed.meta.revision, feed.meta.dataChangedAt, options]),
    imagePath: indexImage,
    feed,
    html: async () => {
      const title = pageTitle(feed, undefined, locale);
      const done = progress(feed);
      const how = describeProgress(done.declared, done.total, done.areaType, locale);
      const description = plain(
        translate(locale, 'page.indexDescription', { election: feed.meta.election.title, progress: how }),
      );
      const seats = await renderWidget('seat-bar', feed, widgetAttrs(options, locale), { inlineFeed: live(options) });
      const table = await renderWidget('party-table', feed, widgetAttrs(options, locale), {
        inlineFeed: live(options),
      });
      const list = areas
        .map((area) => {
          const outcome =
            area.status === 'declared'
              ? describeOutcome(areaOutcome(area), feed, locale)
              : translate(locale, `status.${area.status}`);
          return `<li><a href="${escapeHtml(paths.get(area.id)!)}">${escapeHtml(area.name)}</a>: ${escapeHtml(outcome)}</li>`;
        })
        .join('\n');
      const url = new URL('index.html', base).href;
      const body = `<header>
<h1>${escapeHtml(title)}</h1>
<p class="lede">${escapeHtml(snapshotCaption(feed, locale, options.timeZone))}</p>
</header>
${seats}
${table}
<section aria-labelledby="all-areas"><h2 id="all-areas">${escapeHtml(translate(locale, 'page.allAreas'))}</h2>
<ul class="areas">
${list}
</ul></section>
<footer>${source ? `<p>${escapeHtml(translate(locale, 'snapshot.source', { source }))}</p>` : ''}</footer>`;
      return shell(
        {
          locale,
          title,
          description,
          url,
          image: new URL(indexImage, base).href,
          imageAlt: `${title}. ${snapshotCaption(feed, locale, options.timeZone)}`,
          body,
          modified: feed.meta.dataChangedAt,
          jsonLd: {
            '@context': 'https://schema.org',
            '@graph': [
              {
                '@type': 'WebPage',
                name: title,
                description,
                url,
                inLanguage: locale,
                dateModified: feed.meta.dataChangedAt,
              },
              ...(options.feedUrl
                ? [
                    {
                      '@type': 'Dataset',
                      name: feed.meta.election.title,
                      description,
                      dateModified: feed.meta.dataChangedAt,
                      temporalCoverage: feed.meta.election.date,
                      ...(source ? { creator: { '@type': 'Organization', name: source } } : {}),
                      distribution: {
                        '@type': 'DataDownload',
                        encodingFormat: 'application/json',
                        contentUrl: options.feedUrl,
                      },
                    },
                  ]
                : []),
            ],
          },
        },
        options,
      );
    },
  });
  return pages;
}
