/**
 * The `tally` executable (package.json "bin"): the real process as the commands' context.
 * Built to dist/cli/tally.js by `npm run build` (vite build --mode cli); in this repository
 * `npx tsx src/cli/main.ts …` runs it from the sources.
 */
import { runCli } from './program.js';
import { realTimers } from './publish/watch.js';

const stop = new AbortController();
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // A second Ctrl-C does not wait for the write in progress.
    if (stopping) process.exit(130);
    stopping = true;
    stop.abort();
  });
}

const write = (stream: NodeJS.WriteStream) => (line: string) => void stream.write(`${line}\n`);
// Output piped into a command that stops reading (`tally --help | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * TALLY_HOLD_BEFORE_RENAME_MS: wait this long with each new version complete in its temporary
 * file, before the rename that publishes it. For the test that kills a publisher in the middle
 * of a write (test/build/publish-e2e.test.ts); never needed otherwise.
 */
const hold = Number(process.env.TALLY_HOLD_BEFORE_RENAME_MS ?? 0);

const code = await runCli(process.argv.slice(2), {
  out: write(process.stdout),
  err: write(process.stderr),
  cwd: process.cwd(),
  now: Date.now,
  timers: realTimers,
  fetch: globalThis.fetch,
  stdin: readStdin,
  stop: stop.signal,
  ...(hold > 0 ? { beforeRename: () => new Promise<void>((resolveHold) => setTimeout(resolveHold, hold)) } : {}),
});
process.exitCode = code;
// Nothing should keep the process alive after a command (a watcher, a socket); make sure.
setTimeout(() => process.exit(code), 1000).unref();
