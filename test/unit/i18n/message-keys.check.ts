/**
 * Compiled by message-keys.test.ts (and by `npm run typecheck`): each `@ts-expect-error` marks a
 * mistake the types must catch. Not a test file itself; nothing here runs.
 */
import { translate, translator, type MessageKey, type Translation } from '../../../src/i18n/messages.js';
import type { TickerMessageKey } from '../../../src/components/ticker/messages.js';
import { tickerCy } from '../../../src/components/ticker/messages.cy.js';

const t = translator('cy');
export const fine: string[] = [
  translate('cy', 'status.recount'),
  t('ticker.title'),
  t('seatBar.title.seats', { title: 'x' }),
];

// A key no table has, named in the code:
// @ts-expect-error -- not a key: a typo of status.recount
export const unknown = translate('cy', 'status.recounting');
// @ts-expect-error -- not a key: a typo of ticker.title
export const unknownToo = t('ticker.titel');

// A key built in the code from something wider than the keys that exist:
declare const status: string;
// @ts-expect-error -- a key built from any string may be no key at all
export const built = translate('en-GB', `status.${status}`);

// A Welsh table missing a message of its English table:
const { 'ticker.title': _left, ...withoutTitle } = tickerCy;
// @ts-expect-error -- a Welsh table missing ticker.title
export const missing: Translation<TickerMessageKey> = withoutTitle;

// A Welsh table with a key English lacks:
export const extra: Translation<TickerMessageKey> = {
  ...tickerCy,
  // @ts-expect-error -- a key the English table lacks
  'ticker.notAKey': 'Dim',
};

export type Keys = MessageKey;
