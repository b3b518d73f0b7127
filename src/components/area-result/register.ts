/** Registers <tally-area-result> (guarded: a second copy or version on the page never throws). */
import { defineElement } from '../shared/define.js';
import { TallyAreaResult } from './area-result.js';

defineElement('tally-area-result', TallyAreaResult);

export { TallyAreaResult };
