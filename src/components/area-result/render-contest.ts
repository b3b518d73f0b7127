/**
 * A contest on the card: candidates (or parties) by votes, each with party colour, a bar of
 * vote share, votes, share and share change; the elected marked in words and with a tick,
 * never by colour alone; then majority, turnout, electorate and rejected ballots when given.
 * The bars are decoration: the figures beside them carry the same facts for screen readers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ContestLine, ContestView } from '../../derive/area-result.js';
import { describeChange, formatNumber, formatPoints, formatShare } from '../../i18n/format.js';
import { translate } from '../../i18n/messages.js';
import type { FeedNames } from '../../i18n/names.js';
import type { PartyColour } from '../shared/palette.js';
import { styleMap } from '../shared/style-map.js';

export interface CardContext {
  readonly locale: string;
  readonly timeZone: string | undefined;
  readonly names: FeedNames;
  readonly palette: ReadonlyMap<string, PartyColour>;
}

/** The party a line stood for, as words: the feed's party name, else the source's label. */
function partyLabel(line: ContestLine, names: FeedNames): string | undefined {
  if (line.party !== undefined) return names.party(line.party);
  return line.partyName;
}

function renderLine(line: ContestLine, view: ContestView, context: CardContext): TemplateResult {
  const { locale, names, palette } = context;
  const party = partyLabel(line, names);
  // A party line names its candidate when the feed has one; otherwise the party is the name.
  const title = line.candidate ?? party ?? '';
  const subtitle = line.candidate !== undefined ? party : undefined;
  const fill = palette.get(line.colourKey)?.fill ?? null;
  return html`<li
    class="line"
    part=${line.elected ? 'candidate candidate-elected' : 'candidate'}
    ?data-elected=${line.elected}
  >
    <span class="who">
      <span class="swatch" part="swatch" aria-hidden="true" style=${styleMap({ '--_fill': fill })}></span>
      <span class="names">
        <bdi class="name" part="candidate-name">${title}</bdi>${
          line.elected
            ? html` <span class="badge" part="elected"
                ><span aria-hidden="true">✓ </span>${translate(locale, 'areaResult.elected')}</span
              >`
            : nothing
        }${subtitle !== undefined ? html` <bdi class="party" part="candidate-party">${subtitle}</bdi>` : nothing}
      </span>
    </span>
    <span class="figures">
      ${
        line.votes !== undefined
          ? html`<span class="votes"
              ><span aria-hidden="true">${formatNumber(line.votes, locale)}</span
              ><span class="visually-hidden"
                >${translate(locale, 'areaResult.votes', { count: line.votes, number: formatNumber(line.votes, locale) })}</span
              ></span
            >`
          : view.has.votes
            ? html`<span class="votes na" aria-hidden="true">–</span>`
            : nothing
      }
      ${
        line.share !== undefined
          ? html`<span class="share"
              ><span aria-hidden="true">${formatShare(line.share, locale)}</span
              ><span class="visually-hidden"
                >${translate(locale, 'areaResult.shareOf', { value: formatShare(line.share, locale) })}</span
              ></span
            >`
          : view.has.share
            ? html`<span class="share na" aria-hidden="true">–</span>`
            : nothing
      }
      ${
        line.shareChange !== undefined
          ? html`<span class="change" data-sign=${Math.sign(line.shareChange)}
              ><span aria-hidden="true">${formatPoints(line.shareChange, locale)}</span
              ><span class="visually-hidden"
                >${describeChange(line.shareChange, locale, (value) => translate(locale, 'change.pointsLong', { value: formatNumber(value, locale, 1) }))}</span
              ></span
            >`
          : view.has.shareChange
            ? html`<span class="change na" aria-hidden="true">–</span>`
            : nothing
      }
      ${
        line.seats !== undefined && line.seats > 0
          ? html`<span class="seats">${translate(locale, 'areaResult.seatsWonBy', { count: line.seats })}</span>`
          : nothing
      }
    </span>
    ${
      line.bar !== undefined
        ? html`<span class="bar" part="bar" aria-hidden="true"
            ><span
              class="fill"
              style=${styleMap({ '--_bar': `${Math.min(100, Math.max(0, line.bar))}%`, '--_fill': fill })}
            ></span
          ></span>`
        : nothing
    }
  </li>`;
}

function renderFacts(view: ContestView, locale: string): TemplateResult | typeof nothing {
  const facts: [string, string][] = [];
  if (view.majority !== undefined)
    facts.push([translate(locale, 'areaResult.majority'), formatNumber(view.majority, locale)]);
  if (view.turnout !== undefined)
    facts.push([translate(locale, 'areaResult.turnout'), formatShare(view.turnout, locale)]);
  if (view.electorate !== undefined)
    facts.push([translate(locale, 'areaResult.electorate'), formatNumber(view.electorate, locale)]);
  if (view.rejected !== undefined)
    facts.push([translate(locale, 'areaResult.rejected'), formatNumber(view.rejected, locale)]);
  if (facts.length === 0) return nothing;
  return html`<dl class="facts" part="facts">
    ${facts.map(
      ([term, value]) =>
        html`<div class="fact">
          <dt>${term}</dt>
          <dd>${value}</dd>
        </div>`,
    )}
  </dl>`;
}

/** The contest: its lines, then its facts, then what changes are measured against. */
export function renderContest(
  view: ContestView,
  baselineLabel: string | undefined,
  context: CardContext,
): TemplateResult {
  const { locale } = context;
  const heading = translate(locale, view.source === 'candidates' ? 'areaResult.candidates' : 'areaResult.partyVotes');
  const elected =
    view.electedCount > 0 && view.seatsUp !== undefined && view.seatsUp > 1
      ? translate(locale, 'areaResult.electedOf', { count: view.electedCount, up: formatNumber(view.seatsUp, locale) })
      : undefined;
  return html`<section class="contest" aria-labelledby="contest-heading">
    <p class="section-title" id="contest-heading">
      ${heading}${elected ? html` <span class="muted">· ${elected}</span>` : nothing}
    </p>
    <ol class="lines" part="candidates">
      ${repeat(
        view.lines,
        (line) => line.key,
        (line) => renderLine(line, view, context),
      )}
    </ol>
    ${renderFacts(view, locale)}
    ${baselineLabel ? html`<p class="note" part="baseline"><bdi>${baselineLabel}</bdi></p>` : nothing}
  </section>`;
}
