/**
 * Welsh for the iframe page: every key of its British English table (./messages.ts), no other (checked
 * by the type). Fetched when the iframe page is in Welsh (`addLocaleLoader` in ./messages.ts). A native speaker's review is welcome.
 */
import { addMessages, type Translation } from '../i18n/messages.js';
import type { EmbedMessageKey } from './messages.js';

export const embedCy: Translation<EmbedMessageKey> = {
  'embed.reason.unknownWidget': 'nid oes teclyn o’r enw “{widget}”',
  'embed.reason.noFeed': 'ni roddwyd ffrwd canlyniadau',
  'embed.reason.notUrl': 'nid yw “{src}” yn gyfeiriad gwe',
  'embed.reason.protocol': 'ni chaniateir ffrydiau {protocol}',
  'embed.reason.origin':
    'ni chaniateir ffrydiau o {origin} ar y dudalen hon. I’w caniatáu, ychwanegwch {origin} at darddleoedd ffrydiau embed.html: TALLY_FEED_ORIGINS wrth adeiladu Tally, neu ei dag meta tally-feed-origins wrth ei osod',
  'embed.reason.duplicate': 'rhoddir y gosodiad “{name}” fwy nag unwaith',
  'embed.title': '{title}: canlyniadau’r etholiad',
};

addMessages('cy', embedCy);
