#!/usr/bin/env node
/**
 * `npm test`: every test, in three groups run one after the other, each run even when another
 * fails. The last line of output is always `N passed, N failed` over all of them, except when
 * Chromium is missing and cannot be installed.
 *
 *   unit     Vitest, Node: pure code, fast; builds nothing (test/unit/)
 *   build    Vitest, Node: checks of what the build makes (test/build/); builds dist/ when stale
 *   browser  Web Test Runner in the system Chromium (test/browser/); the embed tests need dist/
 *
 *   npm test                                 # everything
 *   npm run test:unit                        # the unit group only (npm test -- --unit-only)
 *   npm run test:build                       # the build checks only (--build-only)
 *   npm run test:browser                     # the browser tests only (--browser-only)
 *   npm test -- harness state-of-parties     # only test files whose path contains a filter
 *   npm run test:soak                        # the long soak alone: 1,000 updates (npm test runs 200)
 *
 * The `--…-only` options combine: `--unit-only --build-only` runs both Vitest groups.
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
const USAGE = 'Usage: node test/run.mjs [--unit-only] [--build-only] [--browser-only] [--soak] [path filter ...]';
/** The groups, in the order they run: the Vitest project or runner and the folder each reads. */
const GROUPS = {
  unit: { label: 'Unit tests (Vitest, Node)', summary: 'Unit tests', dir: 'test/unit' },
  build: { label: 'Build checks (Vitest, Node)', summary: 'Build checks', dir: 'test/build' },
  browser: { label: 'Browser tests (Web Test Runner, Chromium)', summary: 'Browser tests', dir: 'test/browser' },
};
/** The long soak (`--soak`): a whole night of updates, against 200 in `npm test`. */
const SOAK_UPDATES = 1_000;

function parseArgs(argv) {
  const options = { groups: new Set(), filters: [], soak: false };
  for (const arg of argv) {
    if (arg === '--soak') {
      options.soak = true;
      options.groups.add('browser');
      options.filters.push('test/browser/hardening-soak.test.ts');
    } else if (arg === '--unit-only') options.groups.add('unit');
    else if (arg === '--build-only') options.groups.add('build');
    else if (arg === '--browser-only') options.groups.add('browser');
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('-')) {
      console.error(`Unknown option ${arg}. ${USAGE}`);
      process.exit(2);
    } else options.filters.push(arg.replace(/^\.\//, ''));
  }
  // No `--…-only`: every group.
  if (options.groups.size === 0) for (const group of Object.keys(GROUPS)) options.groups.add(group);
  return options;
}

function testFilesUnder(dir) {
  const absolute = join(ROOT, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true })
    .map((name) =>
      relative(ROOT, join(absolute, String(name)))
        .split(sep)
        .join('/'),
    )
    .filter((path) => path.endsWith('.test.ts') && !path.split('/').includes('node_modules'))
    .sort();
}

function ensureDependencies() {
  if (existsSync(join(ROOT, 'node_modules', 'vitest')) && existsSync(join(ROOT, 'node_modules', '@web', 'test-runner')))
    return true;
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
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: 'inherit',
      detached: true,
    });
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
    notes.push(
      timedOut
        ? 'timed out (counted as 1 failed)'
        : `exited with ${code ?? 'a signal'} although no test failed (counted as 1 failed)`,
    );
  }
  const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
  console.log(
    `\n${label}: ${counts.passed} passed, ${counts.failed} failed${skipped}${notes.length ? ` — ${notes.join('; ')}` : ''}`,
  );
  return counts;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!ensureDependencies()) {
    console.log('Could not install dependencies (see npm output above).');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }

  // With filters, a group runs only when some of its files match.
  const filesOf = {};
  if (options.filters.length > 0) {
    for (const group of options.groups) {
      const files = testFilesUnder(GROUPS[group].dir).filter((file) =>
        options.filters.some((filter) => file.includes(filter)),
      );
      if (files.length > 0) filesOf[group] = files;
      else options.groups.delete(group);
    }
    if (options.groups.size === 0) {
      console.log(
        `No test file path contains ${options.filters.map((filter) => JSON.stringify(filter)).join(' or ')}.`,
      );
      console.log('0 passed, 1 failed');
      process.exit(1);
    }
  }

  let chromium;
  if (options.groups.has('browser')) {
    chromium = ensureChromium();
    if (!chromium) process.exit(1); // ensureChromium printed the one sentence saying what to install
  }

  const scratch = mkdtempSync(join(tmpdir(), 'tally-test-'));
  const totals = { passed: 0, failed: 0 };
  const add = (counts) => {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
  };
  try {
    for (const group of ['unit', 'build']) {
      if (!options.groups.has(group)) continue;
      const report = join(scratch, `vitest-${group}.json`);
      const args = [
        join(ROOT, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--project',
        group,
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${report}`,
        ...(filesOf[group] ?? []),
      ];
      const exit = await run(GROUPS[group].label, args, {});
      const json = readJson(report);
      add(settle(GROUPS[group].summary, exit, json ? vitestCounts(json) : undefined));
    }
    if (options.groups.has('browser')) {
      const summary = join(scratch, 'wtr.json');
      const exit = await run(
        GROUPS.browser.label,
        [join(ROOT, 'node_modules/@web/test-runner/dist/bin.js'), '--config', join(ROOT, 'web-test-runner.config.mjs')],
        {
          CHROME_PATH: chromium,
          TALLY_WTR_SUMMARY: summary,
          ...(options.soak ? { TALLY_SOAK_UPDATES: String(SOAK_UPDATES) } : {}),
          ...(filesOf.browser ? { TALLY_BROWSER_FILES: filesOf.browser.join(',') } : {}),
        },
      );
      add(settle(GROUPS.browser.summary, exit, readJson(summary)));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

await main();
