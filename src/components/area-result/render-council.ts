/**
 * A council on the card: control before and after, the seats won at this election of the
 * seats up (a table), the whole council after the election as a bar with its majority line
 * (decoration: the key under it lists every party's seats), and its wards, each a button that
 * opens the ward's result on the card.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { CompositionView, CouncilView, SeatLine, WardLine } from '../../derive/area-result.js';
import { describeChange, formatChange, formatNumber } from '../../i18n/format.js';
import { translate } from '../../i18n/messages.js';
import { describeOutcome } from '../../i18n/sentences.js';
import type { Feed } from '../../feed/schema.js';
import { styleMap } from '../shared/style-map.js';
import type { CardContext } from './render-contest.js';

function swatch(party: string, context: CardContext): TemplateResult {
  return html`<span
    class="swatch"
    part="swatch"
    aria-hidden="true"
    style=${styleMap({ '--_fill': context.palette.get(party)?.fill ?? null })}
  ></span>`;
}

function change(value: number | undefined, locale: string): TemplateResult {
  if (value === undefined) return html`<td class="num"><span class="na" aria-hidden="true">–</span></td>`;
  return html`<td class="num change" data-sign=${Math.sign(value)}>
    <span aria-hidden="true">${formatChange(value, locale)}</span
    ><span class="visually-hidden">${describeChange(value, locale)}</span>
  </td>`;
}

function renderControl(view: CouncilView, context: CardContext): TemplateResult | typeof nothing {
  const { locale, names } = context;
  const rows: [string, string][] = [];
  if (view.control.before !== undefined)
    rows.push([translate(locale, 'areaResult.controlBefore'), names.party(view.control.before)]);
  if (view.control.after !== undefined)
    rows.push([translate(locale, 'areaResult.controlAfter'), names.party(view.control.after)]);
  if (view.control.largestParty.length > 0) {
    rows.push([
      translate(locale, 'areaResult.largestParty'),
      view.control.largestParty.map((party) => names.party(party)).join(', '),
    ]);
  }
  if (rows.length === 0) return nothing;
  return html`<dl class="facts control" part="control" aria-label=${translate(locale, 'areaResult.control')}>
    ${rows.map(
      ([term, value]) =>
        html`<div class="fact">
          <dt>${term}</dt>
          <dd><bdi>${value}</bdi></dd>
        </div>`,
    )}
  </dl>`;
}

function renderSeatsWon(view: CouncilView, context: CardContext): TemplateResult | typeof nothing {
  const { locale, names } = context;
  if (view.seatsWon.length === 0) return nothing;
  const caption =
    view.seatsUp !== undefined
      ? translate(locale, 'areaResult.seatsWonOf', { count: formatNumber(view.seatsUp, locale) })
      : translate(locale, 'areaResult.seatsWon');
  const showChange = view.seatsWon.some((line) => line.change !== undefined);
  const partial = view.seatsUp !== undefined && view.seatsWonCounted < view.seatsUp;
  return html`<table class="seats" part="seats-won">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${translate(locale, 'areaResult.colParty')}</th>
          <th scope="col" class="num">${translate(locale, 'areaResult.colSeats')}</th>
          ${showChange ? html`<th scope="col" class="num">${translate(locale, 'areaResult.colChange')}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${repeat(
          view.seatsWon,
          (line) => line.party,
          (line) =>
            html`<tr>
              <th scope="row">${swatch(line.party, context)}<bdi>${names.party(line.party)}</bdi></th>
              <td class="num">${formatNumber(line.seats, locale)}</td>
              ${showChange ? change(line.change, locale) : nothing}
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      partial
        ? html`<p class="note">
            ${translate(locale, 'areaResult.seatsCounted', { count: formatNumber(view.seatsWonCounted, locale), up: formatNumber(view.seatsUp!, locale) })}
          </p>`
        : nothing
    }`;
}

function keyEntry(line: SeatLine, context: CardContext): TemplateResult {
  const { locale, names } = context;
  return html`<li>
    ${swatch(line.party, context)}<bdi>${names.party(line.party)}</bdi>
    <span class="num">${formatNumber(line.seats, locale)}</span>${
      line.change !== undefined
        ? html` <span class="change" data-sign=${Math.sign(line.change)}
            ><span aria-hidden="true">(${formatChange(line.change, locale)})</span
            ><span class="visually-hidden">${describeChange(line.change, locale)}</span></span
          >`
        : nothing
    }
  </li>`;
}

function renderComposition(composition: CompositionView, context: CardContext): TemplateResult {
  const { locale } = context;
  const majority = composition.majority;
  const at =
    majority !== undefined && composition.total > 0
      ? `${(Math.min(majority, composition.total) / composition.total) * 100}%`
      : null;
  return html`<figure class="composition" part="composition">
    <figcaption class="section-title">
      ${translate(locale, 'areaResult.composition')}${
        majority !== undefined
          ? html` <span class="muted"
              >· ${translate(locale, 'areaResult.majorityLine', { count: formatNumber(majority, locale) })}</span
            >`
          : nothing
      }
    </figcaption>
    <div class="council-bar" part="council-bar" aria-hidden="true" style=${styleMap({ '--_majority': at })}>
      ${composition.parties.map(
        (line) =>
          html`<span
            class="segment"
            style=${styleMap({ '--_fill': context.palette.get(line.party)?.fill ?? null, flexGrow: line.seats })}
          ></span>`,
      )}${
        composition.total > composition.counted
          ? html`<span
              class="segment rest"
              style=${styleMap({ flexGrow: composition.total - composition.counted })}
            ></span>`
          : nothing
      }${at !== null ? html`<span class="majority-line"></span>` : nothing}
    </div>
    <ul class="key" part="key">
      ${repeat(
        composition.parties,
        (line) => line.party,
        (line) => keyEntry(line, context),
      )}
    </ul>
  </figure>`;
}

function wardSummary(ward: WardLine, feed: Feed, context: CardContext): string {
  const { locale, names } = context;
  // A ward electing several has no single winner: say who was elected.
  if (ward.outcome.kind === 'declared' && ward.elected.length > 0) {
    const list = ward.elected.map(
      (entry) =>
        `${entry.party !== undefined ? names.party(entry.party, { short: true }) : (entry.partyName ?? '')} ${formatNumber(entry.count, locale)}`,
    );
    return translate(locale, 'areaResult.wardElected', { list: list.join(', ') });
  }
  return describeOutcome(ward.outcome, feed, locale);
}

function renderWards(
  view: CouncilView,
  feed: Feed,
  context: CardContext,
  open: (id: string) => void,
): TemplateResult | typeof nothing {
  const { locale, names } = context;
  if (view.wards.length === 0) return nothing;
  return html`<section class="wards" aria-labelledby="wards-heading">
    <p class="section-title" id="wards-heading">
      ${translate(locale, 'areaResult.wards')} <span class="muted">· ${translate(locale, 'areaResult.wardsHint')}</span>
    </p>
    <ul class="ward-list" part="wards">
      ${repeat(
        view.wards,
        (ward) => ward.id,
        (ward) =>
          html`<li>
            <button
              type="button"
              class="ward"
              part="ward"
              data-id=${ward.id}
              data-status=${ward.status}
              @click=${() => open(ward.id)}
            >
              <bdi class="ward-name">${names.area(ward.id)}</bdi>
              <span class="ward-outcome">${wardSummary(ward, feed, context)}</span>
            </button>
          </li>`,
      )}
    </ul>
  </section>`;
}

/** The council: control, seats won, the whole council, its wards. `open` shows a ward. */
export function renderCouncil(
  view: CouncilView,
  feed: Feed,
  baselineLabel: string | undefined,
  context: CardContext,
  open: (id: string) => void,
): TemplateResult {
  return html`<div class="council">
    ${renderControl(view, context)} ${renderSeatsWon(view, context)}
    ${view.composition ? renderComposition(view.composition, context) : nothing}
    ${baselineLabel ? html`<p class="note" part="baseline"><bdi>${baselineLabel}</bdi></p>` : nothing}
    ${renderWards(view, feed, context, open)}
  </div>`;
}
