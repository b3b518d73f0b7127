#!/usr/bin/env node
/**
 * Tests of the built files (the embed browser tests, the package checks) need `dist/` to be
 * built from the sources as they are now. `ensureBuild()` runs `npm run build` when dist/ is
 * missing or was built from other sources, and does nothing otherwise.
 *
 * "Other sources" is decided by content, not by dates: a hash of every file the build reads
 * (src/, the build configs, package.json) is written to dist/.build-inputs by every
 * `npm run build` (it starts with `--stamp-begin`, which hashes the sources and drops the old
 * stamp, and ends with `--stamp-end`, which writes that hash), so `npm test` straight after
 * `npm start` builds nothing, while a fresh clone, a `git checkout`, an interrupted build or an
 * edit anywhere in src/ all lead to one build.
 * A lock (a directory under node_modules/.cache) keeps two test runs on one machine from
 * building into dist/ at the same time; the second waits for the first and then finds dist/
 * fresh.
 *
 *   node test/ensure-build.mjs                # build when needed
 *   node test/ensure-build.mjs --check        # exit 1 when a build is needed, build nothing
 *   node test/ensure-build.mjs --stamp-begin  # first step of `npm run build`
 *   node test/ensure-build.mjs --stamp-end    # last step of `npm run build`
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LOCK = join(ROOT, 'node_modules', '.cache', 'tally-build.lock');
/** Files the build must have produced; without one of them dist/ is not a complete build. */
export const BUILD_OUTPUTS = [
  'index.js',
  'tally.js',
  'tally.classic.js',
  'tally.css',
  'tally-frame.js',
  'embed.html',
  'cli/tally.js',
  'types/index.d.ts',
];
const INPUT_FILES = [
  'package.json',
  'vite.config.ts',
  'vite.templates.ts',
  'vite.d3.ts',
  'tsconfig.json',
  'tsconfig.build.json',
  'custom-elements-manifest.config.mjs',
];
const INPUT_DIRS = ['src'];
const LOCK_STALE_MS = 5 * 60_000;

/** A hash of everything the build reads (in `root`, this checkout by default). */
export function buildInputsHash(root = ROOT) {
  const hash = createHash('sha256');
  const files = [...INPUT_FILES];
  for (const dir of INPUT_DIRS) {
    for (const name of readdirSync(join(root, dir), { recursive: true }).map(String)) {
      const path = join(dir, name);
      if (statSync(join(root, path)).isFile()) files.push(path.split(sep).join('/'));
    }
  }
  for (const file of files.sort()) {
    const absolute = join(root, file);
    if (!existsSync(absolute)) continue;
    hash.update(`${file}\0`);
    hash.update(readFileSync(absolute));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Why dist/ needs a build, or undefined when it is fresh. */
export function buildNeeded(root = ROOT) {
  const missing = BUILD_OUTPUTS.find((file) => !existsSync(join(root, 'dist', file)));
  if (missing) return `dist/${missing} is missing`;
  const stampFile = join(root, 'dist', '.build-inputs');
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (!stamp) return 'no dist/.build-inputs: the last build did not finish';
  if (stamp !== buildInputsHash(root)) return 'the sources changed since dist/ was built';
  return undefined;
}

/**
 * First step of `npm run build`: hash the sources as the build starts (an edit made during the
 * build then makes the next check build again) and drop the old stamp, so that a build that
 * fails or is interrupted leaves dist/ marked as needing one.
 */
export function stampBegin(root = ROOT) {
  const pending = join(root, 'node_modules', '.cache', 'tally-build-inputs.pending');
  mkdirSync(join(pending, '..'), { recursive: true });
  writeFileSync(pending, `${buildInputsHash(root)}\n`);
  rmSync(join(root, 'dist', '.build-inputs'), { force: true });
}

/** Last step of `npm run build`, once every output is written: the stamp of the sources it began from. */
export function stampEnd(root = ROOT) {
  const pending = join(root, 'node_modules', '.cache', 'tally-build-inputs.pending');
  const inputs = existsSync(pending) ? readFileSync(pending, 'utf8').trim() : buildInputsHash(root);
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', '.build-inputs'), `${inputs}\n`);
  rmSync(pending, { force: true });
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Take the build lock, waiting for another holder (or clearing a dead one). Returns a release function. */
function lock({ log }) {
  mkdirSync(join(LOCK, '..'), { recursive: true });
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'owner'), `${process.pid} ${Date.now()}`);
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let owner = '';
    try {
      owner = readFileSync(join(LOCK, 'owner'), 'utf8');
    } catch {
      // The holder is between mkdir and writing its name: wait a moment.
    }
    const [pid, since] = owner.split(' ').map(Number);
    const dead = owner !== '' && (!processAlive(pid) || Date.now() - since > LOCK_STALE_MS);
    if (dead || Date.now() - started > LOCK_STALE_MS) {
      rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
    if (!told) {
      log(`Waiting for another build of dist/ (process ${pid || '?'}) to finish.`);
      told = true;
    }
    sleep(250);
  }
}

/**
 * Build dist/ when it is missing or stale. Throws when the build fails, with its output.
 * `log` receives one line saying why a build runs (nothing when none is needed).
 */
export function ensureBuild({ log = (line) => console.log(line) } = {}) {
  if (!buildNeeded()) return false;
  const release = lock({ log });
  try {
    const reason = buildNeeded();
    if (!reason) return false; // someone else built it while we waited
    log(`Building dist/ for the tests of the built files (${reason}): npm run build`);
    // The build stamps dist/ itself (--stamp-begin, --stamp-end).
    const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(
        `npm run build failed (exit ${result.status ?? result.signal}):\n${(result.stdout ?? '').slice(-4000)}\n${(result.stderr ?? '').slice(-4000)}`,
      );
    }
    return true;
  } finally {
    release();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--stamp-begin')) {
    stampBegin();
    process.exit(0);
  }
  if (process.argv.includes('--stamp-end')) {
    stampEnd();
    process.exit(0);
  }
  if (process.argv.includes('--check')) {
    const reason = buildNeeded();
    console.log(reason ? `A build is needed: ${reason}.` : 'dist/ is fresh.');
    process.exit(reason ? 1 : 0);
  }
  try {
    if (!ensureBuild()) console.log(`dist/ is fresh (${relative(process.cwd(), join(ROOT, 'dist')) || 'dist'}).`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
