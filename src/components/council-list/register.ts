/** Registers <tally-council-list> (guarded: a second copy or version on the page never throws). */
import '../shared/hydrate.js'; // first: before Lit's element class is evaluated
import { defineElement } from '../shared/define.js';
import { TallyCouncilList } from './council-list.js';

defineElement('tally-council-list', TallyCouncilList);

export { TallyCouncilList };
