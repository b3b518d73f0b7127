/**
 * `tally validate <file|url>`: is this a tally-feed/1 feed widgets will show? Every problem with
 * its JSON path and a hint. Exit 0 valid, 1 invalid, 2 unreadable; `--json` for machines.
 */
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { parseFeed, type FeedIssue } from '../../feed/validate.js';
import type { Feed } from '../../feed/schema.js';
import { CliError, count, EXIT, resolvePath, type CliContext } from '../context.js';
import { hintFor } from '../feed-hints.js';
import { isUrl, SourceReadError, UrlSource } from '../publish/sources.js';

const withHint = (issue: FeedIssue) => ({ path: issue.path, message: issue.message, hint: hintFor(issue) });

/** The text of a file, a URL or standard input ("-"). */
export async function readText(context: CliContext, location: string): Promise<string> {
  if (location === '-') return context.stdin();
  if (isUrl(location)) {
    const result = await new UrlSource(location, { extensions: [] }, { fetch: context.fetch }).check();
    if (result.state === 'unreadable') throw new CliError(result.error.message, EXIT.unreadable, result.error.hint);
    if (result.state !== 'changed') throw new CliError(`${location}: no answer`, EXIT.unreadable);
    return result.files[0]!.text;
  }
  try {
    return await readFile(resolvePath(context, location), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    const hint =
      code === 'ENOENT' ? 'Check the path (relative to the folder you run tally in), or give a URL.' : undefined;
    throw new CliError(`${location}: ${reason}`, EXIT.unreadable, hint);
  }
}

/** "Sheffield local election (revision 12): 28 of 29 areas declared, test data" */
export function describeFeed(feed: Feed): string {
  const declared = feed.areas.filter((area) => area.status === 'declared').length;
  const parts = [
    `${declared.toLocaleString('en-GB')} of ${count(feed.areas.length, 'area')} declared`,
    count(feed.parties.length, 'party', 'parties'),
  ];
  if (feed.events) parts.push(count(feed.events.length, 'event'));
  if (feed.meta.test) parts.push('TEST DATA');
  return `"${feed.meta.election.title}" (${feed.meta.election.id}), revision ${feed.meta.revision}: ${parts.join(', ')}`;
}

export function validateCommand(context: CliContext, setExit: (code: number) => void): Command {
  return new Command('validate')
    .summary('check a feed file or URL against tally-feed/1')
    .description(
      'Check a feed against tally-feed/1, as the widgets will: the shape, every reference, the sums. Every problem is printed with its JSON path and a hint.\n\nExit status: 0 valid, 1 invalid, 2 could not be read.',
    )
    .argument(
      '<file|url>',
      'the feed: a file, an http(s) URL (e.g. the published feed on your CDN), or - for standard input',
    )
    .option(
      '--json',
      'print the result as JSON on standard output, for scripts (e.g. tally validate feed.json --json | jq .errors)',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ tally validate out/locals-2026.json
  $ tally validate https://results.example.org/feeds/locals-2026.json
  $ tally validate feed.json --json
  $ curl -s https://results.example.org/feeds/locals-2026.json | tally validate -`,
    )
    .action(async (location: string, options: { json?: boolean }) => {
      let text: string;
      try {
        text = await readText(context, location);
      } catch (error) {
        if (options.json && (error instanceof CliError || error instanceof SourceReadError)) {
          context.out(
            JSON.stringify({
              source: location,
              valid: false,
              readable: false,
              problem: error.message,
              hint: error instanceof CliError ? error.hint : error.hint,
            }),
          );
          setExit(EXIT.unreadable);
          return;
        }
        throw error;
      }
      const result = parseFeed(text);
      const warnings = result.warnings.map(withHint);
      if (options.json) {
        context.out(
          JSON.stringify(
            result.ok
              ? {
                  source: location,
                  valid: true,
                  readable: true,
                  errors: [],
                  warnings,
                  feed: {
                    election: result.feed.meta.election.id,
                    revision: result.feed.meta.revision,
                    areas: result.feed.areas.length,
                    declared: result.feed.areas.filter((area) => area.status === 'declared').length,
                    test: result.feed.meta.test,
                  },
                }
              : { source: location, valid: false, readable: true, errors: result.errors.map(withHint), warnings },
            null,
            2,
          ),
        );
        setExit(result.ok ? EXIT.ok : EXIT.invalid);
        return;
      }
      for (const warning of warnings) context.err(`warning: ${warning.path}: ${warning.message} — ${warning.hint}`);
      if (result.ok) {
        context.out(`${location}: valid. ${describeFeed(result.feed)}.`);
        setExit(EXIT.ok);
        return;
      }
      context.err(`${location}: not a valid feed (${count(result.errors.length, 'problem')}):`);
      for (const error of result.errors.map(withHint))
        context.err(`  ${error.path ? `${error.path}: ` : ''}${error.message} — ${error.hint}`);
      setExit(EXIT.invalid);
    });
}
