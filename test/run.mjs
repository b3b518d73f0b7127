#!/usr/bin/env node
/**
 * `npm test`: unit tests (Vitest, Node) and browser tests (Web Test Runner, system Chromium),
 * one after the other, each run even when the other fails. The last line of output is always
 * `N passed, N failed` over both, except when Chromium is missing and cannot be installed.
 *
 *   npm test                                 # everything
 *   npm test -- --unit-only                  # Vitest only
 *   npm test -- --browser-only               # Web Test Runner only
 *   npm test -- harness state-of-parties     # only test files whose path contains a filter
 *   npm run test:soak                        # the long soak alone: 1,000 updates (npm test runs 200)
 *
 * Plain Node with no dependencies, so it can install them: without node_modules it runs
 * `npm ci` (or `npm install` without a lockfile). A runner that crashes, times out or reports
 * nothing counts as a failure, never as "0 passed".
 *
 * Environment: CHROME_PATH, RUNNER_TIMEOUT_MINUTES (per runner, default 10),
 * TALLY_WTR_CONCURRENCY (browser pages at once, default 2), TALLY_SOAK_UPDATES (updates in the
 * soak test; `--soak` sets 1,000).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const USAGE = 'Usage: node test/run.mjs [--unit-only | --browser-only | --soak] [path filter ...]';
/** The long soak (`--soak`): a whole night of updates, against 200 in `npm test`. */
const SOAK_UPDATES = 1_000;

function parseArgs(argv) {
  const options = { unit: true, browser: true, filters: [], soak: false };
  for (const arg of argv) {
    if (arg === '--soak') {
      options.soak = true;
      options.unit = false;
      options.filters.push('test/browser/hardening-soak.test.ts');
    } else if (arg === '--unit-only') options.browser = false;
    else if (arg === '--browser-only') options.unit = false;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('-')) {
      console.error(`Unknown option ${arg}. ${USAGE}`);
      process.exit(2);
    } else options.filters.push(arg.replace(/^\.\//, ''));
  }
  if (!options.unit && !options.browser) {
    console.error(`--unit-only and --browser-only exclude each other. ${USAGE}`);
    process.exit(2);
  }
  return options;
}

function testFilesUnder(dir) {
  const absolute = join(ROOT, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true })
    .map((name) => relative(ROOT, join(absolute, String(name))).split(sep).join('/'))
    .filter((path) => path.endsWith('.test.ts') && !path.split('/').includes('node_modules'))
    .sort();
}

function ensureDependencies() {
  if (existsSync(join(ROOT, 'node_modules', 'vitest')) && existsSync(join(ROOT, 'node_modules', '@web', 'test-runner'))) return true;
  const command = existsSync(join(ROOT, 'package-lock.json')) ? ['ci'] : ['install'];
  console.log(`Dependencies are missing: running npm ${command.join(' ')}.`);
  const result = spawnSync('npm', command, { cwd: ROOT, stdio: 'inherit' });
  return result.status === 0;
}

let active;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (active) killGroup(active, 'SIGTERM');
    process.exit(130);
  });
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Run a command in its own process group, streaming its output; resolve its exit code (null on timeout). */
function run(label, args, env) {
  const timeoutMinutes = Number(process.env.RUNNER_TIMEOUT_MINUTES ?? 10);
  console.log(`\n── ${label} ──\n`);
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit', detached: true });
    active = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n${label} did not finish within ${timeoutMinutes} minutes: stopping it.`);
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), 5_000).unref();
    }, timeoutMinutes * 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      console.error(`${label} could not start: ${error.message}`);
      resolveRun({ code: null, timedOut });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      active = undefined;
      // The test runners can leave a browser or worker behind on a crash; the group goes with them.
      killGroup(child, 'SIGKILL');
      resolveRun({ code: signal ? null : code, timedOut });
    });
  });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Counts from Vitest's JSON report; a file that failed to load counts as one failure. */
function vitestCounts(report) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of report.testResults ?? []) {
    let failedHere = 0;
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'passed') passed += 1;
      else if (test.status === 'failed') failedHere += 1;
      else skipped += 1;
    }
    if (file.status === 'failed' && failedHere === 0) failedHere = 1;
    failed += failedHere;
  }
  return { passed, failed, skipped };
}

/** Turn a runner's exit and report into counts, treating anything unexplained as a failure. */
function settle(label, { code, timedOut }, counts) {
  const notes = [];
  if (!counts) {
    counts = { passed: 0, failed: 1, skipped: 0 };
    notes.push(timedOut ? 'timed out before reporting' : 'crashed before reporting results (counted as 1 failed)');
  } else if (code !== 0 && counts.failed === 0) {
    counts = { ...counts, failed: 1 };
    notes.push(timedOut ? 'timed out (counted as 1 failed)' : `exited with ${code ?? 'a signal'} although no test failed (counted as 1 failed)`);
  }
  const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
  console.log(`\n${label}: ${counts.passed} passed, ${counts.failed} failed${skipped}${notes.length ? ` — ${notes.join('; ')}` : ''}`);
  return counts;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!ensureDependencies()) {
    console.log('Could not install dependencies (see npm output above).');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }

  // With filters, a runner runs only when some of its files match.
  let unitFilters = [];
  let browserFiles = [];
  if (options.filters.length > 0) {
    const matching = (files) => files.filter((file) => options.filters.some((filter) => file.includes(filter)));
    unitFilters = options.unit ? options.filters.filter((filter) => testFilesUnder('test/unit').some((file) => file.includes(filter))) : [];
    browserFiles = options.browser ? matching(testFilesUnder('test/browser')) : [];
    options.unit = unitFilters.length > 0;
    options.browser = browserFiles.length > 0;
    if (!options.unit && !options.browser) {
      console.log(`No test file path contains ${options.filters.map((filter) => JSON.stringify(filter)).join(' or ')}.`);
      console.log('0 passed, 1 failed');
      process.exit(1);
    }
  }

  let chromium;
  if (options.browser) {
    chromium = ensureChromium();
    if (!chromium) process.exit(1); // ensureChromium printed the one sentence saying what to install
  }

  const scratch = mkdtempSync(join(tmpdir(), 'tally-test-'));
  const totals = { passed: 0, failed: 0 };
  try {
    if (options.unit) {
      const report = join(scratch, 'vitest.json');
      const exit = await run('Unit tests (Vitest, Node)', [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...unitFilters], {});
      const json = readJson(report);
      const counts = settle('Unit tests', exit, json ? vitestCounts(json) : undefined);
      totals.passed += counts.passed;
      totals.failed += counts.failed;
    }
    if (options.browser) {
      const summary = join(scratch, 'wtr.json');
      const exit = await run('Browser tests (Web Test Runner, Chromium)', [join(ROOT, 'node_modules/@web/test-runner/dist/bin.js'), '--config', join(ROOT, 'web-test-runner.config.mjs')], {
        CHROME_PATH: chromium,
        TALLY_WTR_SUMMARY: summary,
        ...(options.soak ? { TALLY_SOAK_UPDATES: String(SOAK_UPDATES) } : {}),
        ...(browserFiles.length > 0 ? { TALLY_BROWSER_FILES: browserFiles.join(',') } : {}),
      });
      const counts = settle('Browser tests', exit, readJson(summary));
      totals.passed += counts.passed;
      totals.failed += counts.failed;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

await main();
