/**
 * Browser tests: Web Test Runner, Mocha, in the system Chromium (headless, never downloaded).
 *
 *   npm run test:browser                          # through test/run.mjs, with the summary line
 *   npx wtr                                       # directly
 *   npx wtr --files test/browser/harness.test.ts  # one file
 *
 * Environment: CHROME_PATH (browser), TALLY_WTR_CONCURRENCY (pages at once, default 2),
 * TALLY_BROWSER_FILES (globs, comma-separated, instead of every test/browser/**\/*.test.ts),
 * TALLY_WTR_SUMMARY (a file the summary reporter writes test counts to; set by test/run.mjs),
 * TALLY_SOAK_UPDATES (updates in the soak test, 200 unless set: `npm run test:soak` runs 1,000).
 * Running the embed tests builds dist/ first when it is stale (test/ensure-build.mjs).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { CHROMIUM_ARGS, findChromium, missingChromiumMessage } from './test/chromium.mjs';
import { feedServerPlugin } from './test/browser/helpers/feed-server-plugin.mjs';
import { fixtureServerPlugin } from './test/browser/fixtures/fixture-server-plugin.mjs';
import { ensureBuild } from './test/ensure-build.mjs';
import { pageProbePlugin } from './test/browser/helpers/page-probe-plugin.mjs';
import { mediaPlugin } from './test/browser/helpers/media-plugin.mjs';
import { templatesPlugin } from './test/browser/helpers/templates-plugin.mjs';
import { ssrPagePlugin } from './test/browser/helpers/ssr-page-plugin.mjs';

const executablePath = findChromium();
if (!executablePath) throw new Error(missingChromiumMessage());

const files = process.env.TALLY_BROWSER_FILES
  ? process.env.TALLY_BROWSER_FILES.split(',')
      .map((glob) => glob.trim())
      .filter(Boolean)
  : ['test/browser/**/*.test.ts'];

// The embed tests load the built files (dist/tally.js, embed.html, …): build them first when
// dist/ is missing or was built from other sources. Only when those tests may run (`--files` on
// the command line wins over the list above), so running one element's tests builds nothing.
function filesFromCommandLine() {
  const at = process.argv.indexOf('--files');
  if (at < 0) return undefined;
  const globs = [];
  for (const arg of process.argv.slice(at + 1)) {
    if (arg.startsWith('--')) break;
    globs.push(arg);
  }
  return globs;
}
if ((filesFromCommandLine() ?? files).some((glob) => glob.includes('*') || glob.includes('embed'))) ensureBuild();

/**
 * Counts every test in every session and writes them as JSON for test/run.mjs. A session that
 * failed outside a test (an import error, an uncaught error, a browser crash, a timeout) counts
 * as one failure, so a broken file is never reported as "0 passed, 0 failed".
 */
function summaryReporter(outFile) {
  return {
    onTestRunFinished({ sessions }) {
      const summary = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0, files: 0 };
      const walk = (suite) => {
        for (const test of suite?.tests ?? []) {
          if (test.skipped) summary.skipped += 1;
          else if (test.passed) summary.passed += 1;
          else summary.failed += 1;
        }
        for (const child of suite?.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        summary.files += 1;
        const failedBefore = summary.failed;
        walk(session.testResults);
        const brokeOutsideTests =
          session.errors.length > 0 ||
          session.status !== 'FINISHED' ||
          (session.passed === false && summary.failed === failedBefore);
        if (brokeOutsideTests) {
          summary.failed += 1;
          summary.sessionErrors += 1;
        }
      }
      writeFileSync(outFile, JSON.stringify(summary));
    },
  };
}

/** Updates in the soak test (test/browser/hardening-soak.test.ts); a number, or the test's own. */
const soakUpdates = /^\d+$/.test(process.env.TALLY_SOAK_UPDATES ?? '')
  ? Number(process.env.TALLY_SOAK_UPDATES)
  : undefined;

/** The page each test file runs in: axe-core as a classic script first, for `to.be.accessible()`. */
const testRunnerHtml = (testFramework) => `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Tally browser test</title>
  </head>
  <body>${soakUpdates ? `\n    <script>globalThis.tallySoakUpdates = ${soakUpdates};</script>` : ''}
    <script src="/node_modules/axe-core/axe.min.js"></script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`;

export default {
  files,
  nodeResolve: true,
  concurrency: Number(process.env.TALLY_WTR_CONCURRENCY ?? 2),
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  // A long soak (npm run test:soak) takes minutes in one file.
  testsFinishTimeout: soakUpdates ? 180_000 + soakUpdates * 200 : 180_000,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
      // One window per page: tabs sharing a window are hidden behind the active one, and a
      // hidden page pauses feed polling (on purpose) and gets its timers throttled.
      createPage: ({ context }) => context.newPage({ type: 'window' }),
    }),
  ],
  plugins: [
    // Before esbuild: it reads the TypeScript source.
    templatesPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    feedServerPlugin(),
    fixtureServerPlugin(),
    ssrPagePlugin(),
    pageProbePlugin(),
    mediaPlugin(),
  ],
  testFramework: {
    // How long a test may take before it counts as hung: generous, since a test must pass on a
    // slow, loaded machine (what is fast enough is the benchmark's question, not a test's).
    config: { ui: 'bdd', timeout: 30_000 },
  },
  testRunnerHtml,
  // Lit's development build announces itself in every file; its real warnings still come through.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  reporters: [
    defaultReporter(),
    ...(process.env.TALLY_WTR_SUMMARY ? [summaryReporter(process.env.TALLY_WTR_SUMMARY)] : []),
  ],
};
