/**
 * The kinds of source `tally convert` and `tally publish` take: the adapter (src/adapters), what
 * files a source of that kind is made of, and how to describe it in help.
 */
import { ADAPTER_KINDS, adapters, type Adapter, type AdapterKind } from '../adapters/index.js';
import { CliError, EXIT } from './context.js';
import type { SourceProfile } from './publish/sources.js';

export interface SourceKind {
  readonly kind: AdapterKind;
  /** One line for help. */
  readonly summary: string;
  readonly profile: SourceProfile;
  /** What `--watch` / the inputs name, for help: "a folder (the PA FTP mirror)". */
  readonly input: string;
}

export const SOURCE_KINDS: Readonly<Record<AdapterKind, SourceKind>> = {
  'hoc-csv': {
    kind: 'hoc-csv',
    summary: 'House of Commons Library results by constituency (CSV, after the night)',
    profile: { extensions: ['.csv'] },
    input: 'the CSV file',
  },
  'dc-results': {
    kind: 'dc-results',
    summary: 'Democracy Club results API (result_sets JSON; pages linked by "next" are followed)',
    profile: { extensions: ['.json'], followNext: true },
    input: 'the API URL, or saved JSON pages (files or a folder)',
  },
  'pa-local': {
    kind: 'pa-local',
    summary: 'PA Media local election XML (results and state of parties)',
    profile: { extensions: ['.xml'] },
    input: 'the folder the PA FTP account is mirrored into (its .timestamp signals new files)',
  },
  'pa-fptp': {
    kind: 'pa-fptp',
    summary: 'PA Media first-past-the-post XML (nominations, rushes, results, recounts, state of parties)',
    profile: { extensions: ['.xml'] },
    input: 'the folder the PA FTP account is mirrored into (its .timestamp signals new files)',
  },
  sheet: {
    kind: 'sheet',
    summary: "the newsroom's results spreadsheet, exported as CSV (template in templates/)",
    profile: { extensions: ['.csv'] },
    input: 'the exported CSV file (every save is picked up)',
  },
};

/** "  hoc-csv     House of Commons Library …" lines for help. */
export function kindsHelp(): string {
  const width = Math.max(...ADAPTER_KINDS.map((kind) => kind.length));
  return ADAPTER_KINDS.map((kind) => `  ${kind.padEnd(width)}  ${SOURCE_KINDS[kind].summary}`).join('\n');
}

/** The adapter and profile for a kind named on the command line. */
export function sourceKind(name: string): SourceKind & { readonly adapter: Adapter } {
  const kind = ADAPTER_KINDS.find((candidate) => candidate === name);
  if (!kind)
    throw new CliError(`unknown kind of source '${name}'`, EXIT.unreadable, `Use one of: ${ADAPTER_KINDS.join(', ')}.`);
  const adapter = (adapters as Partial<Record<AdapterKind, Adapter>>)[kind];
  if (!adapter)
    throw new CliError(
      `the ${kind} adapter is not in this version of Tally`,
      EXIT.unreadable,
      `Available: ${Object.keys(adapters).join(', ')}.`,
    );
  return { ...SOURCE_KINDS[kind], adapter };
}
