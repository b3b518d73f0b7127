/** Registers <tally-seat-bar>. Safe to load twice, or beside another version. */
import '../shared/hydrate.js'; // first: before Lit's element class is evaluated
import { defineElement } from '../shared/define.js';
import { TallySeatBar } from './seat-bar.js';

defineElement('tally-seat-bar', TallySeatBar);

export { TallySeatBar };
