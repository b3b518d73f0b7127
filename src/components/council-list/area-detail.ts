/**
 * The detail of one area, opened from its row or its hex: the outcome as a sentence, the
 * council's composition after the election (or the seats won, of the seats up, when that is
 * all the feed has) with changes, the seats needed for a majority, the declaration time;
 * for a single-seat contest the winner, the votes and the majority. Ties decided by lot,
 * seats elected unopposed and seats changing hands are spelled out when the feed has them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from '../shared/style-map.js';
import type { Area, Feed } from '../../feed/schema.js';
import type { AreaRow } from '../../derive/area-rows.js';
import { seatTotals } from '../../derive/seat-totals.js';
import {
  describeChange,
  formatChange,
  formatDateTime,
  formatNumber,
  formatShare,
  formatTime,
} from '../../i18n/format.js';
import { translate, type MessageKey } from '../../i18n/messages.js';
import { feedIndex } from '../../feed/lookup.js';
import { feedNames } from '../../i18n/names.js';
import { outcomeSentence } from '../../i18n/sentences.js';
import { isolate } from '../../i18n/bidi.js';
import type { PartyColour } from '../shared/palette.js';

/** A message with a `<time>` element (clock time, full date as its title) where `{time}` is. */
export function withTime(locale: string, key: MessageKey, iso: string, timeZone: string | undefined): TemplateResult {
  const [before, after] = translate(locale, key, { time: '\u0000' }).split('\u0000');
  return html`${before}<time datetime=${iso} title=${formatDateTime(iso, locale, timeZone)}>${formatTime(iso, locale, timeZone)}</time>${after}`;
}

export interface DetailContext {
  readonly feed: Feed;
  readonly locale: string;
  readonly timeZone: string | undefined;
  readonly palette: ReadonlyMap<string, PartyColour>;
}

const swatch = (party: string, palette: ReadonlyMap<string, PartyColour>) =>
  html`<span class="key" part="swatch" aria-hidden="true" style=${styleMap({ '--_fill': palette.get(party)?.fill ?? 'transparent' })}></span>`;

function changeCell(change: number | undefined, locale: string): TemplateResult {
  if (change === undefined) return html`<td class="num"><span aria-hidden="true">–</span></td>`;
  return html`<td class="num" data-sign=${Math.sign(change)}>
    <span aria-hidden="true">${formatChange(change, locale)}</span><span class="visually-hidden">${describeChange(change, locale)}</span>
  </td>`;
}

function seatsTable(row: AreaRow, area: Area, context: DetailContext): TemplateResult {
  const { feed, locale, palette } = context;
  const names = feedNames(feed, locale);
  const totals = seatTotals(feed, { area: area.id });
  if (totals.parties.length === 0)
    return html`<p class="detail-note">${translate(locale, 'councilList.noFigures')}</p>`;
  const caption =
    totals.view === 'composition'
      ? translate(locale, 'councilList.composition')
      : row.seatsUp !== undefined
        ? translate(locale, 'councilList.seatsWonOf', { count: formatNumber(row.seatsUp, locale) })
        : translate(locale, 'councilList.seatsWonTable');
  const showChange = totals.parties.some((party) => party.change !== undefined);
  const baseline = area.baseline?.label ?? feed.meta.baseline?.label;
  return html`<table class="detail-table">
    <caption>${caption}</caption>
    <thead>
      <tr>
        <th scope="col">${translate(locale, 'councilList.colParty')}</th>
        <th scope="col" class="num">${translate(locale, 'councilList.colSeats')}</th>
        ${showChange ? html`<th scope="col" class="num">${translate(locale, 'councilList.colChange')}</th>` : nothing}
      </tr>
    </thead>
    <tbody>
      ${totals.parties.map(
        (party) => html`<tr>
          <th scope="row">${swatch(party.party, palette)}<bdi>${names.party(party.party)}</bdi></th>
          <td class="num">${formatNumber(party.seats, locale)}</td>
          ${showChange ? changeCell(party.change, locale) : nothing}
        </tr>`,
      )}
    </tbody>
  </table>
  ${showChange && baseline ? html`<p class="detail-note"><bdi>${baseline}</bdi></p>` : nothing}`;
}

function votesTable(area: Area, context: DetailContext): TemplateResult | typeof nothing {
  const { feed, locale, palette } = context;
  const names = feedNames(feed, locale);
  const results = (area.results ?? []).filter((result) => result.votes !== undefined || result.share !== undefined);
  if (results.length === 0) return nothing;
  const sorted = [...results].sort((a, b) => (b.votes ?? b.share ?? 0) - (a.votes ?? a.share ?? 0));
  const hasVotes = sorted.some((result) => result.votes !== undefined);
  const hasShare = sorted.some((result) => result.share !== undefined);
  return html`<table class="detail-table">
    <caption>${translate(locale, 'councilList.votesTable')}</caption>
    <thead>
      <tr>
        <th scope="col">${translate(locale, 'councilList.colParty')}</th>
        ${hasVotes ? html`<th scope="col" class="num">${translate(locale, 'councilList.colVotes')}</th>` : nothing}
        ${hasShare ? html`<th scope="col" class="num">${translate(locale, 'councilList.colShare')}</th>` : nothing}
      </tr>
    </thead>
    <tbody>
      ${sorted.map(
        (result) => html`<tr>
          <th scope="row">${swatch(result.party, palette)}<bdi>${names.party(result.party)}</bdi></th>
          ${hasVotes ? html`<td class="num">${result.votes === undefined ? '–' : formatNumber(result.votes, locale)}</td>` : nothing}
          ${hasShare ? html`<td class="num">${result.share === undefined ? '–' : formatShare(result.share, locale)}</td>` : nothing}
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function notes(area: Area, context: DetailContext): TemplateResult[] {
  const { feed, locale } = context;
  const names = feedNames(feed, locale, { isolated: true });
  const out: TemplateResult[] = [];
  const unopposed = (area.results ?? []).reduce((sum, result) => sum + (result.uncontested ?? 0), 0);
  if (unopposed > 0) out.push(html`<li>${translate(locale, 'councilList.unopposed', { count: unopposed })}</li>`);
  for (const tie of area.ties ?? []) {
    const winner = names.party(tie.winner);
    out.push(
      html`<li>${tie.seat ? translate(locale, 'councilList.tie', { seat: isolate(tie.seat), winner }) : translate(locale, 'councilList.tieNoSeat', { winner })}</li>`,
    );
  }
  if (area.transfers && area.transfers.length > 0) {
    const moves = area.transfers.map((transfer) =>
      translate(locale, 'councilList.transfer', {
        count: transfer.seats,
        from: names.party(transfer.from, { short: true }),
        to: names.party(transfer.to, { short: true }),
      }),
    );
    out.push(html`<li>${translate(locale, 'councilList.transfers')}: ${moves.join('; ')}</li>`);
  }
  return out;
}

/** The detail panel of `row`. `id` is the panel's element id, for the row's `aria-controls`. */
export function renderAreaDetail(row: AreaRow, id: string, context: DetailContext): TemplateResult {
  const { feed, locale, timeZone } = context;
  const area = feedIndex(feed).areas.get(row.id);
  if (!area) return html``;
  const names = feedNames(feed, locale, { isolated: true });
  const declared = row.status === 'declared';
  const facts: TemplateResult[] = [];
  if (row.majority !== undefined) {
    facts.push(html`<li>${translate(locale, 'majority.needed', { count: formatNumber(row.majority, locale) })}</li>`);
  }
  if (declared && row.singleSeat && row.controlAfter) {
    const winner = (area.results ?? []).find((result) => result.party === row.controlAfter);
    if (winner?.candidate)
      facts.push(
        html`<li>${translate(locale, 'councilList.elected', { candidate: isolate(winner.candidate), party: names.party(row.controlAfter) })}</li>`,
      );
    if (row.majorityVotes !== undefined)
      facts.push(
        html`<li>${translate(locale, 'councilList.majorityOf', { count: formatNumber(row.majorityVotes, locale) })}</li>`,
      );
    if (area.turnout !== undefined)
      facts.push(
        html`<li>${translate(locale, 'councilList.turnout', { value: formatShare(area.turnout, locale) })}</li>`,
      );
  }
  if (row.declaredAt)
    facts.push(html`<li>${withTime(locale, 'councilList.declaredFull', row.declaredAt, timeZone)}</li>`);
  const extra = notes(area, context);
  return html`<div class="detail" id=${id} part="detail" role="region" aria-label=${translate(locale, 'councilList.detail', { name: isolate(row.name) })}>
    <p class="detail-sentence">${outcomeSentence(row.outcome, row.id, feed, locale)}</p>
    ${
      row.type || row.region
        ? html`<p class="detail-kind">${[row.type, row.region]
            .filter((part): part is string => Boolean(part))
            .map(isolate)
            .join(' · ')}</p>`
        : nothing
    }
    ${declared ? (row.singleSeat ? votesTable(area, context) : seatsTable(row, area, context)) : nothing}
    ${facts.length > 0 ? html`<ul class="detail-facts">${facts}</ul>` : nothing}
    ${extra.length > 0 ? html`<ul class="detail-facts">${extra}</ul>` : nothing}
    ${area.note ? html`<p class="detail-note">${area.note}</p>` : nothing}
    ${area.url ? html`<p><a href=${area.url} target="_blank" rel="noopener">${translate(locale, 'councilList.fullResult', { name: isolate(row.name) })}</a></p>` : nothing}
  </div>`;
}
