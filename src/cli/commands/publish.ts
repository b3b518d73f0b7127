/**
 * `tally publish <kind> --watch <path|url> --out <dir> --config night.json`: the night's
 * process. Runs until stopped (Ctrl-C, SIGTERM), or once with --once.
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { SourceError } from '../../adapters/index.js';
import { CliError, CONFIG_HELP, EXIT, formatProblem, resolvePath, type CliContext } from '../context.js';
import { hintFor } from '../feed-hints.js';
import { kindsHelp, sourceKind } from '../kinds.js';
import { clockTime, publicationLine, rejectionLines } from '../publish/lines.js';
import type { RejectionStage } from '../publish/night.js';
import { startPublishing, type PublishRun } from '../publish/run.js';
import { displayPath, isUrl, PA_TIMESTAMP } from '../publish/sources.js';
import { StoreError } from '../publish/store.js';
import { loadConfig, sourceProblems } from './convert.js';
import { parseFeed } from '../../feed/validate.js';
import { readFile } from 'node:fs/promises';
import type { Feed } from '../../feed/schema.js';

/** --pages: the writer (loaded only then: it brings the server renderer) and its queue. */
async function startPages(context: CliContext, options: PublishOptions) {
  const { PagesWriter, PagesQueue } = await import('../publish/pages.js');
  const dir = resolvePath(context, options.pages!);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new CliError(
      `cannot create the pages folder ${options.pages}: ${(error as Error).message}`,
      EXIT.unreadable,
      'Check the path and permissions.',
    );
  }
  const writer = new PagesWriter(dir, {
    baseUrl: options.baseUrl!,
    lang: options.lang,
    timeZone: options.timeZone,
    feedUrl: options.pagesFeed,
    scriptUrl: options.pagesScript,
    images: options.pagesImages,
    beforeRename: context.beforeRename,
    warn: (message) => context.err(`warning: ${message}`),
  });
  const queue = new PagesQueue(
    writer,
    (update, feed) => {
      const names = update.written.length <= 3 ? `: ${update.written.join(', ')}` : '';
      context.err(
        `${clockTime(context.now())}  pages: revision ${feed.meta.revision}, ${update.written.length} written${names}, ${update.unchanged} unchanged (${Math.round(update.ms)} ms)`,
      );
    },
    (error) => context.err(`pages: not written: ${error.message}; the feed is published, the pages stay as they were`),
  );
  let reading: Promise<void> = Promise.resolve();
  return {
    queue,
    idle: async () => {
      await reading;
      await queue.idle();
    },
    fromFile: (path: string) => {
      reading = readFile(path, 'utf8').then(
        (text) => {
          const parsed = parseFeed(text);
          if (parsed.ok) queue.add(parsed.feed as Feed);
        },
        () => undefined,
      );
    },
  };
}

export const DEFAULT_INTERVAL_SECONDS = 5;
export const DEFAULT_SETTLE_MS = 50;

export function positiveNumber(name: string, { integer = false, min = 0 } = {}) {
  return (value: string): number => {
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number) || number <= min || (integer && !Number.isInteger(number))) {
      throw new InvalidArgumentError(
        `${name} must be a ${integer ? 'whole ' : ''}number above ${min}, not "${value}".`,
      );
    }
    return number;
  };
}

const EXIT_FOR_STAGE: Record<RejectionStage, number> = {
  read: EXIT.unreadable,
  write: EXIT.unreadable,
  config: EXIT.invalid,
  convert: EXIT.invalid,
  validate: EXIT.invalid,
};

interface PublishOptions {
  watch: string;
  out: string;
  config?: string;
  test?: boolean;
  interval: number;
  settle: number;
  once?: boolean;
  verbose?: boolean;
  pages?: string;
  baseUrl?: string;
  pagesScript?: string;
  pagesFeed?: string;
  pagesImages: 'png' | 'svg' | 'auto';
  lang?: string;
  timeZone?: string;
}

export function publishCommand(context: CliContext, setExit: (code: number) => void): Command {
  return new Command('publish')
    .summary("the night's process: watch a source, publish a feed on every change")
    .description(
      [
        "The night's process. Watches the source and, each time its results change, publishes the next revision of the feed:",
        '<out>/<election id>.json, written atomically (never half-written), with ticker events for what changed, and a copy of',
        'each revision in <out>/history/. A source that cannot be read, is half-written or contradicts itself is reported with',
        'the file and row or element, and the last good feed stays published. Restarted, it continues from the revision on disk.',
        'One line per publication on standard output; problems on standard error. Ctrl-C (or SIGTERM) stops it after any write in progress.',
      ].join(' '),
    )
    .argument('<kind>', 'the kind of source (see below), e.g. pa-local')
    .requiredOption(
      '-w, --watch <path|url>',
      'the source to watch: a file, a folder (every matching file in it), or an http(s) URL polled with conditional requests, e.g. --watch results.csv',
    )
    .requiredOption(
      '-o, --out <dir>',
      'the folder to publish into (served by tally serve, or uploaded to your CDN), e.g. --out /var/www/feeds',
    )
    .option('-c, --config <file>', `${CONFIG_HELP}; edits are picked up without a restart`)
    .option('--test', 'mark every feed as test data (TEST DATA watermark), e.g. for a rehearsal night')
    .addOption(
      new Option(
        '--interval <seconds>',
        'seconds between rescans of a file or folder (besides file-system events) and between polls of a URL, e.g. --interval 30 for a public API',
      )
        .argParser(positiveNumber('--interval'))
        .default(DEFAULT_INTERVAL_SECONDS),
    )
    .addOption(
      new Option(
        '--settle <ms>',
        'milliseconds of quiet after a file-system event before reading (a save is often several writes), e.g. --settle 500 on a slow network share',
      )
        .argParser(positiveNumber('--settle', { min: -1 }))
        .default(DEFAULT_SETTLE_MS),
    )
    .option(
      '--once',
      'publish once if the results changed, then exit; exit status 0 published or unchanged, 1 source problems, 2 unreadable; e.g. --once from cron, or to try a config',
    )
    .option(
      '-v, --verbose',
      'also say when the source changed but its results did not, e.g. -v to see every save of the sheet arrive',
    )
    .option(
      '--pages <dir>',
      'also write a static HTML page per area and an index into this folder, widgets rendered on the server; only the pages whose area changed are rewritten, e.g. --pages /var/www/results',
    )
    .option(
      '--base-url <url>',
      'with --pages: the address the pages are served from, for canonical and Open Graph URLs, e.g. --base-url https://results.example.org/locals-2026/',
    )
    .option(
      '--pages-script <url>',
      "with --pages and --pages-feed: Tally's script, so the pages hydrate and follow the live feed, e.g. --pages-script https://cdn.example.org/tally/tally.js",
    )
    .option(
      '--pages-feed <url>',
      "with --pages: the published feed's public address (live widgets, and the Dataset in the index's structured data), e.g. --pages-feed https://results.example.org/feeds/locals-2026.json",
    )
    .addOption(
      new Option(
        '--pages-images <format>',
        'with --pages: the Open Graph images, png (Chromium and puppeteer-core), svg, or auto (png when possible), e.g. --pages-images svg',
      )
        .choices(['png', 'svg', 'auto'])
        .default('auto'),
    )
    .option('--lang <tag>', "with --pages: the pages' language, e.g. --lang cy (default en-GB)")
    .option(
      '--time-zone <zone>',
      "with --pages: the zone of the pages' clock times, e.g. --time-zone Europe/London (the default)",
    )
    .addHelpText(
      'after',
      `
Kinds of source:
${kindsHelp()}

Examples:
  $ tally publish sheet --watch results.csv --out feeds --config night.json
  $ tally publish pa-local --watch /srv/pa-mirror/results --out /var/www/feeds --config locals-2026.json
  $ tally publish pa-local --watch /srv/pa-test/results --out test-feeds --config locals-2026.json --test
  $ tally publish sheet --watch results.csv --out feeds --config night.json --pages www --base-url https://results.example.org/
  $ tally publish dc-results --watch "https://candidates.democracyclub.org.uk/api/v0.9/result_sets/?election_id=local.sheffield.2026-05-07" --interval 30 --out feeds --config sheffield.json

The night's routine (restarts, rollback, test data, serving): docs/data-in.md.`,
    )
    .action(async (kindName: string, options: PublishOptions) => {
      const kind = sourceKind(kindName);
      let loaded;
      try {
        loaded = await loadConfig(context, options.config, kind.kind);
      } catch (error) {
        if (error instanceof SourceError)
          sourceProblems(
            context,
            error,
            `${options.config}: the election config has problems`,
            'not started: fix the config and start again',
          );
        throw error;
      }
      if (options.pages && !options.baseUrl) {
        throw new CliError(
          '--pages needs --base-url',
          EXIT.unreadable,
          'Pages carry their canonical address: give where they will be served, e.g. --base-url https://results.example.org/locals-2026/.',
        );
      }
      if (options.baseUrl && !/^https?:\/\/[^/]/.test(options.baseUrl))
        throw new CliError(
          `--base-url ${options.baseUrl}: not an http(s) address`,
          EXIT.unreadable,
          'e.g. --base-url https://results.example.org/locals-2026/',
        );
      const pages = options.pages ? await startPages(context, options) : undefined;
      const watch = isUrl(options.watch) ? options.watch : resolvePath(context, options.watch);
      const outDir = resolvePath(context, options.out);
      try {
        await mkdir(outDir, { recursive: true });
      } catch (error) {
        throw new CliError(
          `cannot create the output folder ${options.out}: ${(error as Error).message}`,
          EXIT.unreadable,
          'Check the path and permissions.',
        );
      }
      const watched = isUrl(watch) ? undefined : await stat(watch).catch(() => undefined);
      if (!isUrl(watch) && !watched && options.once)
        throw new CliError(`${options.watch}: no such file or folder`, EXIT.unreadable, 'Check the --watch path.');
      const signalled =
        watched?.isDirectory() &&
        (await readdir(watch, { recursive: true }).catch(() => [] as string[])).some(
          (name) => basename(String(name)) === PA_TIMESTAMP,
        );

      let firstPublication = true;
      let worstStage: RejectionStage | undefined;
      let run: PublishRun;
      try {
        run = await startPublishing({
          adapter: kind.adapter,
          profile: kind.profile,
          watch,
          outDir,
          config: loaded.config,
          configPath: loaded.path,
          test: options.test ?? false,
          intervalMs: options.interval * 1000,
          settleMs: options.settle,
          now: context.now,
          timers: context.timers,
          fetch: context.fetch,
          cite: (path) => displayPath(path, context.cwd),
          ...(context.beforeRename ? { beforeRename: context.beforeRename } : {}),
          hintFor,
          ...(options.once ? { once: true } : {}),
          report: {
            opened: ({ feedPath, revision, removedTemporary }) => {
              firstPublication = revision === 0;
              // Continuing: the pages of the feed on disk (those already written stay).
              if (pages && revision > 0) pages.fromFile(feedPath);
              context.err(
                revision > 0 ? `continuing from revision ${revision} of ${feedPath}` : `publishing to ${feedPath}`,
              );
              if (removedTemporary.length > 0)
                context.err(
                  `removed ${removedTemporary.length} temporary file(s) left by an interrupted write: ${removedTemporary.join(', ')}`,
                );
            },
            published: (result, details) => {
              context.out(publicationLine(result, { ms: details.ms, at: context.now(), first: firstPublication }));
              pages?.queue.add(result.feed);
              firstPublication = false;
              for (const warning of result.warnings)
                context.err(`warning: ${warning.path}: ${warning.message} — ${hintFor(warning)}`);
            },
            unchanged: ({ revision, source }) => {
              if (options.verbose)
                context.err(
                  `${clockTime(context.now())}  ${source} changed; results unchanged, revision ${revision} stays`,
                );
            },
            rejected: (problems, details) => {
              if (worstStage === undefined || EXIT_FOR_STAGE[details.stage] > EXIT_FOR_STAGE[worstStage])
                worstStage = details.stage;
              for (const line of rejectionLines(problems, { ...details, at: context.now() })) context.err(line);
            },
            warnings: (problems) => {
              for (const problem of problems) context.err(`warning: ${formatProblem(problem)}`);
            },
            watchFailed: (error) =>
              context.err(
                `file-system events unavailable (${error.message}); rescanning every ${options.interval} s instead`,
              ),
          },
        });
      } catch (error) {
        // Another publisher holds the folder, or it cannot be read.
        if (error instanceof StoreError) throw new CliError(error.message, EXIT.unreadable, error.hint);
        throw error;
      }

      if (!options.once) {
        const what = isUrl(watch)
          ? `polling ${watch} every ${options.interval} s`
          : `watching ${options.watch}${signalled ? ` (PA ${PA_TIMESTAMP} signals new files)` : ''}, rescanning every ${options.interval} s`;
        context.err(
          `tally publish ${kind.kind}: ${what}; publishing into ${options.out}${options.test ? ' as TEST DATA' : ''}. Ctrl-C stops.`,
        );
      }
      const stopped = new Promise<void>((resolveStop) => {
        if (context.stop.aborted) resolveStop();
        context.stop.addEventListener('abort', () => resolveStop(), { once: true });
      });
      try {
        if (options.once) {
          await Promise.race([run.failed, run.idle()]);
        } else {
          await Promise.race([run.failed, stopped]);
        }
      } finally {
        await run.stop();
        await pages?.idle();
      }
      if (options.once) {
        setExit(worstStage ? EXIT_FOR_STAGE[worstStage] : EXIT.ok);
        return;
      }
      const revision = run.revision();
      context.err(`stopped; ${revision > 0 ? `revision ${revision} stays published` : 'nothing was published'}.`);
      setExit(EXIT.ok);
    });
}
