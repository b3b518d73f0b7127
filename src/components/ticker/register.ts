/** Registers `<tally-ticker>`. Side effect only; safe to load twice (a second copy or version is ignored). */
import '../shared/hydrate.js'; // first: before Lit's element class is evaluated
import { defineElement } from '../shared/define.js';
import { TallyTicker } from './ticker.js';

defineElement('tally-ticker', TallyTicker);

export { TallyTicker };
