/**
 * `tally convert <kind> <input…> -o feed.json --config night.json`: one conversion, for the
 * results after the night, a test, or to see what a source gives before publishing it.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Command } from 'commander';
import { parseElectionConfig, SourceError, type ElectionConfig } from '../../adapters/index.js';
import { validateFeed } from '../../feed/validate.js';
import { CliError, CONFIG_HELP, count, EXIT, formatProblem, resolvePath, type CliContext } from '../context.js';
import { hintFor } from '../feed-hints.js';
import { kindsHelp, sourceKind } from '../kinds.js';
import { writeFileAtomic } from '../publish/atomic-write.js';
import { issuesAsProblems } from '../publish/night.js';
import { isUrl, readSources, SourceReadError, type SourceText } from '../publish/sources.js';
import { describeFeed } from './validate.js';

/** Read and check the election config; its problems end the command. */
export async function loadConfig(
  context: CliContext,
  path: string | undefined,
  kind: string,
): Promise<{ config: ElectionConfig; path: string }> {
  if (path === undefined) {
    throw new CliError(
      `tally ${kind} sources need an election config (--config night.json)`,
      EXIT.unreadable,
      'It says what the source does not: the election id (the published file name) and title, parties and colours. See "The election config" in docs/data-in.md; templates/night.json in the package is a worked example.',
    );
  }
  const absolute = resolvePath(context, path);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      `${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      EXIT.unreadable,
      'Check the --config path.',
    );
  }
  return { config: parseElectionConfig(text, path), path: absolute };
}

/** Every input's files, in the order given. */
export async function readInputs(
  context: CliContext,
  inputs: readonly string[],
  profile: Parameters<typeof readSources>[1],
): Promise<SourceText[]> {
  const files: SourceText[] = [];
  for (const input of inputs) {
    const location = isUrl(input) ? input : resolvePath(context, input);
    try {
      const read = await readSources(location, profile, context.fetch);
      // Cite files as they were named on the command line, not by absolute path.
      files.push(
        ...read.map((file) => (isUrl(input) ? file : { ...file, name: join(input, relative(location, file.name)) })),
      );
    } catch (error) {
      if (error instanceof SourceReadError)
        throw new CliError(error.message.replace(location, input), EXIT.unreadable, error.hint);
      throw error;
    }
  }
  return files;
}

/** Print a source error's problems and end with exit 1 and `outcome` ("nothing was written"). */
export function sourceProblems(
  context: CliContext,
  error: SourceError,
  what: string,
  outcome = 'nothing was written',
): never {
  context.err(`${what} (${count(error.problems.length, 'problem')}):`);
  for (const problem of error.problems) context.err(`  ${formatProblem(problem)}`);
  throw new CliError(outcome, EXIT.invalid);
}

export function convertCommand(context: CliContext, setExit: (code: number) => void): Command {
  return new Command('convert')
    .summary('convert a source into a feed, once')
    .description(
      'Convert a source into a tally-feed/1 feed once: the results after the night, a test, or a look at what a source gives before publishing it.\n\nExit status: 0 written, 1 the source or config has problems (each printed with its file and row or element), 2 something could not be read.',
    )
    .argument('<kind>', 'the kind of source (see below), e.g. dc-results')
    .argument('<input...>', 'the source: files, folders (every matching file inside) or http(s) URLs, e.g. results.csv')
    .option(
      '-o, --out <file>',
      'where to write the feed, replaced atomically; - or nothing for standard output, e.g. -o feed.json',
    )
    .option('-c, --config <file>', CONFIG_HELP)
    .option(
      '--test',
      'mark the feed as test data: every widget shows a TEST DATA watermark (e.g. for a rehearsal with PA test files)',
    )
    .option(
      '--now <time>',
      'the time the feed is made, ISO 8601 (default: now), e.g. --now 2026-05-08T02:30:00Z for a repeatable output',
    )
    .option(
      '--pretty',
      'indent the JSON for reading (published feeds are compact), e.g. --pretty to compare two conversions with diff',
    )
    .addHelpText(
      'after',
      `
Kinds of source:
${kindsHelp()}

Examples:
  $ tally convert hoc-csv HoC-GE2019-results-by-constituency.csv --config ge2019.json -o ge2019.json
  $ tally convert dc-results result-sets-2018.json --config sheffield-2018.json -o sheffield.json
  $ tally convert dc-results "https://candidates.democracyclub.org.uk/api/v0.9/result_sets/?election_id=local.sheffield.2018-05-03" --config sheffield-2018.json -o sheffield.json
  $ tally convert pa-local pa-mirror/results --config locals.json --test -o test.json
  $ tally convert sheet results.csv --config night.json --pretty`,
    )
    .action(
      async (
        kindName: string,
        inputs: string[],
        options: { out?: string; config?: string; test?: boolean; now?: string; pretty?: boolean },
      ) => {
        const kind = sourceKind(kindName);
        let now = new Date(context.now()).toISOString();
        if (options.now !== undefined) {
          const parsed = Date.parse(options.now);
          if (!/^\d{4}-\d\d-\d\dT/.test(options.now) || !Number.isFinite(parsed))
            throw new CliError(
              `--now ${options.now} is not an ISO 8601 time`,
              EXIT.unreadable,
              'Write it like 2026-05-08T02:30:00Z.',
            );
          now = new Date(parsed).toISOString();
        }
        let config: ElectionConfig;
        try {
          config = (await loadConfig(context, options.config, kind.kind)).config;
        } catch (error) {
          if (error instanceof SourceError)
            sourceProblems(context, error, `${options.config}: the election config has problems`);
          throw error;
        }
        const files = await readInputs(context, inputs, kind.profile);

        let conversion;
        try {
          conversion = kind.adapter(files, config, { now });
        } catch (error) {
          if (error instanceof SourceError) sourceProblems(context, error, `the ${kind.kind} source has problems`);
          throw error;
        }
        for (const warning of conversion.warnings) context.err(`warning: ${formatProblem(warning)}`);
        const input = options.test
          ? { ...conversion.feed, meta: { ...conversion.feed.meta, test: true } }
          : conversion.feed;
        const checked = validateFeed(input);
        if (!checked.ok) {
          context.err(
            `the converted feed is not valid (${count(checked.errors.length, 'problem')}); nothing was written:`,
          );
          for (const problem of issuesAsProblems(checked.errors, 'feed', hintFor))
            context.err(`  ${formatProblem(problem)}`);
          throw new CliError(
            'this is a bug in the adapter or a gap in the config',
            EXIT.invalid,
            'Please report it with the source and config.',
          );
        }
        const text = `${options.pretty ? JSON.stringify(checked.feed, null, 2) : JSON.stringify(checked.feed)}\n`;
        const summary = describeFeed(checked.feed);
        if (options.out === undefined || options.out === '-') {
          context.out(text.trimEnd());
          context.err(`converted ${count(files.length, 'file')}: ${summary}`);
        } else {
          await writeFileAtomic(resolvePath(context, options.out), text);
          context.out(`wrote ${options.out} from ${count(files.length, 'file')}: ${summary}`);
        }
        setExit(EXIT.ok);
      },
    );
}
