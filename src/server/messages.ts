/**
 * The snapshots' and area pages' own strings, in British English and Welsh (everything else
 * comes from the widgets' tables).
 */
import { addMessages, type MessageTable, type Translation } from '../i18n/messages.js';
// On the server every built-in language is there from the start: nothing is fetched on first use.
import '../components/shared/welsh.js';

export const serverEnGB = {
  // Snapshot captions: "Results at 02:41 · 130 of 150 councils declared".
  'snapshot.resultsAt': 'Results at {time}',
  'snapshot.declared': '{declared} of {total} {areas} declared',
  'snapshot.noneDeclared': 'No results declared yet',
  'snapshot.allDeclared': { one: 'Declared', other: 'All {total} {areas} declared' },
  'snapshot.source': 'Source: {source}',
  'snapshot.areas': '{title}: who won each area',
  'snapshot.awaiting': 'Awaiting result',
  // Area pages: "Sheffield: local election results 2018".
  'page.title.local': '{area}: local election results {year}',
  'page.title.general': '{area}: general election results {year}',
  'page.title': '{area}: {election} results',
  'page.description': '{area}, {election}: {outcome}.',
  'page.descriptionAwaiting': '{area}, {election}: {status}.',
  'page.indexTitle': '{election}: results',
  'page.indexDescription': '{election}: results for every area, {progress}.',
  'page.allAreas': 'All areas',
  'page.liveNote': 'These results update as they are declared when JavaScript is on.',
} satisfies MessageTable;

/** The keys of the server's table: the Welsh table must translate each (a missing one is a type error). */
export type ServerMessageKey = keyof typeof serverEnGB;

declare module '../i18n/messages.js' {
  interface MessageKeyRegistry {
    server: ServerMessageKey;
  }
}

/** Welsh: on the server there is nothing to fetch, so it is added with the English. */
export const serverCy: Translation<ServerMessageKey> = {
  'snapshot.resultsAt': 'Canlyniadau am {time}',
  'snapshot.declared': '{declared} o {total} {areas} wedi datgan',
  'snapshot.noneDeclared': 'Dim canlyniadau eto',
  'snapshot.allDeclared': { other: 'Y {total} {areas} i gyd wedi datgan' },
  'snapshot.source': 'Ffynhonnell: {source}',
  'snapshot.areas': '{title}: pwy enillodd bob ardal',
  'snapshot.awaiting': 'Yn aros am ganlyniad',
  'page.title.local': '{area}: canlyniadau etholiad lleol {year}',
  'page.title.general': '{area}: canlyniadau etholiad cyffredinol {year}',
  'page.title': '{area}: canlyniadau {election}',
  'page.description': '{area}, {election}: {outcome}.',
  'page.descriptionAwaiting': '{area}, {election}: {status}.',
  'page.indexTitle': '{election}: canlyniadau',
  'page.indexDescription': '{election}: canlyniadau pob ardal, {progress}.',
  'page.allAreas': 'Pob ardal',
  'page.liveNote': 'Mae’r canlyniadau hyn yn diweddaru wrth iddynt gael eu datgan pan fydd JavaScript ymlaen.',
};

addMessages('en-GB', serverEnGB);
addMessages('cy', serverCy);
