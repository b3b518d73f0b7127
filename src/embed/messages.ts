/**
 * The iframe page's own strings, in British English and Welsh: its title, and why a widget cannot be shown.
 * They complete the shared `embed.refused` sentence ("This results widget cannot be shown:
 * {reason}."). The console gets the same reason in English, with the details a developer needs.
 */
import { addMessages } from '../i18n/messages.js';

addMessages('en-GB', {
  'embed.reason.unknownWidget': 'there is no widget called “{widget}”',
  'embed.reason.noFeed': 'no results feed was given',
  'embed.reason.notUrl': '“{src}” is not a web address',
  'embed.reason.protocol': '{protocol} feeds are not allowed',
  // A producer sees this while setting the embed up: it says what to change, and where.
  'embed.reason.origin':
    'feeds from {origin} are not allowed on this page. To allow them, add {origin} to the feed origins of embed.html: TALLY_FEED_ORIGINS when building Tally, or its tally-feed-origins meta tag when deploying',
  'embed.reason.duplicate': 'the setting “{name}” is given more than once',
  'embed.title': '{title}: election results',
});

addMessages('cy', {
  'embed.reason.unknownWidget': 'nid oes teclyn o’r enw “{widget}”',
  'embed.reason.noFeed': 'ni roddwyd ffrwd canlyniadau',
  'embed.reason.notUrl': 'nid yw “{src}” yn gyfeiriad gwe',
  'embed.reason.protocol': 'ni chaniateir ffrydiau {protocol}',
  'embed.reason.origin':
    'ni chaniateir ffrydiau o {origin} ar y dudalen hon. I’w caniatáu, ychwanegwch {origin} at darddleoedd ffrydiau embed.html: TALLY_FEED_ORIGINS wrth adeiladu Tally, neu ei dag meta tally-feed-origins wrth ei osod',
  'embed.reason.duplicate': 'rhoddir y gosodiad “{name}” fwy nag unwaith',
  'embed.title': '{title}: canlyniadau’r etholiad',
});
