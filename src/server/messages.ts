/**
 * The snapshots' and area pages' own strings, in British English and Welsh (everything else
 * comes from the widgets' tables).
 */
import { addMessages, type MessageTable } from '../i18n/messages.js';

export const serverEnGB: MessageTable = {
  // Snapshot captions: "Results at 02:41 · 130 of 150 councils declared".
  'snapshot.resultsAt': 'Results at {time}',
  'snapshot.declared': '{declared} of {total} {areas} declared',
  'snapshot.noneDeclared': 'No results declared yet',
  'snapshot.allDeclared': { one: 'Declared', other: 'All {total} {areas} declared' },
  'snapshot.source': 'Source: {source}',
  'snapshot.areas': '{title}: who won each area',
  'snapshot.awaiting': 'Awaiting result',
};

export const serverCy: MessageTable = {
  'snapshot.resultsAt': 'Canlyniadau am {time}',
  'snapshot.declared': '{declared} o {total} {areas} wedi datgan',
  'snapshot.noneDeclared': 'Dim canlyniadau eto',
  'snapshot.allDeclared': { other: 'Y {total} {areas} i gyd wedi datgan' },
  'snapshot.source': 'Ffynhonnell: {source}',
  'snapshot.areas': '{title}: pwy enillodd bob ardal',
  'snapshot.awaiting': 'Yn aros am ganlyniad',
};

addMessages('en-GB', serverEnGB);
addMessages('cy', serverCy);
