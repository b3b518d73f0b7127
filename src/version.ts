/**
 * The package's version, as in package.json (test/build/package.test.ts checks they agree).
 * At the root of src/, outside the layers, so that the elements' guarded registration, the
 * script-tag bundle and the `tally` command can all say it.
 */
export const VERSION = '0.1.0';
