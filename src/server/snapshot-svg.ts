/**
 * Snapshot images of the chart widgets, as SVG written in Node without a browser: the seat bar
 * (stacked, bars or parliament) and the council map (a hex map from a HexJSON layout). Each has
 * the title, a caption of when and how far ("Results at 02:41 · 130 of 150 councils declared"),
 * a key with every figure as text, and the source: for social posts and newsletters.
 *
 * The figures come from the same derivations as the live widgets (seatBarModel, areaRows), so a
 * snapshot and the widget on the page say the same numbers (test/unit/server/snapshot.test.ts).
 * Text widths are estimated (no fonts here): labels get generous room.
 */
import type { Feed } from '../feed/schema.js';
import { areaRows } from '../derive/area-rows.js';
import { progress } from '../derive/progress.js';
import { formatChange, formatNumber, formatTime } from '../i18n/format.js';
import { translate } from '../i18n/messages.js';
import { feedNames } from '../i18n/names.js';
import { canonicalLocale } from '../i18n/language-tag.js';
import { parseHexJson } from '../layout/hexjson.js';
import { hexGrid, hexPoints } from '../layout/hex-grid.js';
import { parseOthersBelow, type SeatBarItem } from '../derive/seat-bar-groups.js';
import { seatBarModel, type SeatBarModel } from '../derive/seat-bar-model.js';
import { parliamentLayout } from '../layout/seat-bar-parliament.js';
import { stackedLayout, type ItemLabels } from '../layout/seat-bar-stacked.js';
import { fallbackPartyColour, resolvePartyColour, type ThemeName } from '../theme/party-colours.js';
import { textColourOn } from '../theme/colour.js';
import { feedIndex } from '../feed/lookup.js';
import '../components/seat-bar/messages.js';
import './messages.js';
import { DEFAULT_SERVER_LANG, DEFAULT_SERVER_TIME_ZONE, RenderWidgetError } from './render-widget.js';

/** Widgets with an SVG snapshot; the others are photographed (PNG, through Chromium). */
export const SVG_SNAPSHOT_WIDGETS = ['seat-bar', 'council-list'] as const;
export type SvgSnapshotWidget = (typeof SVG_SNAPSHOT_WIDGETS)[number];

export interface SnapshotOptions {
  /** Image width in CSS pixels (default 1200, the usual social card). */
  readonly width?: number;
  readonly theme?: ThemeName;
  /** Language (default en-GB). */
  readonly lang?: string;
  /** Clock times in this zone (default Europe/London). */
  readonly timeZone?: string;
  /** Who the figures are from, when the feed does not say (its summary's source, else its publisher). */
  readonly source?: string;
  /** Seat bar: `stacked` (default), `bars` or `parliament`. */
  readonly layout?: string;
  /** Seat bar: `seats` (default) or `councils`. */
  readonly measure?: string;
  /** Seat bar: one area's seats. */
  readonly area?: string;
  /** Seat bar: group parties below this as Others ("5", "2%"). */
  readonly othersBelow?: string;
  /** Council map: the HexJSON layout (required for the council list). */
  readonly hexLayout?: unknown;
}

const PALETTE = {
  light: {
    background: '#ffffff',
    text: '#1b1b1b',
    muted: '#595959',
    border: '#c8c8c8',
    surface: '#f0f0f0',
    stripe: '#d6d6d6',
  },
  dark: {
    background: '#121417',
    text: '#f1f1f1',
    muted: '#b4b4b4',
    border: '#5a5a5a',
    surface: '#2a2d31',
    stripe: '#44484d',
  },
} as const;

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

const escapeXml = (text: string) =>
  text
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
const round = (n: number) => Math.round(n * 100) / 100;
/** Estimated width of a text in a sans-serif face (no fonts in Node): 0.56 em a character, bold 0.6. */
const textWidth = (text: string, size: number, bold = false) => [...text].length * size * (bold ? 0.6 : 0.56);

/** "Results at 02:41 · 130 of 150 councils declared". */
export function snapshotCaption(feed: Feed, locale: string, timeZone: string = DEFAULT_SERVER_TIME_ZONE): string {
  const at = translate(locale, 'snapshot.resultsAt', { time: formatTime(feed.meta.dataChangedAt, locale, timeZone) });
  const done = progress(feed);
  const areas = translate(locale, `areaType.${done.areaType}`, { count: done.total });
  const how =
    done.declared === 0
      ? translate(locale, 'snapshot.noneDeclared')
      : done.declared >= done.total
        ? translate(locale, 'snapshot.allDeclared', {
            count: done.total,
            total: formatNumber(done.total, locale),
            areas,
          })
        : translate(locale, 'snapshot.declared', {
            declared: formatNumber(done.declared, locale),
            total: formatNumber(done.total, locale),
            areas,
          });
  return `${at} · ${how}`;
}

/** Who the figures are from: the option, the feed's summary source, its publisher; undefined when nobody says. */
export function snapshotSource(feed: Feed, given?: string): string | undefined {
  return given?.trim() || feed.summary?.source?.name || feed.meta.publisher?.name || undefined;
}

interface Frame {
  readonly width: number;
  readonly scale: number;
  readonly pad: number;
  readonly theme: ThemeName;
  readonly locale: string;
  readonly colours: (typeof PALETTE)[ThemeName];
}

function frameFor(options: SnapshotOptions): Frame {
  const width = Math.round(options.width ?? 1200);
  if (!(width >= 320 && width <= 4000))
    throw new RenderWidgetError(`the width must be 320 to 4,000 pixels, not ${options.width}`, 'attribute');
  const theme = options.theme ?? 'light';
  const scale = width / 1200;
  return {
    width,
    scale,
    pad: Math.round(48 * scale),
    theme,
    locale: canonicalLocale(options.lang ?? DEFAULT_SERVER_LANG),
    colours: PALETTE[theme],
  };
}

/** Wrap words into lines no wider than `max` pixels. */
function wrap(text: string, size: number, max: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, bold) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function textLines(
  lines: readonly string[],
  x: number,
  y: number,
  size: number,
  attributes: string,
): { svg: string; bottom: number } {
  const gap = size * 1.25;
  const svg = lines
    .map(
      (line, index) =>
        `<text x="${round(x)}" y="${round(y + index * gap)}" font-size="${round(size)}" ${attributes}>${escapeXml(line)}</text>`,
    )
    .join('');
  return { svg, bottom: y + (lines.length - 1) * gap };
}

/** Title and caption at the top; returns the SVG and where the chart may start. */
function head(frame: Frame, title: string, caption: string, test: boolean): { svg: string; top: number } {
  const { pad, scale, width, colours } = frame;
  const titleSize = 40 * scale;
  const captionSize = 26 * scale;
  const max = width - 2 * pad;
  const t = textLines(
    wrap(title, titleSize, max, true),
    pad,
    pad + titleSize,
    titleSize,
    `font-weight="700" fill="${colours.text}"`,
  );
  const c = textLines(
    wrap(caption, captionSize, max),
    pad,
    t.bottom + captionSize * 1.6,
    captionSize,
    `fill="${colours.muted}" class="caption"`,
  );
  let svg = t.svg + c.svg;
  let top = c.bottom + captionSize * 1.4;
  if (test) {
    const size = 24 * scale;
    const label = translate(frame.locale, 'feed.test');
    svg += `<g class="watermark"><rect x="${round(pad)}" y="${round(top)}" width="${round(textWidth(label, size, true) + 24 * scale)}" height="${round(size * 1.6)}" rx="${round(4 * scale)}" fill="#b00020"/><text x="${round(pad + 12 * scale)}" y="${round(top + size * 1.15)}" font-size="${round(size)}" font-weight="700" fill="#ffffff">${escapeXml(label)}</text></g>`;
    top += size * 2.2;
  }
  return { svg, top };
}

/** The source line and the document around everything. */
function document(
  frame: Frame,
  body: string,
  bottom: number,
  label: { title: string; description: string },
  source: string | undefined,
): string {
  const { pad, scale, width, colours } = frame;
  const size = 22 * scale;
  let y = bottom + pad * 0.75;
  let footer = '';
  if (source) {
    y += size;
    footer = `<text x="${round(pad)}" y="${round(y)}" font-size="${round(size)}" fill="${colours.muted}" class="source">${escapeXml(translate(frame.locale, 'snapshot.source', { source }))}</text>`;
  }
  const height = Math.ceil(y + pad);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="tally-title tally-desc" lang="${escapeXml(frame.locale)}" font-family="${FONT}">` +
    `<title id="tally-title">${escapeXml(label.title)}</title><desc id="tally-desc">${escapeXml(label.description)}</desc>` +
    `<defs><pattern id="tally-undeclared" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="${colours.surface}"/><rect width="3" height="8" fill="${colours.stripe}"/></pattern></defs>` +
    `<rect width="100%" height="100%" fill="${colours.background}"/>${body}${footer}</svg>\n`
  );
}

interface KeyEntry {
  readonly key: string;
  readonly fill: string;
  readonly text: string;
}

/** A key that flows in rows: swatch, then "Labour 37 (+8)". */
function key(frame: Frame, entries: readonly KeyEntry[], top: number): { svg: string; bottom: number } {
  const { pad, scale, width, colours } = frame;
  const size = 26 * scale;
  const swatch = 22 * scale;
  const gap = 28 * scale;
  const lineHeight = size * 1.7;
  let x = pad;
  let y = top + size;
  let svg = '<g class="key">';
  for (const entry of entries) {
    const w = swatch + 10 * scale + textWidth(entry.text, size);
    if (x > pad && x + w > width - pad) {
      x = pad;
      y += lineHeight;
    }
    svg += `<g class="key-entry" data-key="${escapeXml(entry.key)}"><rect x="${round(x)}" y="${round(y - swatch * 0.85)}" width="${round(swatch)}" height="${round(swatch)}" rx="${round(3 * scale)}" fill="${entry.fill}" stroke="${colours.border}" stroke-width="${round(scale)}"/>`;
    svg += `<text x="${round(x + swatch + 10 * scale)}" y="${round(y)}" font-size="${round(size)}" fill="${colours.text}">${escapeXml(entry.text)}</text></g>`;
    x += w + gap;
  }
  return { svg: `${svg}</g>`, bottom: y + size * 0.4 };
}

function partyFill(feed: Feed, id: string, theme: ThemeName): string {
  if (id === 'undeclared') return 'url(#tally-undeclared)';
  const party = feedIndex(feed).parties.get(id);
  return resolvePartyColour(id, theme, party, undefined, fallbackPartyColour(feed, id));
}

const colourIdOf = (item: SeatBarItem) =>
  item.kind === 'others' ? 'other' : item.kind === 'undeclared' ? 'undeclared' : item.key;

function itemName(item: SeatBarItem, feed: Feed, model: SeatBarModel, locale: string, short = false): string {
  if (item.kind === 'others') return translate(locale, 'party.others');
  if (item.kind === 'undeclared')
    return translate(
      locale,
      model.remainder === 'undeclared'
        ? 'party.undeclared'
        : model.remainder === 'unreported'
          ? 'seatBar.unreported'
          : 'seatBar.undeclaredOrUnreported',
    );
  return feedNames(feed, locale).party(item.key, { short });
}

/** "Labour 37 (+8)". */
function itemFigure(item: SeatBarItem, locale: string): string {
  const count = formatNumber(item.seats, locale);
  return item.change !== undefined && item.kind !== 'undeclared'
    ? `${count} (${formatChange(item.change, locale)})`
    : count;
}

/** The seat bar as an SVG image. */
export function seatBarSnapshotSvg(feed: Feed, options: SnapshotOptions = {}): string {
  const frame = frameFor(options);
  const { locale, pad, scale, width, theme, colours } = frame;
  const layout = options.layout ?? 'stacked';
  if (!['stacked', 'bars', 'parliament'].includes(layout))
    throw new RenderWidgetError(
      `layout="${layout}" is not a seat bar layout (use stacked, bars or parliament)`,
      'attribute',
    );
  const measure = options.measure === 'councils' ? 'councils' : 'seats';
  const result = seatBarModel(feed, {
    measure: options.area ? 'seats' : measure,
    area: options.area,
    othersBelow: parseOthersBelow(options.othersBelow ?? null),
  });
  if (!result.ok)
    throw new RenderWidgetError(
      `the seat bar has nothing to draw: ${result.problem.kind}${result.problem.kind === 'unknown-area' ? ` (no area "${result.problem.area}" in this feed)` : ''}`,
      'feed',
    );
  const model = result.model;
  const names = feedNames(feed, locale);
  const title =
    model.totals.scope === 'area'
      ? translate(
          locale,
          model.totals.view === 'composition' ? 'seatBar.title.composition' : 'seatBar.title.seatsWon',
          { area: names.area(options.area) },
        )
      : translate(locale, model.totals.measure === 'councils' ? 'seatBar.title.councils' : 'seatBar.title.seats', {
          title: feed.meta.election.title,
        });
  const caption = snapshotCaption(feed, locale, options.timeZone);
  const top = head(frame, title, caption, feed.meta.test);
  const chartWidth = width - 2 * pad;
  const fills = new Map(model.items.map((item) => [item.key, partyFill(feed, colourIdOf(item), theme)]));
  const majorityLabel =
    model.majority !== undefined
      ? translate(locale, model.totals.scope === 'area' ? 'seatBar.forMajority' : 'majority.toWin', {
          count: formatNumber(model.majority, locale),
        })
      : undefined;
  let chart = '';
  let y = top.top;
  const labelSize = 24 * scale;
  if (layout === 'parliament') {
    const height = chartWidth / 2;
    const drawn = parliamentLayout({
      items: model.items,
      total: model.total,
      majority: model.majority,
      majorityLabel,
      width: chartWidth,
      measure: (text) => textWidth(text, labelSize),
    });
    const box = drawn.box;
    const h = Math.min(height, (chartWidth * box.height) / box.width);
    chart += `<svg class="chart" x="${round(pad)}" y="${round(y)}" width="${round(chartWidth)}" height="${round(h)}" viewBox="${drawn.viewBox}" aria-hidden="true">`;
    if (drawn.mode === 'dots') {
      for (const dot of drawn.dots)
        chart += `<circle cx="${round(dot.x)}" cy="${round(dot.y)}" r="${round(drawn.dotRadius)}" fill="${fills.get(dot.key)}" data-key="${escapeXml(dot.key)}"/>`;
    } else {
      for (const sector of drawn.sectors)
        chart += `<path d="${sector.path}" fill="${fills.get(sector.key)}" stroke="${colours.background}" stroke-width="0.5" data-key="${escapeXml(sector.key)}"/>`;
    }
    if (drawn.majority)
      chart += `<line x1="${round(drawn.majority.x1)}" y1="${round(drawn.majority.y1)}" x2="${round(drawn.majority.x2)}" y2="${round(drawn.majority.y2)}" stroke="${colours.text}" stroke-width="1.5" stroke-linecap="round"/>`;
    chart += '</svg>';
    y += h;
    if (majorityLabel) {
      y += labelSize * 1.5;
      chart += `<text x="${round(width / 2)}" y="${round(y)}" text-anchor="middle" font-size="${round(labelSize)}" font-weight="600" fill="${colours.text}" class="majority-label">${escapeXml(majorityLabel)}</text>`;
    }
  } else if (layout === 'bars') {
    const size = 26 * scale;
    const rowHeight = 46 * scale;
    const nameWidth = Math.min(
      chartWidth * 0.35,
      Math.max(...model.items.map((item) => textWidth(itemName(item, feed, model, locale), size))) + 16 * scale,
    );
    const valueWidth =
      Math.max(...model.items.map((item) => textWidth(itemFigure(item, locale), size, true))) + 16 * scale;
    const trackWidth = chartWidth - nameWidth - valueWidth;
    const largest = Math.max(model.majority ?? 0, ...model.items.map((item) => item.seats), 1);
    for (const item of model.items) {
      const length = (item.seats / largest) * trackWidth;
      const cy = y + rowHeight / 2;
      chart += `<g class="row" data-key="${escapeXml(item.key)}"><text x="${round(pad)}" y="${round(cy + size * 0.35)}" font-size="${round(size)}" fill="${colours.text}">${escapeXml(itemName(item, feed, model, locale))}</text>`;
      chart += `<rect x="${round(pad + nameWidth)}" y="${round(cy - 12 * scale)}" width="${round(Math.max(length, 1))}" height="${round(24 * scale)}" fill="${fills.get(item.key)}"/>`;
      chart += `<text x="${round(width - pad)}" y="${round(cy + size * 0.35)}" text-anchor="end" font-size="${round(size)}" font-weight="700" fill="${colours.text}">${escapeXml(itemFigure(item, locale))}</text></g>`;
      y += rowHeight;
    }
    if (model.majority !== undefined) {
      const x = pad + nameWidth + (model.majority / largest) * trackWidth;
      chart += `<line x1="${round(x)}" y1="${round(top.top)}" x2="${round(x)}" y2="${round(y)}" stroke="${colours.text}" stroke-width="${round(2 * scale)}"/>`;
      y += labelSize * 1.3;
      chart += `<text x="${round(x)}" y="${round(y)}" text-anchor="middle" font-size="${round(labelSize)}" font-weight="600" fill="${colours.text}" class="majority-label">${escapeXml(majorityLabel!)}</text>`;
    }
  } else {
    const barHeight = 72 * scale;
    const labels = new Map<string, ItemLabels>(
      model.items.map((item) => [
        item.key,
        {
          full: `${itemName(item, feed, model, locale)} ${formatNumber(item.seats, locale)}`,
          short: `${itemName(item, feed, model, locale, true)} ${formatNumber(item.seats, locale)}`,
        },
      ]),
    );
    const drawn = stackedLayout({
      items: model.items,
      total: model.total,
      majority: model.majority,
      majorityLabel,
      width: chartWidth,
      labels,
      measure: (text) => textWidth(text, labelSize, true),
      padding: 8 * scale,
    });
    if (drawn.majority) {
      y += labelSize * 1.2;
      const x = pad + (drawn.majority.x / 100) * chartWidth;
      const anchor = drawn.majority.anchor;
      chart += `<text x="${round(x)}" y="${round(y)}" text-anchor="${anchor}" font-size="${round(labelSize)}" font-weight="600" fill="${colours.text}" class="majority-label">${escapeXml(drawn.majority.label)}</text>`;
      y += labelSize * 0.5;
    }
    chart += `<rect x="${round(pad)}" y="${round(y)}" width="${round(chartWidth)}" height="${round(barHeight)}" rx="${round(4 * scale)}" fill="${colours.surface}"/>`;
    for (const segment of drawn.segments) {
      const x0 = pad + (segment.x0 / 100) * chartWidth;
      const x1 = pad + (segment.x1 / 100) * chartWidth;
      const fill = fills.get(segment.key)!;
      chart += `<g class="segment" data-key="${escapeXml(segment.key)}"><rect x="${round(x0)}" y="${round(y)}" width="${round(Math.max(0, x1 - x0))}" height="${round(barHeight)}" fill="${fill}" stroke="${colours.background}" stroke-width="${round(scale)}"/>`;
      if (segment.label) {
        const onFill = segment.kind === 'undeclared' ? colours.text : textColourOn(fill);
        chart += `<text x="${round(x0 + (segment.label.at / 100) * (x1 - x0))}" y="${round(y + barHeight / 2 + labelSize * 0.35)}" text-anchor="middle" font-size="${round(labelSize)}" font-weight="600" fill="${onFill}">${escapeXml(segment.label.text)}</text>`;
      }
      chart += '</g>';
    }
    if (drawn.majority) {
      const x = pad + (drawn.majority.x / 100) * chartWidth;
      chart += `<line x1="${round(x)}" y1="${round(y - 6 * scale)}" x2="${round(x)}" y2="${round(y + barHeight + 6 * scale)}" stroke="${colours.text}" stroke-width="${round(3 * scale)}" class="majority"/>`;
    }
    y += barHeight;
  }
  // The key names every item with its figure: the numbers are text, whatever the chart shows
  // (the bars name theirs already).
  const entries = model.items.map((item) => ({
    key: item.key,
    fill: fills.get(item.key)!,
    text: `${itemName(item, feed, model, locale)} ${itemFigure(item, locale)}`,
  }));
  const legend = layout === 'bars' ? { svg: '', bottom: y } : key(frame, entries, y + 24 * scale);
  const description = [...entries.map((entry) => entry.text), majorityLabel, caption].filter(Boolean).join('; ');
  return document(
    frame,
    top.svg + chart + legend.svg,
    legend.bottom,
    { title, description },
    snapshotSource(feed, options.source),
  );
}

/** The council list's map as an SVG image: each area's hex in the colour of who won it. */
export function councilMapSnapshotSvg(feed: Feed, options: SnapshotOptions = {}): string {
  if (options.hexLayout === undefined) {
    throw new RenderWidgetError(
      'the council map needs its HexJSON layout (--layout, or the layout option)',
      'attribute',
    );
  }
  let layout;
  try {
    layout = parseHexJson(options.hexLayout);
  } catch (error) {
    throw new RenderWidgetError(
      `the layout is not a usable HexJSON map layout: ${(error as Error).message}`,
      'attribute',
    );
  }
  const frame = frameFor(options);
  const { locale, pad, width, theme, scale, colours } = frame;
  const title = translate(locale, 'snapshot.areas', { title: feed.meta.election.title });
  const caption = snapshotCaption(feed, locale, options.timeZone);
  const top = head(frame, title, caption, feed.meta.test);
  const rows = new Map(areaRows(feed, locale).map((row) => [row.id, row]));
  const grid = hexGrid(layout, { radius: 1, padding: 0.5 });
  const chartWidth = width - 2 * pad;
  const box = grid.viewBox;
  const height = Math.min(chartWidth * 1.1, (chartWidth * box.height) / box.width);
  const mapWidth = (height * box.width) / box.height;
  const x = pad + (chartWidth - mapWidth) / 2;
  const counts = new Map<string, number>();
  let svg = `<svg class="map" x="${round(x)}" y="${round(top.top)}" width="${round(mapWidth)}" height="${round(height)}" viewBox="${box.x} ${box.y} ${box.width} ${box.height}" aria-hidden="true">`;
  for (const hex of grid.hexes) {
    const row = rows.get(hex.key);
    const colourKey = row?.status === 'declared' ? row.colourKey : undefined;
    const id = colourKey ?? 'undeclared';
    counts.set(id, (counts.get(id) ?? 0) + 1);
    svg += `<polygon points="${hexPoints(hex, grid.corners)}" fill="${partyFill(feed, id, theme)}" stroke="${colours.background}" stroke-width="0.12" data-key="${escapeXml(hex.key)}"/>`;
  }
  svg += '</svg>';
  const names = feedNames(feed, locale);
  const entries = [...counts]
    .sort(([a, x1], [b, x2]) => (a === 'undeclared' ? 1 : b === 'undeclared' ? -1 : x2 - x1))
    .map(([id, count]) => ({
      key: id,
      fill: partyFill(feed, id, theme),
      text: `${id === 'undeclared' ? translate(locale, 'snapshot.awaiting') : id === 'noc' ? translate(locale, 'outcome.noc') : names.party(id)} ${formatNumber(count, locale)}`,
    }));
  const legend = key(frame, entries, top.top + height + 24 * scale);
  const description = [...entries.map((entry) => entry.text), caption].join('; ');
  return document(
    frame,
    top.svg + svg + legend.svg,
    legend.bottom,
    { title, description },
    snapshotSource(feed, options.source),
  );
}

/** The SVG snapshot of a chart widget. */
export function snapshotSvg(widget: string, feed: Feed, options: SnapshotOptions = {}): string {
  if (widget === 'seat-bar') return seatBarSnapshotSvg(feed, options);
  if (widget === 'council-list') return councilMapSnapshotSvg(feed, options);
  throw new RenderWidgetError(
    `${widget} has no SVG snapshot (it is a table or a list, not a chart): use the PNG format, which photographs the widget in Chromium`,
    'widget',
  );
}
