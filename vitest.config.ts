/**
 * Unit tests: Vitest in Node. Pure code (feed contract, derivations, i18n, theme) and the demo
 * server; browser tests live under test/browser/ and run in Web Test Runner instead.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/unit/**/*.test.ts'],
    // Two cores: threads start faster than forks and the tests hold no global state.
    pool: 'threads',
    // How long a test may take before it counts as hung: room for a slow, loaded machine.
    testTimeout: 30_000,
  },
});
