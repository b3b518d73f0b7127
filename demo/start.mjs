#!/usr/bin/env node
/**
 * `npm start`: install dependencies when they are missing, build the library and the demo,
 * then run the demo server (http://localhost:8080/ unless PORT says otherwise).
 *
 *   npm start                 # install if needed, build, serve
 *   npm start -- --no-build   # serve what is already built
 *
 * Plain Node with no dependencies, so it runs on a fresh clone. The server's own settings
 * (PORT, HOST, REPLAY_MINUTES, DEMO_DIR) are described in demo/server/serve.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));

function step(description, command, commandArgs) {
  console.log(`\n▸ ${description}: ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${description} failed (exit ${result.status ?? result.signal}); not starting the demo server.`);
    process.exit(result.status || 1);
  }
}

if (!existsSync(join(root, 'node_modules', '.bin', 'vite')) || !existsSync(join(root, 'node_modules', 'tsx'))) {
  step('Installing dependencies', 'npm', [existsSync(join(root, 'package-lock.json')) ? 'ci' : 'install']);
}
if (!args.has('--no-build')) {
  step('Building the library', 'npm', ['run', '--silent', 'build']);
  step('Building the demo', 'npm', ['run', '--silent', 'build:demo']);
}

console.log('\n▸ Starting the demo server (Ctrl-C stops it)\n');
const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'demo/server/serve.ts')], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
