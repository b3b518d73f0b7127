/**
 * <tally-seat-bar>: the headline graphic of election night. How many seats (or councils) each
 * party has, how far from a majority, and how much is still to declare.
 */
import { html, LitElement, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from '../shared/style-map.js';
import type { Feed } from '../../feed/schema.js';
import { isWebLink } from '../../feed/sanitise.js';
import type { SeatMeasure } from '../../derive/seat-totals.js';
import { STATE_OF_PARTIES_BASES, type StateOfPartiesBasis } from '../../derive/state-of-parties.js';
import { capitalise, describeChange, formatChange, formatNumber, formatShare, safeLocale } from '../../i18n/format.js';
import { translate } from '../../i18n/messages.js';
import { feedNames, type FeedNames } from '../../i18n/names.js';
import { isolate } from '../../i18n/bidi.js';
import { describeProgress } from '../../i18n/sentences.js';
import { OTHERS_ITEM, parseOthersBelow, UNDECLARED_ITEM, type OthersThreshold, type SeatBarItem } from '../../derive/seat-bar-groups.js';
import { seatBarModel, type SeatBarModel, type SeatBarProblem } from '../../derive/seat-bar-model.js';
import { parliamentLayout, type ParliamentLayout } from '../../layout/seat-bar-parliament.js';
import { rowsLayout } from '../../layout/seat-bar-rows.js';
import { stackedLayout, type ItemLabels, type MajorityMarker, type MeasureText } from '../../layout/seat-bar-stacked.js';
import { FeedElement } from '../shared/feed-element.js';
import { partyPalette, type PartyColour } from '../shared/palette.js';
import { widgetStyles } from '../shared/styles.js';
import { seatBarStyles } from './seat-bar.styles.js';
import { textMeasure } from './text-measure.js';
import { WidthController } from './width-controller.js';
import { rendersAsServer } from '../shared/server-render.js';
import './messages.js';

export type SeatBarLayout = 'stacked' | 'bars' | 'parliament';

const LAYOUTS: readonly SeatBarLayout[] = ['stacked', 'bars', 'parliament'];
const MEASURES: readonly SeatMeasure[] = ['seats', 'councils'];

/** What the remainder is called, by what it is (see `SeatBarModel.remainder`). */
const REMAINDER_NAME: Readonly<Record<SeatBarModel['remainder'], string>> = {
  undeclared: 'party.undeclared',
  unreported: 'seatBar.unreported',
  'undeclared-or-unreported': 'seatBar.undeclaredOrUnreported',
};
const REMAINDER_SUMMARY: Readonly<Record<SeatBarModel['remainder'], string>> = {
  undeclared: 'seatBar.summaryUndeclared',
  unreported: 'seatBar.summaryUnreported',
  'undeclared-or-unreported': 'seatBar.summaryUndeclaredOrUnreported',
};

/** How the Others group is named in `selected` and in `tally-party-select`. */
export const OTHERS_SELECTION = 'others';

/** `tally-party-select` detail. */
export interface SeatBarSelectDetail {
  /** The party id selected ("noc" for no overall control, "others" for the Others group), or null when the reader cleared the selection. */
  readonly party: string | null;
  /** The party ids in the selection: one party, the members of Others, or none. */
  readonly parties: readonly string[];
}

declare global {
  interface HTMLElementEventMap {
    'tally-party-select': CustomEvent<SeatBarSelectDetail>;
  }
  interface HTMLElementTagNameMap {
    'tally-seat-bar': TallySeatBar;
  }
}

/** Words for one item, in the reader's language. */
interface ItemText {
  /** Full name: "Conservatives", "No overall control", "Still to declare". */
  readonly name: string;
  /** Short name: "Con", "NOC". */
  readonly short: string;
  /** "365 seats". */
  readonly count: string;
  /** "+48", when known. */
  readonly change: string | undefined;
  /** "43.6% of the vote", when known. */
  readonly share: string | undefined;
  /** "Includes PC 4, SDLP 2, …" for Others. */
  readonly members: string | undefined;
  /** Everything above in one sentence, for screen readers. */
  readonly description: string;
}

/** What the chart draws for one render. */
interface Drawing {
  readonly feed: Feed;
  readonly model: SeatBarModel;
  readonly texts: ReadonlyMap<string, ItemText>;
  readonly palette: ReadonlyMap<string, PartyColour>;
  readonly locale: string;
}

/**
 * A seat chart: one stacked bar of the whole chamber (or of all seats up) with the majority
 * marker, a bar per party on a shared scale, or a parliament hemicycle. Seats still to declare
 * are a patterned remainder. Hover, focus or tap on a party shows its seats, change and share;
 * selecting one fires `tally-party-select`. A visually hidden summary sentence and table carry
 * the same figures for screen readers.
 *
 * @tag tally-seat-bar
 * @summary Seats (or councils controlled) by party, with the majority line and what is still to declare.
 *
 * @fires tally-party-select - A reader selected a party (or the Others group), or cleared the selection. Never fired by data updates or by setting `selected`. Detail: `{ party, parties }`.
 * @fires tally-feed-update - A new feed is shown (from FeedController).
 * @fires tally-feed-error - The feed could not be loaded or used (from FeedController).
 * @fires tally-feed-stale - The feed has not been confirmed for a while (from FeedController).
 *
 * @csspart frame - The outer box.
 * @csspart title - The election (or area) and what is counted.
 * @csspart caption - Progress ("After 130 of 150 councils") and the baseline of the changes.
 * @csspart chart - The chart area (a group of the party controls).
 * @csspart bar - The stacked bar (layout `stacked`).
 * @csspart segment - One party's segment of the stacked bar; also `undeclared-segment` for the remainder.
 * @csspart label - A label drawn inside a segment.
 * @csspart row - One party's row (layout `bars`).
 * @csspart row-bar - The bar inside a row.
 * @csspart hemicycle - The parliament chart's SVG (layout `parliament`).
 * @csspart majority - The majority line.
 * @csspart majority-label - Its label ("326 to win").
 * @csspart legend - The key: items without a label of their own (all items in the parliament layout).
 * @csspart legend-item - One entry of the key.
 * @csspart swatch - A colour (or pattern) square in the key and the tooltip.
 * @csspart tooltip - The details shown on hover, focus or tap.
 * @csspart notes - Whose figures these are, and what they do not cover.
 * @csspart notice - A message in place of (or above) the chart: no feed, failed, unknown area, missing figures.
 * @csspart skeleton - The placeholder while loading.
 * @csspart status - The status line ("Updated 02:41").
 * @csspart error-detail - "Details for developers": why the feed failed, closed, under the notice or the status line.
 * @csspart watermark - The TEST DATA watermark.
 *
 * @cssprop --tally-seat-bar-min-height - Height reserved before the data arrives (default: 10 × the base font size stacked, 16 × bars, 18 × parliament).
 * @cssprop --tally-seat-bar-height - Thickness of the stacked bar (default 2.75 × the base font size).
 * @cssprop --tally-seat-bar-duration - How long an update takes to animate (default 600ms; always 0 with reduced motion).
 * @cssprop --tally-party-<id> - Colour of one party (CSS variable, then feed colour, then built-in default); `--tally-party-other` colours the Others group, `--tally-party-noc` no overall control, `--tally-party-undeclared` the remainder's base.
 */
export class TallySeatBar extends FeedElement(LitElement) {
  static override styles = [widgetStyles, seatBarStyles];

  static override properties = {
    layout: { type: String, reflect: true },
    measure: { type: String },
    area: { type: String },
    basis: { type: String },
    othersBelow: { type: String, attribute: 'others-below' },
    selected: { type: String },
  };

  /** `stacked` (default): one bar of the whole chart; `bars`: a bar per party; `parliament`: a hemicycle. */
  declare layout: SeatBarLayout | undefined;
  /** `seats` (default) or `councils` (councils controlled, with no overall control as its own item; national only). */
  declare measure: SeatMeasure | undefined;
  /** Id of one council or constituency: its composition (or seats won) with its own majority. */
  declare area: string | undefined;
  /** Whose totals: `auto` (the publisher's summary when the feed has one), `publisher` or `derived`. */
  declare basis: StateOfPartiesBasis | undefined;
  /** Group parties below this as Others: a number of seats ("5") or a share of the chart ("2%"). */
  declare othersBelow: string | undefined;
  /** The selected party id ("others" for the Others group). Setting it highlights the party without firing `tally-party-select`. */
  declare selected: string | undefined;

  /**
   * The item under the pointer, the item whose control has focus, and whether Escape hid the
   * tooltip (until the pointer or focus moves to another item). Internal state, changed only
   * through `interact`, so that it stays out of the element's public surface.
   */
  private interaction: {
    readonly hovered: string | undefined;
    /** The pointer is over the item's entry in the key, not over the chart. */
    readonly hoveredInLegend: boolean;
    readonly focused: string | undefined;
    readonly dismissed: boolean;
  } = { hovered: undefined, hoveredInLegend: false, focused: undefined, dismissed: false };

  private readonly size = new WidthController(this, () => this.renderRoot.querySelector('.sizer'));
  /** Labels are fitted to measured text: measure again when the fonts change (a web font arriving, a late stylesheet). */
  private readonly fonts = new WidthController(this, () => this.renderRoot.querySelector('.font-probe'));

  /** The chart on screen: the last good one, kept when the feed or settings give none. */
  private model: SeatBarModel | undefined;
  private problem: SeatBarProblem | undefined;
  private builtFrom: { feed: Feed; key: string } | undefined;
  /** Whether the chart's last change may animate: the same view as before, and motion allowed. */
  private animateNext = false;
  /** The item whose control takes Tab (roving tabindex). */
  private current: string | undefined;
  /** The control that takes Tab in the render under way (worked out once, not once per control). */
  private tabStop: string | undefined;
  /** The parliament layout as drawn, for tooltip anchors. */
  private hemicycle: ParliamentLayout | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const feed = this.data.feed;
    if (!feed) return;
    const measure = this.choice('measure', this.measure, MEASURES, 'seats');
    const basis = this.choice('basis', this.basis, STATE_OF_PARTIES_BASES, 'auto');
    const othersBelow = this.othersThreshold();
    const area = this.area === null || this.area === '' ? undefined : this.area;
    if (area !== undefined && measure === 'councils') this.warnOnce(`measure="councils" counts councils across the election; with area="${area}" the chart shows that area's seats`);
    const key = JSON.stringify([measure, area ?? null, basis, othersBelow ?? null]);
    if (this.builtFrom?.feed === feed && this.builtFrom.key === key) return;
    const sameView = this.builtFrom?.key === key && this.model !== undefined;
    const result = seatBarModel(feed, {
      measure: area === undefined ? measure : 'seats',
      area,
      basis,
      othersBelow,
      previousOrder: sameView ? this.model!.items.map((item) => item.key) : undefined,
    });
    this.builtFrom = { feed, key };
    if (result.ok) {
      // Totals that change basis (the publisher's summary arriving) jump without seats moving: no glide.
      this.animateNext = sameView && !this.preferences.reduceMotion && this.model!.totals.basis === result.model.totals.basis;
      this.model = result.model;
      this.problem = undefined;
    } else {
      // The last good chart stays on screen under the message.
      this.animateNext = false;
      this.problem = result.problem;
      this.warnOnce(problemText(result.problem));
    }
  }

  protected override render(): TemplateResult {
    return this.renderShell((feed) => this.renderContent(feed, this.locale), { sizer: true });
  }

  protected override updated(): void {
    this.placeTooltip();
  }

  // Rendering ----------------------------------------------------------------------------

  private renderContent(feed: Feed, locale: string): TemplateResult {
    const problem = this.problem ? html`<p class="notice" part="notice" data-kind=${this.problem.kind}>${this.problemMessage(this.problem, locale)}</p>` : nothing;
    const model = this.model;
    if (!model) return html`${problem}`;
    const names = feedNames(feed, locale);
    const texts = this.itemTexts(model, names, locale);
    const scheme = this.preferences.scheme(this.theme);
    const colourIds = model.items.map((item) => colourId(item));
    const drawing: Drawing = { feed, model, texts, palette: partyPalette(this, feed, scheme, colourIds), locale };
    const layout = this.layoutSetting();
    this.tabStop = this.rovingKey(model);
    return html`${problem}
      <div class="head">
        <p class="title" part="title">${this.titleText(feed, model, names, locale)}</p>
        <p class="caption" part="caption">${this.captionText(feed, model, locale)}</p>
      </div>
      <p class="visually-hidden">${this.summarySentence(model, texts, locale)}</p>
      <div
        class="chart"
        part="chart"
        role="group"
        aria-label=${translate(locale, model.totals.measure === 'councils' ? 'seatBar.chartLabel.councils' : 'seatBar.chartLabel.seats')}
        aria-describedby="select-hint"
        data-layout=${layout}
        ?data-animate=${this.animateNext}
        ?data-has-selection=${this.selectedKey(model) !== undefined}
        @keydown=${this.onKeydown}
        @click=${this.onClick}
        @pointerover=${this.onPointerOver}
        @pointerleave=${this.onPointerLeave}
        @focusin=${this.onFocusIn}
        @focusout=${this.onFocusOut}
      >
        ${layout === 'bars' ? this.renderRows(drawing) : layout === 'parliament' ? this.renderParliament(drawing) : this.renderStacked(drawing)}
        ${this.renderTooltip(drawing)}
      </div>
      <div hidden>
        ${model.items.map((item) => html`<span id=${descriptionId(item.key)}>${texts.get(item.key)!.description}</span>`)}
      </div>
      <p class="visually-hidden" id="select-hint">${translate(locale, 'seatBar.selectHint')}</p>
      ${this.renderNotes(model, locale)} ${this.renderTable(drawing)}`;
  }

  private renderStacked(drawing: Drawing): TemplateResult {
    const { model, texts, palette, locale } = drawing;
    const measure = this.measureFor('label');
    const labels = itemLabels(model.items, texts, locale);
    const layout = stackedLayout({
      items: model.items,
      total: model.total,
      majority: model.majority,
      majorityLabel: this.majorityLabel(model, locale),
      width: this.size.width,
      labels,
      measure,
    });
    const byKey = new Map(model.items.map((item) => [item.key, item]));
    // Server-rendered (and hydrated) charts keep every item in the key: without a width the
    // server cannot fit labels, and a key that shrank once they fit would move the page.
    const legendItems = this.serverRender.fromServer || rendersAsServer(this) ? model.items : layout.legend.map((key) => byKey.get(key)!);
    const selected = this.selectedKey(model);
    return html`${this.renderMajorityLabel(layout.majority)}
      <div class="bar" part="bar">
        ${repeat(
          layout.segments,
          (segment) => segment.key,
          (segment) => {
            const item = byKey.get(segment.key)!;
            const colour = palette.get(colourId(item));
            const control = segment.label !== undefined && item.kind !== 'undeclared';
            return html`<div
              class="segment"
              part=${item.kind === 'undeclared' ? 'segment undeclared-segment' : 'segment'}
              data-key=${item.key}
              data-kind=${item.kind}
              ?data-selectable=${item.kind !== 'undeclared'}
              ?data-control=${control}
              ?data-selected=${selected === item.key}
              ?data-active=${this.tooltipKey() === item.key}
              role=${control ? 'button' : nothing}
              tabindex=${control ? this.tabIndexFor(item.key) : nothing}
              aria-pressed=${control ? String(selected === item.key) : nothing}
              aria-describedby=${control ? descriptionId(item.key) : nothing}
              aria-hidden=${control || segment.label ? nothing : 'true'}
              style=${styleMap({ '--x0': String(segment.x0), '--x1': String(segment.x1), '--fill': colour?.fill ?? null, '--on-fill': colour?.text ?? null })}
            >
              ${segment.label
                ? html`<span class="label" part="label" data-fit=${segment.label.fit} style=${styleMap({ '--at': String(segment.label.at) })}>${segment.label.text}</span>`
                : nothing}
            </div>`;
          },
        )}
        ${layout.majority
          ? html`<div class="majority" part="majority" aria-hidden="true" style=${styleMap({ '--x': String(layout.majority.x) })}></div>`
          : nothing}
      </div>
      ${this.renderLegend(legendItems, drawing, (item) => item.kind !== 'undeclared')}`;
  }

  private renderRows(drawing: Drawing): TemplateResult {
    const { model, texts, palette, locale } = drawing;
    const labels = new Map(model.items.map((item) => [item.key, { full: texts.get(item.key)!.name, short: texts.get(item.key)!.short }]));
    const values = new Map(model.items.map((item) => [item.key, rowValue(item, locale)]));
    // Bold figures are the wider: measuring names in the same weight errs on the safe side.
    const layout = rowsLayout({
      items: model.items,
      majority: model.majority,
      majorityLabel: this.majorityLabel(model, locale),
      width: this.size.width,
      labels,
      values,
      measure: this.measureFor('label'),
    });
    const selected = this.selectedKey(model);
    const byKey = new Map(model.items.map((item) => [item.key, item]));
    return html`<div class="rows" data-arrangement=${layout.arrangement} ?data-majority=${layout.majority !== undefined} style=${styleMap({ '--majority-x': layout.majority ? String(layout.majority.x) : null })}>
      ${layout.majority
        ? html`<div class="rows-head" aria-hidden="true">
            <span class="rows-head-track"><span class="majority-label" part="majority-label" data-anchor=${layout.majority.anchor}>${layout.majority.label}</span></span>
          </div>`
        : nothing}
      ${repeat(
        layout.rows,
        (row) => row.key,
        (row) => {
          const item = byKey.get(row.key)!;
          const text = texts.get(row.key)!;
          const colour = palette.get(colourId(item));
          const control = item.kind !== 'undeclared';
          const change = row.change !== undefined ? formatChange(row.change, locale) : undefined;
          return html`<div
            class="row"
            part="row"
            data-key=${row.key}
            data-kind=${item.kind}
            ?data-selectable=${control}
            ?data-control=${control}
            ?data-selected=${selected === row.key}
            ?data-active=${this.tooltipKey() === row.key}
            role=${control ? 'button' : nothing}
            tabindex=${control ? this.tabIndexFor(row.key) : nothing}
            aria-pressed=${control ? String(selected === row.key) : nothing}
            aria-describedby=${control ? descriptionId(row.key) : nothing}
          >
            <bdi class="row-name">${layout.names === 'full' ? text.name : text.short}</bdi>
            <span class="row-track"
              ><span class="row-bar" part="row-bar" style=${styleMap({ '--length': String(row.length), '--fill': colour?.fill ?? null })}></span
              >${layout.majority ? html`<span class="majority" part="majority"></span>` : nothing}</span
            >
            <span class="row-value">${formatNumber(row.seats, locale)}${change !== undefined ? html`<span class="row-change">, ${change}</span>` : nothing}</span>
          </div>`;
        },
      )}
    </div>`;
  }

  private renderParliament(drawing: Drawing): TemplateResult {
    const { model, palette, locale } = drawing;
    const layout = parliamentLayout({
      items: model.items,
      total: model.total,
      majority: model.majority,
      majorityLabel: this.majorityLabel(model, locale),
      width: this.size.width,
      measure: this.measureFor('label'),
    });
    this.hemicycle = layout;
    const byKey = new Map(model.items.map((item) => [item.key, item]));
    const selected = this.selectedKey(model);
    const active = this.tooltipKey();
    const fill = (key: string) => {
      if (key === UNDECLARED_ITEM || key === '') return layout.mode === 'dots' ? 'none' : 'url(#undeclared-pattern)';
      return palette.get(colourId(byKey.get(key)))?.fill ?? 'currentColor';
    };
    const state = (key: string) => `${key === selected ? 'selected' : ''} ${key === active ? 'active' : ''} ${key === UNDECLARED_ITEM ? 'undeclared' : ''}`;
    const shapes: SVGTemplateResult =
      layout.mode === 'dots'
        ? svg`${layout.dots.map(
            (dot) => svg`<circle class=${state(dot.key)} cx=${round(dot.x)} cy=${round(dot.y)} r=${round(layout.dotRadius)} fill=${fill(dot.key)} data-key=${dot.key} ?data-selectable=${dot.key !== UNDECLARED_ITEM}></circle>`,
          )}`
        : svg`${layout.sectors.map(
            (sector) => svg`<path class=${state(sector.key)} d=${sector.path} fill=${fill(sector.key)} data-key=${sector.key} ?data-selectable=${sector.key !== UNDECLARED_ITEM}></path>`,
          )}`;
    const majority = layout.majority;
    return html`${majority ? this.renderMajorityLabel({ seats: majority.seats, x: majority.labelX, label: majority.label, anchor: majority.anchor }) : nothing}
      <svg class="hemicycle" part="hemicycle" viewBox=${layout.viewBox} data-mode=${layout.mode} aria-hidden="true" focusable="false">
        <defs>
          <pattern id="undeclared-pattern" patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">
            <rect width="4" height="4" class="pattern-base"></rect>
            <rect width="1.4" height="4" class="pattern-stripe"></rect>
          </pattern>
        </defs>
        ${shapes}
        ${majority
          ? svg`<line class="majority-line" part="majority" x1=${round(majority.x1)} y1=${round(majority.y1)} x2=${round(majority.x2)} y2=${round(majority.y2)}></line>`
          : nothing}
      </svg>
      ${this.renderLegend(model.items, drawing, (item) => item.kind !== 'undeclared')}`;
  }

  private renderMajorityLabel(marker: MajorityMarker | undefined): TemplateResult | typeof nothing {
    if (!marker) return nothing;
    return html`<div class="majority-row">
      <span class="majority-label" part="majority-label" data-anchor=${marker.anchor} style=${styleMap({ '--x': String(marker.x) })}>${marker.label}</span>
    </div>`;
  }

  /** The key: a swatch, the name and the figure; parties in it are the controls for their items. */
  private renderLegend(items: readonly SeatBarItem[], drawing: Drawing, isControl: (item: SeatBarItem) => boolean): TemplateResult | typeof nothing {
    if (items.length === 0) return nothing;
    const { model, texts, palette, locale } = drawing;
    const selected = this.selectedKey(model);
    return html`<ul class="legend" part="legend">
      ${repeat(
        items,
        (item) => item.key,
        (item) => {
          const text = texts.get(item.key)!;
          const colour = palette.get(colourId(item));
          const content = html`<span class="swatch" part="swatch" data-kind=${item.kind} style=${styleMap({ '--fill': colour?.fill ?? null })}></span
            ><bdi class="legend-name">${text.name}</bdi> <span class="legend-count">${formatNumber(item.seats, locale)}</span>`;
          if (!isControl(item)) {
            return html`<li class="legend-item" part="legend-item" data-key=${item.key} data-kind=${item.kind}>${content}</li>`;
          }
          return html`<li class="legend-entry">
            <button
              type="button"
              class="legend-item"
              part="legend-item"
              data-key=${item.key}
              data-kind=${item.kind}
              data-selectable
              data-control
              ?data-selected=${selected === item.key}
              ?data-active=${this.tooltipKey() === item.key}
              tabindex=${this.tabIndexFor(item.key)}
              aria-pressed=${String(selected === item.key)}
              aria-describedby=${descriptionId(item.key)}
            >
              ${content}
            </button>
          </li>`;
        },
      )}
    </ul>`;
  }

  private renderTooltip(drawing: Drawing): TemplateResult | typeof nothing {
    const key = this.tooltipKey();
    const item = key === undefined ? undefined : drawing.model.items.find((candidate) => candidate.key === key);
    if (!item) return nothing;
    const text = drawing.texts.get(item.key)!;
    const colour = drawing.palette.get(colourId(item));
    const figures = [text.count, text.change, text.share].filter((part) => part !== undefined);
    const baseline = text.change !== undefined ? drawing.model.totals.baselineLabel : undefined;
    // The same facts are every control's accessible name; the tooltip is for the eye.
    return html`<div class="tooltip" part="tooltip" aria-hidden="true" data-key=${item.key}>
      <p class="tooltip-name">
        <span class="swatch" part="swatch" data-kind=${item.kind} style=${styleMap({ '--fill': colour?.fill ?? null })}></span><bdi>${text.name}</bdi>
      </p>
      <p class="tooltip-figures">${figures.join(' · ')}</p>
      ${baseline ? html`<p class="tooltip-note">${baseline}</p>` : nothing}
      ${text.members ? html`<p class="tooltip-note">${text.members}</p>` : nothing}
    </div>`;
  }

  private renderNotes(model: SeatBarModel, locale: string): TemplateResult | typeof nothing {
    const lines: (TemplateResult | string)[] = [];
    const totals = model.totals;
    if (totals.scope === 'election') {
      const basis = translate(locale, totals.basis === 'publisher' ? 'feed.publisherFigures' : 'feed.derivedFigures');
      const source = totals.basis === 'publisher' ? this.data.feed?.summary?.source : undefined;
      const sourceText = source ? translate(locale, 'feed.source', { name: isolate(source.name) }) : undefined;
      const sourceHtml = source && sourceText ? (isWebLink(source.url) ? html`<a href=${source.url} rel="noopener">${sourceText}</a>` : sourceText) : undefined;
      lines.push(html`${basis}${sourceHtml ? html` · ${sourceHtml}` : nothing}`);
    }
    if (model.coverage) {
      lines.push(
        translate(locale, 'seatBar.coverage', {
          count: formatNumber(model.coverage.areasWithSeats, locale),
          declared: formatNumber(model.coverage.areasDeclared, locale),
          areas: translate(locale, `areaType.${this.data.feed?.meta.election.areaType ?? 'area'}`, { count: model.coverage.areasDeclared }),
        }),
      );
    }
    if (model.overTotal) {
      lines.push(translate(locale, 'seatBar.overTotal', { counted: formatNumber(model.overTotal.counted, locale), seatsUp: formatNumber(model.overTotal.seatsUp, locale) }));
    }
    // The publisher's word on one area ("figures as recorded in September") belongs with its chart.
    const areaNote = totals.scope === 'area' ? this.data.feed?.areas.find((area) => area.id === this.area)?.note : undefined;
    if (areaNote) lines.push(areaNote);
    if (lines.length === 0) return nothing;
    return html`<div class="notes" part="notes">${lines.map((line) => html`<p>${line}</p>`)}</div>`;
  }

  /** The same figures as a table, for screen readers: every party, Others' members included. */
  private renderTable(drawing: Drawing): TemplateResult {
    const { model, texts, locale, feed } = drawing;
    const names = feedNames(feed, locale);
    const hasChange = model.totals.parties.some((row) => row.change !== undefined);
    const hasShare = model.totals.parties.some((row) => row.share !== undefined);
    const countHeading = translate(locale, model.totals.measure === 'councils' ? 'seatBar.table.councils' : 'seatBar.table.seats');
    const rows = model.items.flatMap((item) =>
      item.kind === 'others' ? item.members.map((member) => ({ name: names.party(member.party), seats: member.seats, change: member.change, share: member.share })) : [{ name: texts.get(item.key)!.name, seats: item.seats, change: item.change, share: item.share }],
    );
    const caption = [translate(locale, model.totals.measure === 'councils' ? 'seatBar.chartLabel.councils' : 'seatBar.chartLabel.seats'), hasChange && model.totals.baselineLabel ? isolate(model.totals.baselineLabel) : undefined]
      .filter(Boolean)
      .join(' · ');
    // A table ignores a 1 px width; the wrapper clips it.
    return html`<div class="visually-hidden"><table>
      <caption>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${translate(locale, 'seatBar.table.party')}</th>
          <th scope="col">${countHeading}</th>
          ${hasChange ? html`<th scope="col">${translate(locale, 'seatBar.table.change')}</th>` : nothing}
          ${hasShare ? html`<th scope="col">${translate(locale, 'seatBar.table.share')}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr>
            <th scope="row"><bdi>${row.name}</bdi></th>
            <td>${formatNumber(row.seats, locale)}</td>
            ${hasChange ? html`<td>${row.change !== undefined ? describeChange(row.change, locale) : ''}</td>` : nothing}
            ${hasShare ? html`<td>${row.share !== undefined ? formatShare(row.share, locale) : ''}</td>` : nothing}
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  // Words -----------------------------------------------------------------------------------

  private itemTexts(model: SeatBarModel, names: FeedNames, locale: string): Map<string, ItemText> {
    const countKey = model.totals.measure === 'councils' ? 'count.councils' : 'count.seats';
    const texts = new Map<string, ItemText>();
    for (const item of model.items) {
      let name: string;
      let short: string;
      if (item.kind === 'others') name = short = translate(locale, 'party.others');
      else if (item.kind === 'undeclared') name = short = translate(locale, REMAINDER_NAME[model.remainder]);
      else {
        name = names.party(item.key);
        short = names.party(item.key, { short: true });
      }
      const count = translate(locale, countKey, { count: formatNumber(item.seats, locale) });
      const change = item.change !== undefined ? formatChange(item.change, locale) : undefined;
      const share = item.share !== undefined ? translate(locale, 'seatBar.share', { share: formatShare(item.share, locale) }) : undefined;
      const members =
        item.kind === 'others'
          ? translate(locale, 'seatBar.othersMembers', {
              list: listFormat(
                item.members.map((member) => `${isolate(names.party(member.party, { short: true }))} ${formatNumber(member.seats, locale)}`),
                locale,
              ),
            })
          : undefined;
      const description = [
        translate(locale, 'seatBar.item', { name: isolate(name), count }),
        item.change !== undefined ? describeChange(item.change, locale) : undefined,
        share,
      ]
        .filter((part) => part !== undefined)
        .join(', ');
      texts.set(item.key, { name, short, count, change, share, members, description: members ? `${description}. ${members}` : description });
    }
    return texts;
  }

  private titleText(feed: Feed, model: SeatBarModel, names: FeedNames, locale: string): string {
    const totals = model.totals;
    if (totals.scope === 'area') {
      const area = isolate(names.area(this.area));
      const key = totals.view === 'composition' ? 'seatBar.title.composition' : 'seatBar.title.seatsWon';
      return translate(locale, key, { area });
    }
    return translate(locale, totals.measure === 'councils' ? 'seatBar.title.councils' : 'seatBar.title.seats', { title: isolate(feed.meta.election.title) });
  }

  private captionText(feed: Feed, model: SeatBarModel, locale: string): string {
    const totals = model.totals;
    const parts: string[] = [];
    if (totals.scope === 'area') {
      const area = feed.areas.find((candidate) => candidate.id === this.area);
      if (area && area.status !== 'declared') parts.push(translate(locale, `status.${area.status}`));
      if (totals.view === 'composition') parts.push(translate(locale, 'seatBar.view.composition'));
      else if (area?.seats?.total !== undefined && area.seats.up !== undefined && area.seats.up < area.seats.total) {
        parts.push(translate(locale, 'seatBar.view.seatsWon', { up: formatNumber(area.seats.up, locale), total: formatNumber(area.seats.total, locale) }));
      } else parts.push(translate(locale, 'seatBar.view.seatsUp'));
    } else {
      parts.push(capitalise(describeProgress(totals.areasDeclared, totals.areasTotal, feed.meta.election.areaType ?? 'area', locale), locale));
    }
    if (totals.baselineLabel && model.items.some((item) => item.change !== undefined)) parts.push(isolate(totals.baselineLabel));
    return parts.join(' · ');
  }

  /** "Conservatives 365 seats, Labour 202, …; 326 needed for a majority; all 650 constituencies declared." */
  private summarySentence(model: SeatBarModel, texts: ReadonlyMap<string, ItemText>, locale: string): string {
    const parts: string[] = [];
    const shown = model.items.filter((item) => item.kind !== 'undeclared');
    const list = shown.map((item, index) =>
      index === 0
        ? translate(locale, 'seatBar.summaryFirst', { party: isolate(texts.get(item.key)!.name), count: texts.get(item.key)!.count })
        : translate(locale, 'seatBar.summaryNext', { party: isolate(texts.get(item.key)!.name), count: formatNumber(item.seats, locale) }),
    );
    if (list.length > 0) parts.push(listFormat(list, locale));
    const remainder = model.items.find((item) => item.kind === 'undeclared');
    if (remainder) parts.push(translate(locale, REMAINDER_SUMMARY[model.remainder], { count: formatNumber(remainder.seats, locale) }));
    if (model.majority !== undefined) parts.push(translate(locale, 'majority.needed', { count: formatNumber(model.majority, locale) }));
    const totals = model.totals;
    if (totals.scope === 'election') parts.push(describeProgress(totals.areasDeclared, totals.areasTotal, this.data.feed?.meta.election.areaType ?? 'area', locale));
    return `${parts.join('; ')}.`;
  }

  private majorityLabel(model: SeatBarModel, locale: string): string {
    if (model.majority === undefined) return '';
    const count = formatNumber(model.majority, locale);
    return model.totals.scope === 'area' ? translate(locale, 'seatBar.forMajority', { count }) : translate(locale, 'majority.toWin', { count });
  }

  private problemMessage(problem: SeatBarProblem, locale: string): string {
    switch (problem.kind) {
      case 'unknown-area':
        return translate(locale, 'feed.unknownArea', { id: problem.area });
      case 'no-councils':
        return translate(locale, 'seatBar.noCouncils');
      case 'no-seat-figures':
        return translate(locale, 'seatBar.noSeatFigures');
      case 'no-size':
        return translate(locale, 'seatBar.noSize');
    }
  }

  // Settings --------------------------------------------------------------------------------

  private layoutSetting(): SeatBarLayout {
    return this.choice('layout', this.layout, LAYOUTS, 'stacked');
  }

  private othersThreshold(): OthersThreshold | undefined {
    try {
      return parseOthersBelow(this.othersBelow);
    } catch (error) {
      this.warnOnce(`${(error as Error).message}; parties are not grouped`);
      return undefined;
    }
  }

  // Measuring --------------------------------------------------------------------------------

  private measureFor(kind: 'label' | 'name'): MeasureText {
    // The sizer has the chart's font. Before the first render it does not exist, the width is
    // not known either, and no label is placed yet.
    const sizer = rendersAsServer(this) ? null : this.renderRoot.querySelector('.sizer');
    if (!sizer) return (text) => text.length * 10;
    return textMeasure(sizer, kind === 'label' ? '600' : '400');
  }

  // Selection, focus and the tooltip ------------------------------------------------------

  private selectedKey(model: SeatBarModel): string | undefined {
    if (this.selected === undefined || this.selected === null || this.selected === '') return undefined;
    const key = this.selected === OTHERS_SELECTION ? OTHERS_ITEM : this.selected;
    return model.items.some((item) => item.key === key && item.kind !== 'undeclared') ? key : undefined;
  }

  private tooltipKey(): string | undefined {
    const { hovered, focused, dismissed } = this.interaction;
    return dismissed ? undefined : hovered ?? focused;
  }

  private controlKeys(model: SeatBarModel): string[] {
    return model.items.filter((item) => item.kind !== 'undeclared').map((item) => item.key);
  }

  /** The control that takes Tab: the one last moved to, else the selected one, else the first. */
  private rovingKey(model: SeatBarModel): string | undefined {
    const keys = this.controlKeys(model);
    return this.current !== undefined && keys.includes(this.current) ? this.current : this.selectedKey(model) ?? keys[0];
  }

  private tabIndexFor(key: string): string {
    return key === this.tabStop ? '0' : '-1';
  }

  private toggle(key: string): void {
    const model = this.model;
    const item = model?.items.find((candidate) => candidate.key === key);
    if (!model || !item || item.kind === 'undeclared') return;
    const wasSelected = this.selectedKey(model) === key;
    this.selected = wasSelected ? undefined : key === OTHERS_ITEM ? OTHERS_SELECTION : key;
    this.current = key;
    const detail: SeatBarSelectDetail = wasSelected ? { party: null, parties: [] } : { party: key === OTHERS_ITEM ? OTHERS_SELECTION : key, parties: item.parties };
    this.dispatchEvent(new CustomEvent<SeatBarSelectDetail>('tally-party-select', { detail, bubbles: true, composed: true }));
  }

  /** Change the interaction state; moving to another item brings back a dismissed tooltip. */
  private interact(change: Partial<TallySeatBar['interaction']>): void {
    const before = this.interaction;
    const next = { ...before, ...change };
    if (next.hovered !== before.hovered || next.focused !== before.focused) next.dismissed = change.dismissed ?? false;
    if (next.hovered === before.hovered && next.hoveredInLegend === before.hoveredInLegend && next.focused === before.focused && next.dismissed === before.dismissed) return;
    this.interaction = next;
    this.requestUpdate();
  }

  private controlElement(key: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-control][data-key="${CSS.escape(key)}"]`);
  }

  private onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      if (this.tooltipKey() !== undefined) {
        this.interact({ dismissed: true });
        event.stopPropagation();
      }
      return;
    }
    const control = (event.target as Element | null)?.closest?.<HTMLElement>('[data-control]');
    const model = this.model;
    if (!control || !model) return;
    const key = control.dataset.key!;
    if ((event.key === 'Enter' || event.key === ' ') && !(control instanceof HTMLButtonElement)) {
      event.preventDefault();
      this.toggle(key);
      return;
    }
    const keys = this.controlKeys(model);
    const index = keys.indexOf(key);
    // Right to left, the chart runs from the right: the arrow keys follow what the eye sees.
    const rtl = getComputedStyle(this).direction === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next: string | undefined;
    if (event.key === forward || event.key === 'ArrowDown') next = keys[Math.min(keys.length - 1, index + 1)];
    else if (event.key === back || event.key === 'ArrowUp') next = keys[Math.max(0, index - 1)];
    else if (event.key === 'Home') next = keys[0];
    else if (event.key === 'End') next = keys[keys.length - 1];
    if (next === undefined) return;
    event.preventDefault();
    this.current = next;
    this.requestUpdate();
    this.controlElement(next)?.focus();
  };

  private onClick = (event: MouseEvent): void => {
    const target = (event.target as Element | null)?.closest?.<Element>('[data-key][data-selectable]');
    if (!target || target.closest('.tooltip')) return;
    const key = target.getAttribute('data-key')!;
    this.toggle(key);
    // A tap on a segment without its own control (a thin one, a dot) moves focus to its control.
    if (!target.hasAttribute('data-control')) this.controlElement(key)?.focus({ preventScroll: true });
  };

  private onPointerOver = (event: PointerEvent): void => {
    const target = (event.target as Element | null)?.closest?.<Element>('[data-key]');
    if (!target || target.closest('.tooltip')) return;
    const key = target.getAttribute('data-key')!;
    if (key !== '') this.interact({ hovered: key, hoveredInLegend: target.closest('.legend') !== null });
  };

  private onPointerLeave = (): void => {
    this.interact({ hovered: undefined });
  };

  private onFocusIn = (event: FocusEvent): void => {
    const control = (event.target as Element | null)?.closest?.<HTMLElement>('[data-control]');
    if (!control) return;
    this.interact({ focused: control.dataset.key });
    this.current = control.dataset.key;
  };

  private onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Element | null;
    if (next && this.renderRoot.contains(next) && next.closest('[data-control]')) return;
    this.interact({ focused: undefined });
  };

  /**
   * Put the tooltip beside its item, inside the widget (which clips what overflows it), below
   * if there is room, and never over the control that has focus. For an item reached through
   * the key, the tooltip goes by the key's entry, where the reader is looking.
   */
  private placeTooltip(): void {
    const tooltip = this.renderRoot.querySelector<HTMLElement>('.tooltip');
    const chart = this.renderRoot.querySelector<HTMLElement>('.chart');
    const key = tooltip?.dataset.key;
    if (!tooltip || !chart || key === undefined) return;
    const focusedControl = (this.renderRoot as ShadowRoot).activeElement?.closest<HTMLElement>('[data-control]') ?? null;
    const { hovered, hoveredInLegend } = this.interaction;
    const viaLegend = hovered === key ? hoveredInLegend : focusedControl?.dataset.key === key && focusedControl.closest('.legend') !== null;
    const legendEntry = viaLegend ? chart.querySelector(`.legend [data-key="${CSS.escape(key)}"]`) : null;
    const anchor = legendEntry?.getBoundingClientRect() ?? this.anchorRect(key, chart);
    if (!anchor) return;
    const chartBox = chart.getBoundingClientRect();
    const hostBox = this.getBoundingClientRect();
    const width = tooltip.offsetWidth;
    const height = tooltip.offsetHeight;
    const gap = 6;
    const left = Math.max(0, Math.min(chartBox.width - width, anchor.left + anchor.width / 2 - chartBox.left - width / 2));
    const belowTop = anchor.bottom + gap;
    const aboveTop = Math.max(hostBox.top, anchor.top - gap - height);
    const fitsBelow = hostBox.bottom - belowTop >= height;
    const fitsAbove = anchor.top - gap - hostBox.top >= height;
    const covers = (top: number) => {
      if (!focusedControl) return false;
      const control = focusedControl.getBoundingClientRect();
      const box = { left: chartBox.left + left, right: chartBox.left + left + width, top, bottom: top + height };
      return box.left < control.right && box.right > control.left && box.top < control.bottom && box.bottom > control.top;
    };
    const order = fitsBelow || !fitsAbove ? [belowTop, aboveTop] : [aboveTop, belowTop];
    const top = order.find((candidate) => !covers(candidate)) ?? order[0]!;
    tooltip.style.left = `${Math.round(left)}px`;
    tooltip.style.top = `${Math.round(top - chartBox.top)}px`;
    tooltip.dataset.placement = top === belowTop ? 'below' : 'above';
  }

  private anchorRect(key: string, chart: HTMLElement): DOMRect | undefined {
    const layout = this.layoutSetting();
    if (layout === 'parliament') {
      const hemicycle = chart.querySelector('svg');
      const point = this.hemicycle?.anchors.get(key);
      if (!hemicycle || !point) return undefined;
      const box = hemicycle.getBoundingClientRect();
      // The hemicycle is mirrored right to left (see the styles).
      const x = getComputedStyle(this).direction === 'rtl' ? 100 - point.x : point.x;
      return new DOMRect(box.left + (x / 100) * box.width, box.top + (point.y / 100) * box.height, 0, 0);
    }
    const selector = layout === 'bars' ? `.row[data-key="${CSS.escape(key)}"] .row-bar` : `.segment[data-key="${CSS.escape(key)}"]`;
    return chart.querySelector(selector)?.getBoundingClientRect();
  }
}

/**
 * The id of an item's description: seats, change and share in words. Controls show a short
 * label ("Con 365") as their name and take these as their description, so the name is what
 * is on screen (voice control users say what they see) and the details still reach screen readers.
 */
function descriptionId(key: string): string {
  return `describe-${key}`;
}

/** The figure beside a row's bar: "202, −60". */
function rowValue(item: SeatBarItem, locale: string): string {
  const seats = formatNumber(item.seats, locale);
  return item.change === undefined ? seats : `${seats}, ${formatChange(item.change, locale)}`;
}

/** The palette id an item is coloured by. */
function colourId(item: SeatBarItem | undefined): string {
  if (!item) return 'other';
  if (item.kind === 'others') return 'other';
  if (item.kind === 'undeclared') return 'undeclared';
  return item.key;
}

/** Labels drawn inside segments: "Conservatives 365", "Con 365". */
function itemLabels(items: readonly SeatBarItem[], texts: ReadonlyMap<string, ItemText>, locale: string): Map<string, ItemLabels> {
  const labels = new Map<string, ItemLabels>();
  for (const item of items) {
    const text = texts.get(item.key)!;
    const count = formatNumber(item.seats, locale);
    labels.set(item.key, {
      full: translate(locale, 'seatBar.label', { name: isolate(text.name), count }),
      short: translate(locale, 'seatBar.label', { name: isolate(text.short), count }),
    });
  }
  return labels;
}

function problemText(problem: SeatBarProblem): string {
  switch (problem.kind) {
    case 'unknown-area':
      return `there is no area "${problem.area}" in this feed`;
    case 'no-councils':
      return 'measure="councils" needs a feed that says who controls each area; this one does not';
    case 'no-seat-figures':
      return 'areas have declared but the feed has no seat figures for them: there is no seat chart to draw';
    case 'no-size':
      return 'the feed says neither how many seats there are nor any result: there is no chart to draw yet';
  }
}

const listFormats = new Map<string, Intl.ListFormat>();
function listFormat(items: readonly string[], locale: string): string {
  const tag = safeLocale(locale);
  let format = listFormats.get(tag);
  if (!format) {
    format = new Intl.ListFormat(tag, { style: 'long', type: 'unit' });
    listFormats.set(tag, format);
  }
  return format.format(items);
}

const round = (value: number) => Math.round(value * 100) / 100;
