/**
 * Welsh, all of it: the shared table and each element's, added to the message store when a widget
 * first speaks Welsh (`LOCALE_TABLES` in ../../message-store.ts fetches this module). Written for
 * the UK case by the Tally team; a native speaker's review is welcome.
 */
import { addMessages } from '../../message-store.js';
import { cy } from './shared.js';
import { seatBarCy } from './seat-bar.js';
import { partyTableCy } from './party-table.js';
import { councilListCy } from './council-list.js';
import { tickerCy } from './ticker.js';
import { embedCy } from './embed.js';

addMessages('cy', { ...cy, ...seatBarCy, ...partyTableCy, ...councilListCy, ...tickerCy, ...embedCy });
