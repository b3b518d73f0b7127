/**
 * Size budgets (gzip -9 bytes) from issue 11, checked on every `npm test` by
 * test/build/budget.test.ts and shown by `npm run bench`.
 *
 * `budget` is the target. Where the build is still over it, `ratchet` is the size measured when
 * the budget test was written or last lowered: the test fails above it, so the figure can only
 * go down. Lower it whenever a change makes the build smaller (the test prints the new figure);
 * raise it only in a commit that says what the bytes buy. Remove it once the budget is met.
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

export const BUDGETS = {
  tally: { label: 'dist/tally.js (all five widgets, feed source, loader)', budget: 30 * KB, ratchet: 95_650 },
  frameResizer: { label: 'dist/tally-frame.js (the host page resizer)', budget: 1 * KB },
  framePage: { label: 'iframe page, all its JavaScript', budget: 30 * KB, ratchet: 56_800 },
} as const satisfies Record<string, Budget>;

/** The limit the test enforces today: the ratchet while over budget, else the budget. */
export function enforcedLimit(budget: Budget): number {
  return budget.ratchet !== undefined ? Math.max(budget.budget, budget.ratchet) : budget.budget;
}
