/**
 * `tally serve <dir>`: a folder over HTTP the way a CDN serves it, until stopped.
 */
import { stat } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { CliError, EXIT, resolvePath, type CliContext } from '../context.js';
import { createFolderServer, DEFAULT_MAX_AGE } from '../serve/server.js';
import { positiveNumber } from './publish.js';

export const DEFAULT_PORT = 8000;

export function serveCommand(context: CliContext, setExit: (code: number) => void): Command {
  return new Command('serve')
    .summary('serve a folder (the published feeds) the way a CDN does')
    .description(
      [
        'Serve a folder over HTTP the way a CDN serves it: a strong ETag (a hash of the bytes) and Last-Modified, 304 Not Modified',
        'for If-None-Match / If-Modified-Since, Cache-Control: public, max-age, CORS for any origin with ETag and Last-Modified',
        'exposed, gzip and brotli for clients that accept them. history/ is served as immutable. Dot files (temporary files)',
        'are never served, nor folder listings. For local use, tests and small deployments; on the night, put a CDN in front.',
      ].join(' '),
    )
    .argument('<dir>', 'the folder to serve, e.g. the --out folder of tally publish')
    .addOption(
      new Option('-p, --port <port>', 'the port to listen on; 0 picks a free one, e.g. --port 8000')
        .argParser(positiveNumber('--port', { integer: true, min: -1 }))
        .default(DEFAULT_PORT),
    )
    .option(
      '--host <address>',
      'the interface to listen on (default: all), e.g. --host 127.0.0.1 for this machine only',
    )
    .addOption(
      new Option('--max-age <seconds>', 'Cache-Control max-age for the feeds, e.g. --max-age 10')
        .argParser(positiveNumber('--max-age', { integer: true, min: -1 }))
        .default(DEFAULT_MAX_AGE),
    )
    .option(
      '--log',
      'print one line per request (method, path, status, encoding, bytes, time), e.g. --log to watch widgets poll',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ tally serve feeds
  $ tally serve feeds --port 8080 --max-age 10 --log
  $ curl -sI http://localhost:8000/locals-2026.json`,
    )
    .action(async (dir: string, options: { port: number; host?: string; maxAge: number; log?: boolean }) => {
      const root = resolvePath(context, dir);
      const info = await stat(root).catch(() => undefined);
      if (!info?.isDirectory())
        throw new CliError(
          `${dir}: ${info ? 'is a file, not a folder' : 'no such folder'}`,
          EXIT.unreadable,
          'Name the folder to serve, e.g. the --out folder of tally publish.',
        );
      const server = createFolderServer({
        root,
        maxAge: options.maxAge,
        ...(options.log ? { log: context.out } : {}),
        logError: context.err,
      });
      let url: string;
      try {
        url = await server.listen(options.port, options.host);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new CliError(
          code === 'EADDRINUSE'
            ? `port ${options.port} is already in use`
            : `could not listen: ${(error as Error).message}`,
          EXIT.unreadable,
          code === 'EADDRINUSE'
            ? 'Choose another with --port (0 picks a free one).'
            : code === 'EACCES'
              ? 'Ports below 1024 need privileges: use one above.'
              : undefined,
        );
      }
      context.out(`serving ${dir} at ${url} (Cache-Control: public, max-age=${options.maxAge}). Ctrl-C stops.`);
      await new Promise<void>((resolveStop) => {
        if (context.stop.aborted) resolveStop();
        context.stop.addEventListener('abort', () => resolveStop(), { once: true });
      });
      await server.close();
      setExit(EXIT.ok);
    });
}
