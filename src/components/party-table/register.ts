/** Registers <tally-party-table>. Side effect only; safe to load twice, or beside another version. */
import '../shared/hydrate.js'; // first: before Lit's element class is evaluated
import { defineElement } from '../shared/define.js';
import { TallyPartyTable } from './party-table.js';

defineElement('tally-party-table', TallyPartyTable);

export { TallyPartyTable };
