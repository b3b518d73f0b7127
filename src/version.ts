/**
 * The package's version, as in package.json (test/build/package.test.ts checks they agree).
 * At the root of src/, outside the layers, so that the elements' guarded registration, the
 * script-tag bundle and the `tally` command can all say it. The script-tag loader (src/tally.ts) spells it out again: it shares no module
 * with the widgets' chunks (test/build/package.test.ts checks the built dist/tally.js too).
 */
export const VERSION = '0.1.0';
