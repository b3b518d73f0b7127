/**
 * Where the browser tests find Chromium, and the flags they start it with.
 *
 * Nothing in this project downloads a browser: tests use the system Chromium (Debian's
 * `chromium` package) or whatever CHROME_PATH names. Run directly, this file prints the path it
 * found, or with `--ensure` installs Debian's Chromium when it is missing and we are root.
 *
 *   node test/chromium.mjs            # prints the path, exit 1 when none
 *   node test/chromium.mjs --ensure   # installs with apt-get when missing (root only)
 */
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Candidates, in order. CHROME_PATH wins when set. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Flags for a headless Chromium on a closed network: without the background-networking flags
 * Chromium keeps trying to reach Google services and becomes noisy and slow.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-default-apps',
  '--disable-extensions',
  '--mute-audio',
];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium executable to use, or undefined when there is none. */
export function findChromium(env = process.env) {
  if (env.CHROME_PATH) return isExecutable(env.CHROME_PATH) ? env.CHROME_PATH : undefined;
  return CHROMIUM_CANDIDATES.find(isExecutable);
}

/** One sentence telling a person what to do when there is no Chromium. */
export function missingChromiumMessage(env = process.env) {
  if (env.CHROME_PATH)
    return `CHROME_PATH is set to ${env.CHROME_PATH}, which is not an executable file: point it at Chromium or Chrome.`;
  return 'No Chromium found: install it (on Debian or Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH to a Chromium or Chrome executable.';
}

/**
 * Find Chromium, installing Debian's package when it is missing and we are root with apt-get.
 * Returns the path, or undefined (after printing why) when it cannot.
 */
export function ensureChromium({ log = (line) => console.log(line) } = {}) {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = isExecutable('/usr/bin/apt-get');
  if (!process.env.CHROME_PATH && isRoot && hasApt) {
    log("Chromium not found: installing Debian's chromium package with apt-get.");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const install =
      update.status === 0
        ? spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env })
        : update;
    if (install.status === 0) {
      const installed = findChromium();
      if (installed) return installed;
    }
    log('apt-get could not install chromium: install it by hand (apt-get install -y chromium) or set CHROME_PATH.');
    return undefined;
  }
  log(missingChromiumMessage());
  return undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = process.argv.includes('--ensure') ? ensureChromium() : findChromium();
  if (path) console.log(path);
  else if (!process.argv.includes('--ensure')) console.error(missingChromiumMessage());
  process.exit(path ? 0 : 1);
}
