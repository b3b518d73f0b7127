/**
 * Size budgets (gzip -9 bytes) from issues 11 and 20, checked on every `npm test` by
 * test/build/budget.test.ts and shown by `npm run bench`. Each is what a page fetches (see
 * bench/sizes.ts for how a page is measured from the build's import graph).
 *
 * `budget` is the target. Where the build is still over it, `ratchet` is the size measured when
 * the budget test was written or last lowered, plus a little: the test fails above it, so the
 * figure can only go down. Lower it whenever a change makes the build smaller (the test prints
 * the new figure); raise it only in a commit that says what the bytes buy. Remove it once the
 * budget is met.
 *
 * A new element needs a `page:` and a `frame:` line here (the test says so when one is missing).
 */
export interface Budget {
  /** What is measured. */
  readonly label: string;
  /** The target, in gzip bytes. */
  readonly budget: number;
  /** While over budget: the most it may weigh now, in gzip bytes. */
  readonly ratchet?: number;
}

const KB = 1024;

export const BUDGETS: Readonly<Record<string, Budget>> = {
  loader: { label: 'dist/tally.js, the loader: a page with no widget', budget: 4 * KB },
  'page:seat-bar': {
    label: 'a page with one <tally-seat-bar>: loader + shared + its chunk',
    budget: 30 * KB,
    ratchet: 54_200,
  },
  'page:party-table': { label: 'a page with one <tally-party-table>', budget: 30 * KB, ratchet: 47_000 },
  'page:council-list': { label: 'a page with one <tally-council-list>', budget: 30 * KB, ratchet: 54_900 },
  'page:ticker': { label: 'a page with one <tally-ticker>', budget: 30 * KB, ratchet: 47_100 },
  'page:area-result': { label: 'a page with one <tally-area-result>', budget: 30 * KB, ratchet: 51_400 },
  'page:all': { label: 'a page with all five widgets', budget: 65 * KB, ratchet: 100_600 },
  welsh: { label: 'Welsh, fetched only for a widget in Welsh (every element’s messages)', budget: 5 * KB },
  'frame:seat-bar': { label: 'the iframe page for a seat bar, all its JavaScript', budget: 30 * KB, ratchet: 56_300 },
  'frame:party-table': { label: 'the iframe page for a party table', budget: 30 * KB, ratchet: 49_200 },
  'frame:council-list': { label: 'the iframe page for a council list', budget: 30 * KB, ratchet: 57_100 },
  'frame:ticker': { label: 'the iframe page for a ticker', budget: 30 * KB, ratchet: 49_200 },
  'frame:area-result': { label: 'the iframe page for an area result card', budget: 30 * KB, ratchet: 53_600 },
  classic: {
    label: 'dist/tally.classic.js: every widget and Welsh in one classic script',
    budget: 65 * KB,
    ratchet: 101_700,
  },
  frameResizer: { label: 'dist/tally-frame.js (the host page resizer)', budget: 1 * KB },
};

/** The limit the test enforces today: the ratchet while over budget, else the budget. */
export function enforcedLimit(budget: Budget): number {
  return budget.ratchet !== undefined ? Math.max(budget.budget, budget.ratchet) : budget.budget;
}
