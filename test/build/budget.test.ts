/**
 * Size budgets (issue 11): the production builds are made in memory from the current sources
 * and weighed with gzip -9. The figures are printed on every run. Budgets not met yet are held
 * by a ratchet (bench/budgets.ts) so they can only go down; the gap is printed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, enforcedLimit, type Budget } from '../../bench/budgets';
import { kb, measureBundles, type BundleSizes, type Size } from '../../bench/sizes';

let sizes: BundleSizes;

beforeAll(async () => {
  sizes = await measureBundles();
  const lines = (Object.keys(BUDGETS) as (keyof typeof BUDGETS)[]).map((key) => line(BUDGETS[key], sizes[key]));
  const perWidget = Object.entries(sizes.framePage.perWidget)
    .map(([widget, size]) => `${widget} ${kb(size.gzip)}`)
    .join(', ');
  console.log(['Size budgets (gzip -9):', ...lines, `  iframe page per widget: ${perWidget}`].join('\n'));
}, 60_000);

function line(budget: Budget, size: Size): string {
  const figures = `${kb(size.gzip).padStart(9)} gzip (${kb(size.bytes)} minified)`;
  if (size.gzip <= budget.budget) return `  ok    ${budget.label}: ${figures}, budget ${kb(budget.budget)}`;
  return `  OVER  ${budget.label}: ${figures}, budget ${kb(budget.budget)}: ${kb(size.gzip - budget.budget)} OVER BUDGET (ratchet ${kb(enforcedLimit(budget))})`;
}

describe('size budgets', () => {
  it('dist/tally.js stays within its budget, or under its ratchet while over it', () => {
    expect(sizes.tally.gzip).toBeLessThanOrEqual(enforcedLimit(BUDGETS.tally));
  });

  it('dist/tally-frame.js is at most 1 KB gzip', () => {
    expect(sizes.frameResizer.gzip).toBeLessThanOrEqual(enforcedLimit(BUDGETS.frameResizer));
  });

  it("the iframe page's JavaScript stays within its budget, or under its ratchet while over it", () => {
    expect(sizes.framePage.gzip).toBeLessThanOrEqual(enforcedLimit(BUDGETS.framePage));
  });

  it('keeps a ratchet only while the budget is not met', () => {
    for (const key of Object.keys(BUDGETS) as (keyof typeof BUDGETS)[]) {
      const budget: Budget = BUDGETS[key];
      if (budget.ratchet === undefined) continue;
      expect(sizes[key].gzip, `${budget.label} is within budget: remove its ratchet in bench/budgets.ts`).toBeGreaterThan(budget.budget);
    }
  });

  it('measures real builds (a broken build cannot pass as a small one)', () => {
    // The resizer is a few hundred bytes of real code; every widget bundle is far above that.
    expect(sizes.frameResizer.bytes).toBeGreaterThan(200);
    expect(sizes.tally.bytes).toBeGreaterThan(20 * 1024);
    expect(sizes.framePage.bytes).toBeGreaterThan(20 * 1024);
  });
});
