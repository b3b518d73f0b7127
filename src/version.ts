/**
 * Tally's version, for the script-tag loader (src/tally.ts) and the CLI. The widgets' copy is in
 * src/components/shared/define.ts: the loader shares no module with the chunks it fetches, so that
 * none is loaded twice. test/unit/embed/package.test.ts checks both against package.json.
 */
export const VERSION = '0.1.0';
