/**
 * Node tests (Vitest), in two projects run by test/run.mjs:
 *
 * - `unit`: pure code (feed contract, derivations, adapters, i18n, theme, the CLI's parts, the
 *   demo server), fast; it builds nothing and runs no generator (`npm run test:unit`).
 * - `build`: checks of what the build makes: the size budgets, d3's tree-shaking, the npm
 *   package, the custom-elements manifest, `tally publish` from dist/ (`npm run test:build`).
 *   They build dist/ first when it is stale (test/ensure-build.mjs) or build in memory.
 *
 * Browser tests live under test/browser/ and run in Web Test Runner instead.
 *
 *   npx vitest run --project unit test/unit/feed   # one project, one folder
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    // Two cores: threads start faster than forks and the tests hold no global state.
    pool: 'threads',
    // How long a test may take before it counts as hung: room for a slow, loaded machine.
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'build', include: ['test/build/**/*.test.ts'] } },
    ],
  },
});
