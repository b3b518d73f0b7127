/**
 * Party labels in source data ("Con", "Lab Co-op", "SNP") to tally-feed party ids, names as
 * used in headlines and short names. Adapters look labels up here; a label nobody has listed
 * becomes a party of its own (`slugPartyId`), named by the label, rather than being dropped or
 * folded into "Others".
 */
import type { Party } from '../feed/schema.js';

export interface KnownParty {
  readonly id: string;
  /** The name as used in headlines: "Conservatives gain Redditch". */
  readonly name: string;
  readonly shortName: string;
  /** Labels for this party in source data. Matching ignores case, spaces, "-" and "_". */
  readonly labels: readonly string[];
}

/**
 * UK parties as labelled by the House of Commons Library, Democracy Club (the names on the
 * Electoral Commission's register: "Conservative and Unionist Party") and other UK sources.
 * Labour Co-operative members sit as Labour, so "Lab Coop" and "Labour and Co-operative Party"
 * are Labour. The order is the order parties are listed in a feed.
 */
export const UK_PARTIES: readonly KnownParty[] = [
  {
    id: 'con',
    name: 'Conservatives',
    shortName: 'Con',
    labels: ['Con', 'Conservative', 'Conservatives', 'Conservative Party', 'Conservative and Unionist Party'],
  },
  {
    id: 'lab',
    name: 'Labour',
    shortName: 'Lab',
    labels: [
      'Lab',
      'Labour',
      'Lab Coop',
      'Lab Co-op',
      'Labour Co-operative',
      'Labour Party',
      'Labour and Co-operative Party',
      'Labour and Co-operative',
    ],
  },
  {
    id: 'ld',
    name: 'Liberal Democrats',
    shortName: 'LD',
    labels: [
      'LD',
      'LDem',
      'Lib Dem',
      'Lib Dems',
      'Liberal Democrat',
      'Liberal Democrats',
      'Scottish Liberal Democrats',
      'Welsh Liberal Democrats',
    ],
  },
  { id: 'brx', name: 'Brexit Party', shortName: 'Brexit', labels: ['BRX', 'Brexit', 'Brexit Party'] },
  { id: 'reform', name: 'Reform UK', shortName: 'Reform', labels: ['RUK', 'Reform', 'Reform UK'] },
  {
    id: 'ukip',
    name: 'UKIP',
    shortName: 'UKIP',
    labels: ['UKIP', 'UK Independence Party', 'UK Independence Party (UKIP)'],
  },
  {
    id: 'green',
    name: 'Green',
    shortName: 'Grn',
    labels: [
      'Green',
      'Grn',
      'Green Party',
      'Green Party of England and Wales',
      'Scottish Green Party',
      'Scottish Greens',
    ],
  },
  {
    id: 'snp',
    name: 'SNP',
    shortName: 'SNP',
    labels: ['SNP', 'Scottish National Party', 'Scottish National Party (SNP)'],
  },
  {
    id: 'pc',
    name: 'Plaid Cymru',
    shortName: 'PC',
    labels: ['PC', 'Plaid', 'Plaid Cymru', 'Plaid Cymru - The Party of Wales'],
  },
  {
    id: 'dup',
    name: 'DUP',
    shortName: 'DUP',
    labels: ['DUP', 'Democratic Unionist Party', 'Democratic Unionist Party - D.U.P.'],
  },
  { id: 'sf', name: 'Sinn Féin', shortName: 'SF', labels: ['SF', 'Sinn Fein', 'Sinn Féin'] },
  {
    id: 'sdlp',
    name: 'SDLP',
    shortName: 'SDLP',
    labels: ['SDLP', 'SDLP (Social Democratic & Labour Party)', 'Social Democratic and Labour Party'],
  },
  { id: 'uup', name: 'UUP', shortName: 'UUP', labels: ['UUP', 'Ulster Unionist Party', 'Ulster Unionist Party (UUP)'] },
  {
    id: 'apni',
    name: 'Alliance',
    shortName: 'Alliance',
    labels: [
      'APNI',
      'Alliance',
      'Alliance Party',
      'Alliance - Alliance Party of Northern Ireland',
      'Alliance Party of Northern Ireland',
    ],
  },
  { id: 'spk', name: 'Speaker', shortName: 'Speaker', labels: ['Spk', 'Speaker', 'Speaker seeking re-election'] },
  { id: 'ind', name: 'Independent', shortName: 'Ind', labels: ['Ind', 'Independent'] },
  { id: 'lib', name: 'Liberal Party', shortName: 'Lib', labels: ['Lib', 'Liberal', 'Liberal Party'] },
  {
    id: 'res',
    name: 'Ratepayers and Residents',
    shortName: 'Res',
    labels: ['Res', 'Residents', 'Ratepayers and Residents'],
  },
  { id: 'oth', name: 'Others', shortName: 'Oth', labels: ['Oth', 'Other', 'Others', 'All other candidates'] },
];

/** The party id for candidates not shown separately. */
export const OTHERS_PARTY_ID = 'oth';

/** Label normalised for matching: lower case, without spaces, "-", "_" or ".". */
export function normaliseLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_.-]+/g, '');
}

/** Lower-case ASCII words joined by "-": "Sinn Féin" → "sinn-fein". */
export function slugWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * An ident-safe party id from a label nobody has listed: "Yorkshire Party" → "yorkshire-party".
 * Ids that would start with a digit, be empty, or collide with "noc" get a "p-" prefix.
 */
export function slugPartyId(label: string): string {
  let slug = slugWords(label);
  if (!/^[a-z]/.test(slug) || slug === 'noc') slug = `p-${slug}`.replace(/-+$/, '');
  return slug.slice(0, 32).replace(/-+$/, '');
}

/** Looks up labels in a table of known parties, remembering which parties were used. */
export class PartyDirectory {
  private readonly byLabel = new Map<string, KnownParty>();
  private readonly known: readonly KnownParty[];
  private readonly unknown = new Map<string, KnownParty>();
  private readonly used = new Set<string>();
  private readonly seenLabels = new Map<string, Set<string>>();

  constructor(known: readonly KnownParty[] = UK_PARTIES) {
    this.known = known;
    for (const party of known) {
      for (const label of [party.id, party.name, party.shortName, ...party.labels]) {
        const key = normaliseLabel(label);
        if (!this.byLabel.has(key)) this.byLabel.set(key, party);
      }
    }
  }

  /** The party for a label, creating an unlisted party named by the label when needed. */
  resolve(label: string): KnownParty {
    const trimmed = label.trim();
    if (trimmed === '') throw new RangeError('a party label is blank');
    const key = normaliseLabel(trimmed);
    let party = this.byLabel.get(key) ?? this.unknown.get(key);
    if (!party) {
      let id = slugPartyId(trimmed);
      const taken = new Set([...this.known.map((p) => p.id), ...[...this.unknown.values()].map((p) => p.id)]);
      for (let n = 2; taken.has(id); n += 1) id = `${slugPartyId(trimmed).slice(0, 28)}-${n}`;
      party = { id, name: trimmed, shortName: trimmed.slice(0, 60), labels: [trimmed] };
      this.unknown.set(key, party);
    }
    return party;
  }

  /** The party a label names, if the table (or an unlisted label already seen) knows it; never creates one. */
  match(label: string): KnownParty | undefined {
    const key = normaliseLabel(label.trim());
    return key === '' ? undefined : (this.byLabel.get(key) ?? this.unknown.get(key));
  }

  /** Resolve a label and record that the feed uses this party (and this label). */
  use(label: string): KnownParty {
    const party = this.resolve(label);
    this.used.add(party.id);
    let labels = this.seenLabels.get(party.id);
    if (!labels) this.seenLabels.set(party.id, (labels = new Set()));
    labels.add(label.trim());
    return party;
  }

  /** Mark a party id (from the table) as used without a label, such as "oth". */
  useId(id: string): KnownParty {
    const party = this.known.find((p) => p.id === id) ?? [...this.unknown.values()].find((p) => p.id === id);
    if (!party) throw new RangeError(`unknown party id '${id}'`);
    this.used.add(id);
    return party;
  }

  /**
   * The feed's parties: every party used, known parties in table order (Others last), then
   * unlisted ones in order of first appearance. Aliases are the labels seen in the source.
   */
  parties(): Party[] {
    const ordered = [
      ...this.known.filter((party) => party.id !== OTHERS_PARTY_ID),
      ...this.unknown.values(),
      ...this.known.filter((party) => party.id === OTHERS_PARTY_ID),
    ];
    return ordered
      .filter((party) => this.used.has(party.id))
      .map((party) => {
        const aliases = [...(this.seenLabels.get(party.id) ?? [])];
        return {
          id: party.id,
          name: party.name,
          shortName: party.shortName,
          ...(aliases.length > 0 ? { aliases } : {}),
        };
      });
  }
}

/** A party as an election config lists it (src/adapters/config.ts). */
export interface ListedParty {
  readonly id: string;
  readonly name: string;
  readonly shortName?: string | undefined;
  readonly aliases?: readonly string[] | undefined;
}

/**
 * The table of known parties for a conversion: the config's parties first, then the built-in
 * ones. A config party with a built-in id replaces that party's name and short name and adds its
 * aliases to the built-in labels ("lab" stays "Labour and Co-operative Party" as well as any
 * alias the config adds); a new id adds a party.
 */
export function knownPartiesWith(
  listed: readonly ListedParty[],
  builtIn: readonly KnownParty[] = UK_PARTIES,
): KnownParty[] {
  const ids = new Set(listed.map((party) => party.id));
  const own = listed.map((party): KnownParty => {
    const base = builtIn.find((known) => known.id === party.id);
    return {
      id: party.id,
      name: party.name,
      shortName: party.shortName ?? base?.shortName ?? party.name.slice(0, 60),
      labels: [...(party.aliases ?? []), ...(base ? [base.name, ...base.labels] : [])],
    };
  });
  return [...own, ...builtIn.filter((party) => !ids.has(party.id))];
}
