/** Registers <tally-area-result> (guarded: a second copy or version on the page never throws). */
import '../shared/hydrate.js'; // first: before Lit's element class is evaluated
import { defineElement } from '../shared/define.js';
import { TallyAreaResult } from './area-result.js';

defineElement('tally-area-result', TallyAreaResult);

export { TallyAreaResult };
