/**
 * The tally-feed/1 contract: one valibot definition is the single source of truth for the
 * TypeScript types (`InferOutput`), the runtime validator and the published JSON Schema.
 *
 * Objects are "loose": unknown extra fields are tolerated so that a feed written for a later
 * minor revision of the format still validates here. Cross-references (party and area ids) are
 * checked separately in `references.ts`, because they need the whole feed in view.
 */
import * as v from 'valibot';
import { TIMESTAMP_MESSAGE, TIMESTAMP_PATTERN } from './timestamp.js';

/** The format tag every feed carries in `format`. */
export const FEED_FORMAT = 'tally-feed/1';

/** The reserved control value for a council with no overall control. Not a party id. */
export const NO_OVERALL_CONTROL = 'noc';

/** Area statuses, from "nothing yet" to "result in". */
export const AREA_STATUSES = ['awaiting', 'counting', 'declared', 'recount', 'postponed', 'no-election'] as const;

/** Kinds of election; they change wording and which figures make sense, never the data shape. */
export const ELECTION_KINDS = [
  'local',
  'general',
  'regional',
  'mayoral',
  'presidential',
  'referendum',
  'other',
] as const;

/** What an area is called in this election, for sentences such as "130 of 150 councils". */
export const AREA_TYPES = ['council', 'constituency', 'ward', 'district', 'county', 'state', 'region', 'area'] as const;

/** Kinds of structured ticker event a publisher may send. */
export const EVENT_KINDS = ['declaration', 'control-change', 'recount', 'correction', 'note'] as const;

/**
 * The largest feed the widgets draw (docs/feed.md): above any real election, and small enough
 * that no widget keeps the page busy for long (bench/limits.ts measures them at these sizes).
 * A feed over a limit is refused with a message naming it.
 */
export const FEED_LIMITS = {
  /** Areas in `areas` (the benchmark's largest synthetic night has 8,360). */
  areas: 10_000,
  /** Parties in `parties`, and rows in `summary.parties`. */
  parties: 1_000,
  /** Events in `events`. */
  events: 10_000,
} as const;

const limitedList = <T extends v.GenericSchema>(item: T, max: number, what: string) =>
  v.pipe(v.array(item), v.maxLength(max, `must list at most ${max.toLocaleString('en-GB')} ${what}`));

// Sanity bounds: far above any real election, low enough to catch a unit or parsing error.
const MAX_SEATS = 100_000;
const MAX_AREA_VOTES = 100_000_000;
/** Under a thousand million for one party: more than any election has counted in all (India 2024: 642 million). */
const MAX_TOTAL_VOTES = 999_999_999;

/**
 * Text a reader can see: at least one character that is not white space, a control or
 * formatting character (zero-width spaces and joiners, bidirectional marks, soft hyphens),
 * nor one that fonts draw as nothing (Unicode's default-ignorable code points: variation
 * selectors, Hangul fillers, …), nor the blank Braille pattern.
 */
export const VISIBLE_CHARACTER = /[^\s\p{Cc}\p{Cf}\p{Z}\p{Default_Ignorable_Code_Point}\u2800]/u;

const nonEmptyText = (max: number) =>
  v.pipe(
    v.string(),
    v.regex(VISIBLE_CHARACTER, 'must not be blank'),
    v.maxLength(max, `must be at most ${max} characters`),
  );

/** Party ids end up in CSS custom property names (`--tally-party-<id>`), so they are kept ident-safe. */
const PartyId = v.pipe(
  v.string(),
  v.regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be 1-32 lower-case letters, digits, "_" or "-", starting with a letter'),
);

/** Area ids are stable codes (GSS/ONS codes where they exist). */
const AreaId = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'must be 1-64 letters, digits, "_", ".", ":" or "-"'),
);

/** A party id, or "noc" for no overall control. */
const ControlValue = v.pipe(v.string(), v.minLength(1, 'must not be empty'));

/** The rule `parseTimestamp` reads by (timestamp.ts), so every time a feed may carry can be shown. */
const Timestamp = v.pipe(v.string(), v.regex(TIMESTAMP_PATTERN, TIMESTAMP_MESSAGE));
const IsoDate = v.pipe(v.string(), v.isoDate('must be a date as YYYY-MM-DD'));

const Count = (max = MAX_SEATS) =>
  v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(0, 'must not be negative'),
    v.maxValue(max, `must be at most ${max}`),
  );
const Change = (max = MAX_SEATS) =>
  v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(-max, `must be at least -${max}`),
    v.maxValue(max, `must be at most ${max}`),
  );
const Percentage = v.pipe(
  v.number('must be a number'),
  v.minValue(0, 'must not be negative'),
  v.maxValue(100, 'must be at most 100'),
);
const PercentagePoints = v.pipe(
  v.number('must be a number'),
  v.minValue(-100, 'must be at least -100'),
  v.maxValue(100, 'must be at most 100'),
);

/** Per-language overrides of a display name ("Caerdydd" for Cardiff in `cy`). */
const Translations = v.record(
  v.pipe(v.string(), v.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a BCP 47 language tag')),
  v.looseObject({
    name: v.optional(nonEmptyText(200)),
    shortName: v.optional(nonEmptyText(60)),
  }),
);

export const BaselineSchema = v.looseObject({
  /** Shown with every change figure: "Change since 2014". */
  label: nonEmptyText(200),
  /** The election the changes are measured against. */
  election: v.optional(nonEmptyText(200)),
  /** True when the baseline is a notional result (boundary changes, new councils). */
  notional: v.optional(v.boolean()),
});

export const ElectionSchema = v.looseObject({
  id: nonEmptyText(100),
  title: nonEmptyText(300),
  date: IsoDate,
  kind: v.picklist(ELECTION_KINDS, `must be one of ${ELECTION_KINDS.join(', ')}`),
  /** What one area is: drives "130 of 150 councils". Defaults to "area". */
  areaType: v.optional(v.picklist(AREA_TYPES, `must be one of ${AREA_TYPES.join(', ')}`)),
  /** All seats being elected: the chamber size for a general election, all seats up for locals. */
  seats: v.optional(Count()),
  /** Seats needed for a majority of the chamber, when the election fills one chamber. */
  majority: v.optional(Count()),
  /** ISO 3166 country code, for defaults such as party colours. */
  country: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code'))),
});

export const MetaSchema = v.looseObject({
  election: ElectionSchema,
  /** Increases with every publication; a lower revision than the one on screen is ignored. */
  revision: Count(Number.MAX_SAFE_INTEGER),
  /** When this file was written. */
  generatedAt: Timestamp,
  /** When the results in it last changed (shown to readers as "Updated 02:41"). */
  dataChangedAt: Timestamp,
  /** Test data: every widget shows a TEST DATA watermark. */
  test: v.optional(v.boolean(), false),
  /** Suggested seconds between polls. */
  pollInterval: v.optional(
    v.pipe(
      v.number('must be a number'),
      v.minValue(1, 'must be at least 1 second'),
      v.maxValue(86_400, 'must be at most a day'),
    ),
  ),
  /** What changes are measured against. */
  baseline: v.optional(BaselineSchema),
  /** Who publishes the results, for attribution. */
  publisher: v.optional(v.looseObject({ name: nonEmptyText(200), url: v.optional(v.string()) })),
  /** Free text shown with the results, such as how a replayed night was ordered. */
  note: v.optional(nonEmptyText(1000)),
});

export const PartySchema = v.looseObject({
  id: PartyId,
  /** The name as used in sentences: "Conservatives gain Redditch". */
  name: nonEmptyText(200),
  /** The abbreviation used where space is short: "Con". */
  shortName: v.optional(nonEmptyText(60)),
  /** Brand colour as #rgb or #rrggbb. Anything else is ignored with a warning. */
  colour: v.optional(v.string()),
  /** Colour for dark backgrounds, same format. */
  colourDark: v.optional(v.string()),
  /** Other labels for this party in source data ("Lab Co-op"), for adapters and look-ups. */
  aliases: v.optional(v.array(nonEmptyText(200))),
  translations: v.optional(Translations),
});

export const PartyResultSchema = v.looseObject({
  party: PartyId,
  /** Seats won at this election (of the seats up). */
  seats: v.optional(Count()),
  /** Change in seats won against the baseline. */
  seatsChange: v.optional(Change()),
  votes: v.optional(Count(MAX_AREA_VOTES)),
  /** Share of the vote, in per cent. */
  share: v.optional(Percentage),
  /** Change in share, in percentage points. */
  shareChange: v.optional(PercentagePoints),
  /** Whole-council seats held after this election (composition). */
  seatsHeld: v.optional(Count()),
  /** Change in whole-council seats held. */
  seatsHeldChange: v.optional(Change()),
  /** Seats this party won unopposed (included in `seats`). */
  uncontested: v.optional(Count()),
  /** Candidate name, for single-seat contests. */
  candidate: v.optional(nonEmptyText(200)),
});

export const TransferSchema = v.looseObject({
  from: PartyId,
  to: PartyId,
  seats: v.pipe(Count(), v.minValue(1, 'must be at least 1')),
});

export const TieSchema = v.looseObject({
  /** The ward or seat that was tied. */
  seat: v.optional(nonEmptyText(200)),
  parties: v.pipe(v.array(PartyId), v.minLength(2, 'a tie needs at least two parties')),
  winner: PartyId,
  /** How the tie was decided. */
  method: v.optional(v.picklist(['lot', 'coin-toss', 'cards', 'other'] as const), 'lot'),
});

/** One candidate in a contest with named candidates (a constituency, a ward of one or several seats). */
export const CandidateSchema = v.looseObject({
  /** A stable id from the source (a Democracy Club person id), kept from one feed to the next. */
  id: v.optional(nonEmptyText(100)),
  name: nonEmptyText(200),
  /** The candidate's party, when it is one of the feed's parties. */
  party: v.optional(PartyId),
  /** The party label as the source gave it, for a label that matched no party or an independent. */
  partyName: v.optional(nonEmptyText(200)),
  votes: v.optional(Count(MAX_AREA_VOTES)),
  /** Share of the votes cast in this contest, in per cent. */
  share: v.optional(Percentage),
  /** Change in share, in percentage points. */
  shareChange: v.optional(PercentagePoints),
  /** Elected: several are in a multi-member ward. Never inferred from votes by a widget. */
  elected: v.optional(v.boolean('must be true or false')),
});

export const AreaSchema = v.looseObject({
  id: AreaId,
  name: nonEmptyText(200),
  shortName: v.optional(nonEmptyText(60)),
  region: v.optional(nonEmptyText(200)),
  /** The kind of council or constituency ("London borough", "County constituency"). */
  type: v.optional(nonEmptyText(100)),
  translations: v.optional(Translations),
  seats: v.optional(
    v.looseObject({
      /** Whole council or constituency size. */
      total: v.optional(Count()),
      /** Seats contested at this election (a third, a half or all). */
      up: v.optional(Count()),
      /** Seats needed for a majority of the whole council. */
      majority: v.optional(Count()),
    }),
  ),
  status: v.picklist(AREA_STATUSES, `must be one of ${AREA_STATUSES.join(', ')}`),
  declaredAt: v.optional(Timestamp),
  control: v.optional(
    v.looseObject({
      /** Party in control before the election, or "noc". */
      before: v.optional(ControlValue),
      /** Party in control after the election, or "noc". */
      after: v.optional(ControlValue),
      /** Largest party after; an array when parties tie for largest. */
      largestParty: v.optional(
        v.union([PartyId, v.pipe(v.array(PartyId), v.minLength(1, 'must list at least one party'))]),
      ),
    }),
  ),
  results: v.optional(v.array(PartyResultSchema)),
  /** Where seats moved: "two seats from Labour to Conservatives". */
  transfers: v.optional(v.array(TransferSchema)),
  /** Seats decided by lot after a tie. */
  ties: v.optional(v.array(TieSchema)),
  /** Winning party of a single-seat contest. */
  winner: v.optional(PartyId),
  /** Winning margin in votes, for single-seat contests. */
  majority: v.optional(Count(MAX_AREA_VOTES)),
  electorate: v.optional(Count(MAX_AREA_VOTES)),
  /** Turnout in per cent. */
  turnout: v.optional(Percentage),
  /** Baseline for this area when it differs from the feed's (a notional result after boundary changes). */
  baseline: v.optional(BaselineSchema),
  note: v.optional(nonEmptyText(1000)),
  /** A page with this area's full result. Only http(s) links are kept. */
  url: v.optional(v.string()),
  /** The area this one belongs to (a ward's council): another area of the feed. */
  parent: v.optional(AreaId),
  /** The candidates, in a contest with named candidates. */
  candidates: v.optional(v.array(CandidateSchema)),
  /** Rejected (spoilt) ballots. */
  rejected: v.optional(Count(MAX_AREA_VOTES)),
  /** When the result is expected, while it is awaited. */
  expectedAt: v.optional(Timestamp),
});

export const SummaryPartySchema = v.looseObject({
  /** A party id, or "noc" for the no overall control row. */
  party: ControlValue,
  councils: v.optional(Count()),
  councilsChange: v.optional(Change()),
  seats: v.optional(Count()),
  seatsChange: v.optional(Change()),
  votes: v.optional(Count(MAX_TOTAL_VOTES)),
  share: v.optional(Percentage),
  shareChange: v.optional(PercentagePoints),
});

export const SummarySchema = v.looseObject({
  /** Number of areas these totals cover ("after 130 of 150"). */
  declared: v.optional(Count()),
  /** Number of areas in the whole election. */
  total: v.optional(Count()),
  /** Who compiled these totals. */
  source: v.optional(v.looseObject({ name: nonEmptyText(200), url: v.optional(v.string()) })),
  /** When the publisher's baseline differs from `meta.baseline` (PA counts against the eve of poll). */
  baselineLabel: v.optional(nonEmptyText(200)),
  note: v.optional(nonEmptyText(1000)),
  parties: limitedList(SummaryPartySchema, FEED_LIMITS.parties + 1, 'rows'),
});

export const EventSchema = v.looseObject({
  /** Stable id: the same event in the next feed keeps it. */
  id: nonEmptyText(100),
  kind: v.picklist(EVENT_KINDS, `must be one of ${EVENT_KINDS.join(', ')}`),
  at: Timestamp,
  area: v.optional(AreaId),
  /** The party the event is about (the winner of a declaration). */
  party: v.optional(PartyId),
  /** Control before ("from"), a party id or "noc". */
  from: v.optional(ControlValue),
  /** Control after ("to"), a party id or "noc". */
  to: v.optional(ControlValue),
  /** The publisher's own sentence; used instead of a generated one. */
  text: v.optional(nonEmptyText(500)),
  /** The publisher's own sentence per language. */
  texts: v.optional(v.record(v.string(), nonEmptyText(500))),
  /** For corrections: the id of the event this one corrects. */
  corrects: v.optional(nonEmptyText(100)),
  url: v.optional(v.string()),
});

export const FeedSchema = v.looseObject({
  format: v.literal(FEED_FORMAT, `must be "${FEED_FORMAT}"`),
  meta: MetaSchema,
  parties: limitedList(PartySchema, FEED_LIMITS.parties, 'parties'),
  areas: limitedList(AreaSchema, FEED_LIMITS.areas, 'areas'),
  summary: v.optional(SummarySchema),
  events: v.optional(limitedList(EventSchema, FEED_LIMITS.events, 'events')),
});

export type Feed = v.InferOutput<typeof FeedSchema>;
export type FeedInput = v.InferInput<typeof FeedSchema>;
export type FeedMeta = Feed['meta'];
export type Election = FeedMeta['election'];
export type Baseline = v.InferOutput<typeof BaselineSchema>;
export type Party = v.InferOutput<typeof PartySchema>;
export type Area = v.InferOutput<typeof AreaSchema>;
export type PartyResult = v.InferOutput<typeof PartyResultSchema>;
export type Candidate = v.InferOutput<typeof CandidateSchema>;
export type Transfer = v.InferOutput<typeof TransferSchema>;
export type Tie = v.InferOutput<typeof TieSchema>;
export type Summary = v.InferOutput<typeof SummarySchema>;
export type SummaryParty = v.InferOutput<typeof SummaryPartySchema>;
export type FeedEvent = v.InferOutput<typeof EventSchema>;
export type AreaStatus = (typeof AREA_STATUSES)[number];
export type ElectionKind = (typeof ELECTION_KINDS)[number];
export type AreaType = (typeof AREA_TYPES)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
