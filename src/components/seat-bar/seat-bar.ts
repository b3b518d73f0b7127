/**
 * <tally-seat-bar>: the headline graphic of election night. How many seats (or councils) each
 * party has, how far from a majority, and how much is still to declare.
 *
 * The words are derived in src/derive/seat-bar-text.ts, the layouts' geometry in src/layout/,
 * and each layout's template is a render module beside this file (render-*.ts).
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Feed } from '../../feed/schema.js';
import { OTHERS_ITEM, parseOthersBelow, type OthersThreshold } from '../../derive/seat-bar-groups.js';
import { seatBarModel, type SeatBarModel, type SeatBarProblem } from '../../derive/seat-bar-model.js';
import {
  captionText,
  itemTexts,
  majorityLabel,
  problemMessage,
  problemText,
  summarySentence,
  titleText,
} from '../../derive/seat-bar-text.js';
import type { SeatMeasure } from '../../derive/seat-totals.js';
import { STATE_OF_PARTIES_BASES, type StateOfPartiesBasis } from '../../derive/state-of-parties.js';
import { translate } from '../../i18n/messages.js';
import { feedNames } from '../../i18n/names.js';
import type { ParliamentLayout } from '../../layout/seat-bar-parliament.js';
import type { MeasureText } from '../../layout/seat-bar-stacked.js';
import { placeTooltip } from '../../layout/tooltip-placement.js';
import { FeedElement } from '../shared/feed-element.js';
import { partyPalette } from '../shared/palette.js';
import { ResizeController } from '../shared/resize-controller.js';
import { RovingFocus } from '../shared/roving-focus.js';
import { rendersAsServer } from '../shared/server-render.js';
import { widgetStyles } from '../shared/styles.js';
import { renderParliament } from './render-parliament.js';
import { renderNotes, renderTable, renderTooltip } from './render-parts.js';
import { renderRows } from './render-rows.js';
import { renderStacked } from './render-stacked.js';
import { seatBarStyles } from './seat-bar.styles.js';
import { textMeasure } from './text-measure.js';
import { colourId, descriptionId, type Interaction, type SeatBarView } from './view.js';
import './messages.js';

export type SeatBarLayout = 'stacked' | 'bars' | 'parliament';

const LAYOUTS: readonly SeatBarLayout[] = ['stacked', 'bars', 'parliament'];
const MEASURES: readonly SeatMeasure[] = ['seats', 'councils'];

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
   * What the reader points at and focuses (see `Interaction`). Internal state, changed only
   * through `interact`, so that it stays out of the element's public surface; Escape hides the
   * tooltip until the pointer or focus moves to another item.
   */
  private interaction: Interaction = {
    hovered: undefined,
    hoveredInLegend: false,
    focused: undefined,
    dismissed: false,
  };

  /** The chart's width, from the sizer; 0 until measured. */
  private chartWidth = 0;
  /**
   * The room the chart has (the sizer) and the fonts it draws in (the font probe): labels are
   * fitted to measured text, so a web font arriving or a late stylesheet measures again.
   */
  private readonly resize = new ResizeController(this, {
    targets: () => [this.sizer(), this.renderRoot.querySelector('.font-probe')],
    onResize: () => {
      this.chartWidth = this.resize.width(this.sizer()) || this.chartWidth;
      this.requestUpdate();
    },
  });
  /** One tab stop among the parties' controls: the one last moved to, else the selected one, else the first. */
  private readonly roving = new RovingFocus(this, {
    has: (key) => this.controlKeys().includes(key),
    fallback: () => (this.model ? this.selectedKey(this.model) : undefined) ?? this.controlKeys()[0],
    element: (key) => this.controlElement(key),
  });

  /** The chart on screen: the last good one, kept when the feed or settings give none. */
  private model: SeatBarModel | undefined;
  private problem: SeatBarProblem | undefined;
  private builtFrom: { feed: Feed; key: string } | undefined;
  /** Whether the chart's last change may animate: the same view as before, and motion allowed. */
  private animateNext = false;
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
    if (area !== undefined && measure === 'councils')
      this.warnOnce(
        `measure="councils" counts councils across the election; with area="${area}" the chart shows that area's seats`,
      );
    const key = JSON.stringify([measure, area ?? null, basis, othersBelow ?? null]);
    if (this.builtFrom?.feed === feed && this.builtFrom.key === key) return;
    const previous = this.builtFrom?.key === key ? this.model : undefined;
    const result = seatBarModel(feed, {
      measure: area === undefined ? measure : 'seats',
      area,
      basis,
      othersBelow,
      previousOrder: previous?.items.map((item) => item.key),
    });
    this.builtFrom = { feed, key };
    if (result.ok) {
      // Totals that change basis (the publisher's summary arriving) jump without seats moving: no glide.
      this.animateNext =
        previous !== undefined && !this.preferences.reduceMotion && previous.totals.basis === result.model.totals.basis;
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
    return this.renderShell((feed) => this.renderContent(feed), { sizer: true });
  }

  protected override updated(): void {
    this.placeTooltip();
  }

  private renderContent(feed: Feed): TemplateResult {
    const locale = this.locale;
    const problem = this.problem
      ? html`<p class="notice" part="notice" data-kind=${this.problem.kind}>${problemMessage(this.problem, locale)}</p>`
      : nothing;
    const model = this.model;
    if (!model) return html`${problem}`;
    const names = feedNames(feed, locale);
    const texts = itemTexts(model, names, locale);
    const scheme = this.preferences.scheme(this.theme);
    const layout = this.layoutSetting();
    this.roving.resolve();
    const view: SeatBarView = {
      feed,
      model,
      texts,
      palette: partyPalette(
        this,
        feed,
        scheme,
        model.items.map((item) => colourId(item)),
      ),
      locale,
      // A server render (and the render that hydrates it) has no width: layouts that need none.
      width: rendersAsServer(this) ? 0 : this.chartWidth,
      fullKey: this.serverRender.fromServer || rendersAsServer(this),
      measure: this.measureLabels(),
      majorityLabel: majorityLabel(model, locale),
      selected: this.selectedKey(model),
      active: this.tooltipKey(),
      tabIndex: (key) => this.roving.tabIndex(key),
    };
    let chart: TemplateResult;
    if (layout === 'parliament') {
      const drawn = renderParliament(view);
      this.hemicycle = drawn.layout;
      chart = drawn.template;
    } else chart = layout === 'bars' ? renderRows(view) : renderStacked(view);
    return html`${problem}
      <div class="head">
        <p class="title" part="title">${titleText(feed, model, names, locale, this.area)}</p>
        <p class="caption" part="caption">${captionText(feed, model, locale, this.area)}</p>
      </div>
      <p class="visually-hidden">${summarySentence(model, texts, locale, feed.meta.election.areaType ?? 'area')}</p>
      <div
        class="chart"
        part="chart"
        role="group"
        aria-label=${translate(locale, model.totals.measure === 'councils' ? 'seatBar.chartLabel.councils' : 'seatBar.chartLabel.seats')}
        aria-describedby="select-hint"
        data-layout=${layout}
        ?data-animate=${this.animateNext}
        ?data-has-selection=${view.selected !== undefined}
        @keydown=${this.onKeydown}
        @click=${this.onClick}
        @pointerover=${this.onPointerOver}
        @pointerleave=${this.onPointerLeave}
        @focusin=${this.onFocusIn}
        @focusout=${this.onFocusOut}
      >
        ${chart} ${renderTooltip(view)}
      </div>
      <div hidden>${model.items.map((item) => html`<span id=${descriptionId(item.key)}>${texts.get(item.key)?.description}</span>`)}</div>
      <p class="visually-hidden" id="select-hint">${translate(locale, 'seatBar.selectHint')}</p>
      ${renderNotes(view, this.area)} ${renderTable(view)}`;
  }

  // Settings --------------------------------------------------------------------------------

  private layoutSetting(): SeatBarLayout {
    return this.choice('layout', this.layout, LAYOUTS, 'stacked');
  }

  private othersThreshold(): OthersThreshold | undefined {
    try {
      return parseOthersBelow(this.othersBelow);
    } catch (error) {
      this.warnOnce(`${error instanceof Error ? error.message : String(error)}; parties are not grouped`);
      return undefined;
    }
  }

  // Measuring --------------------------------------------------------------------------------

  private sizer(): Element | null {
    return rendersAsServer(this) ? null : this.renderRoot.querySelector('.sizer');
  }

  private measureLabels(): MeasureText {
    // The sizer has the chart's font. Before the first render it does not exist, the width is
    // not known either, and no label is placed yet.
    const sizer = this.sizer();
    return sizer ? textMeasure(sizer, '600') : (text) => text.length * 10;
  }

  // Selection, focus and the tooltip ------------------------------------------------------

  private selectedKey(model: SeatBarModel): string | undefined {
    if (this.selected === undefined || this.selected === null || this.selected === '') return undefined;
    const key = this.selected === OTHERS_SELECTION ? OTHERS_ITEM : this.selected;
    return model.items.some((item) => item.key === key && item.kind !== 'undeclared') ? key : undefined;
  }

  private tooltipKey(): string | undefined {
    const { hovered, focused, dismissed } = this.interaction;
    return dismissed ? undefined : (hovered ?? focused);
  }

  /** The items that have a control: every one but the remainder. */
  private controlKeys(): string[] {
    return (this.model?.items ?? []).filter((item) => item.kind !== 'undeclared').map((item) => item.key);
  }

  private toggle(key: string): void {
    const model = this.model;
    const item = model?.items.find((candidate) => candidate.key === key);
    if (!model || !item || item.kind === 'undeclared') return;
    const wasSelected = this.selectedKey(model) === key;
    this.selected = wasSelected ? undefined : key === OTHERS_ITEM ? OTHERS_SELECTION : key;
    this.roving.remember(key);
    const detail: SeatBarSelectDetail = wasSelected
      ? { party: null, parties: [] }
      : { party: key === OTHERS_ITEM ? OTHERS_SELECTION : key, parties: item.parties };
    this.dispatchEvent(
      new CustomEvent<SeatBarSelectDetail>('tally-party-select', { detail, bubbles: true, composed: true }),
    );
  }

  /** Change the interaction state; moving to another item brings back a dismissed tooltip. */
  private interact(change: Partial<Interaction>): void {
    const before = this.interaction;
    const next = { ...before, ...change };
    if (next.hovered !== before.hovered || next.focused !== before.focused) next.dismissed = change.dismissed ?? false;
    if (
      next.hovered === before.hovered &&
      next.hoveredInLegend === before.hoveredInLegend &&
      next.focused === before.focused &&
      next.dismissed === before.dismissed
    )
      return;
    this.interaction = next;
    this.requestUpdate();
  }

  private controlElement(key: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-control][data-key="${CSS.escape(key)}"]`);
  }

  private rtl(): boolean {
    return getComputedStyle(this).direction === 'rtl';
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
    const key = control?.dataset.key;
    if (!control || key === undefined || !this.model) return;
    if ((event.key === 'Enter' || event.key === ' ') && !(control instanceof HTMLButtonElement)) {
      event.preventDefault();
      this.toggle(key);
      return;
    }
    const keys = this.controlKeys();
    const index = keys.indexOf(key);
    // Right to left, the chart runs from the right: the arrow keys follow what the eye sees.
    const rtl = this.rtl();
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next: string | undefined;
    if (event.key === forward || event.key === 'ArrowDown') next = keys[Math.min(keys.length - 1, index + 1)];
    else if (event.key === back || event.key === 'ArrowUp') next = keys[Math.max(0, index - 1)];
    else if (event.key === 'Home') next = keys[0];
    else if (event.key === 'End') next = keys[keys.length - 1];
    if (next === undefined) return;
    event.preventDefault();
    this.roving.move(next);
  };

  private onClick = (event: MouseEvent): void => {
    const target = (event.target as Element | null)?.closest?.<Element>('[data-key][data-selectable]');
    const key = target?.getAttribute('data-key');
    if (!target || key == null || target.closest('.tooltip')) return;
    this.toggle(key);
    // A tap on a segment without its own control (a thin one, a dot) moves focus to its control.
    if (!target.hasAttribute('data-control')) this.controlElement(key)?.focus({ preventScroll: true });
  };

  private onPointerOver = (event: PointerEvent): void => {
    const target = (event.target as Element | null)?.closest?.<Element>('[data-key]');
    const key = target?.getAttribute('data-key');
    if (!target || key == null || target.closest('.tooltip')) return;
    if (key !== '') this.interact({ hovered: key, hoveredInLegend: target.closest('.legend') !== null });
  };

  private onPointerLeave = (): void => {
    this.interact({ hovered: undefined });
  };

  private onFocusIn = (event: FocusEvent): void => {
    const control = (event.target as Element | null)?.closest?.<HTMLElement>('[data-control]');
    if (!control) return;
    this.interact({ focused: control.dataset.key });
    this.roving.remember(control.dataset.key);
  };

  private onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Element | null;
    if (next && this.renderRoot.contains(next) && next.closest('[data-control]')) return;
    this.interact({ focused: undefined });
  };

  /**
   * Put the tooltip beside its item (src/layout/tooltip-placement.ts). For an item reached
   * through the key, the tooltip goes by the key's entry, where the reader is looking.
   */
  private placeTooltip(): void {
    const tooltip = this.renderRoot.querySelector<HTMLElement>('.tooltip');
    const chart = this.renderRoot.querySelector<HTMLElement>('.chart');
    const key = tooltip?.dataset.key;
    if (!tooltip || !chart || key === undefined) return;
    const focusedControl =
      (this.renderRoot as ShadowRoot).activeElement?.closest<HTMLElement>('[data-control]') ?? null;
    const { hovered, hoveredInLegend } = this.interaction;
    const viaLegend =
      hovered === key
        ? hoveredInLegend
        : focusedControl?.dataset.key === key && focusedControl.closest('.legend') !== null;
    const legendEntry = viaLegend ? chart.querySelector(`.legend [data-key="${CSS.escape(key)}"]`) : null;
    const anchor = legendEntry?.getBoundingClientRect() ?? this.anchorRect(key, chart);
    if (!anchor) return;
    const placed = placeTooltip({
      anchor,
      chart: chart.getBoundingClientRect(),
      host: this.getBoundingClientRect(),
      tooltip: { width: tooltip.offsetWidth, height: tooltip.offsetHeight },
      focused: focusedControl?.getBoundingClientRect(),
    });
    tooltip.style.left = `${placed.left}px`;
    tooltip.style.top = `${placed.top}px`;
    tooltip.dataset.placement = placed.placement;
  }

  private anchorRect(key: string, chart: HTMLElement): DOMRect | undefined {
    const layout = this.layoutSetting();
    if (layout === 'parliament') {
      const hemicycle = chart.querySelector('svg');
      const point = this.hemicycle?.anchors.get(key);
      if (!hemicycle || !point) return undefined;
      const box = hemicycle.getBoundingClientRect();
      // The hemicycle is mirrored right to left (see the styles).
      const x = this.rtl() ? 100 - point.x : point.x;
      return new DOMRect(box.left + (x / 100) * box.width, box.top + (point.y / 100) * box.height, 0, 0);
    }
    const selector =
      layout === 'bars' ? `.row[data-key="${CSS.escape(key)}"] .row-bar` : `.segment[data-key="${CSS.escape(key)}"]`;
    return chart.querySelector(selector)?.getBoundingClientRect();
  }
}
