/**
 * `tally rollback --out <dir> --to N`: republish revision N's results under a new, higher
 * revision (widgets ignore a lower revision than the one they show, so going back means going
 * forward). `--list` shows the revisions kept.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { CliError, count, EXIT, resolvePath, type CliContext } from '../context.js';
import { clockTime, publicationLine } from '../publish/lines.js';
import { contentKey, Publisher } from '../publish/publisher.js';
import { describeRevisions, FeedStore, StoreError } from '../publish/store.js';
import { positiveNumber } from './publish.js';

/** Election ids with a history folder under `outDir`. */
async function electionsIn(outDir: string): Promise<string[]> {
  const entries = await readdir(join(outDir, 'history'), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function chooseElection(outDir: string, shown: string, election: string | undefined): Promise<string> {
  const elections = await electionsIn(outDir);
  if (election !== undefined) {
    if (!elections.includes(election)) {
      throw new CliError(
        `${shown} has no history for '${election}'`,
        EXIT.unreadable,
        elections.length > 0
          ? `Elections published there: ${elections.join(', ')}.`
          : 'Nothing has been published there by tally publish.',
      );
    }
    return election;
  }
  if (elections.length === 1) return elections[0]!;
  if (elections.length === 0)
    throw new CliError(
      `${shown} has no history/ of published revisions`,
      EXIT.unreadable,
      'Name the folder tally publish writes into (its --out).',
    );
  throw new CliError(
    `${shown} holds several elections: ${elections.join(', ')}`,
    EXIT.unreadable,
    'Say which with --election <id>.',
  );
}

export function rollbackCommand(context: CliContext, setExit: (code: number) => void): Command {
  return new Command('rollback')
    .summary('republish an earlier revision as a new one')
    .description(
      [
        "Republish an earlier revision's results as a new, higher revision: widgets only ever move forward, so going back",
        'to revision N means publishing its content again as the next revision, with correction events for the areas it changes.',
        'A running tally publish notices and carries on from it; it publishes again only when its source changes, so fix the',
        'source (or stop the publisher) first. --list shows the revisions kept in <out>/history/.',
      ].join(' '),
    )
    .requiredOption('-o, --out <dir>', 'the folder tally publish writes into, e.g. --out /var/www/feeds')
    .addOption(
      new Option('--to <revision>', 'the revision to go back to, e.g. --to 41').argParser(
        positiveNumber('--to', { integer: true }),
      ),
    )
    .option('--election <id>', 'the election, when the folder holds several, e.g. --election locals-2026')
    .option(
      '--list',
      'list the revisions kept, newest last, with when each was published and how many areas it had declared, e.g. --list to choose the --to',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ tally rollback --out feeds --list
  $ tally rollback --out feeds --to 41
  $ tally rollback --out /var/www/feeds --election locals-2026 --to 41`,
    )
    .action(async (options: { out: string; to?: number; election?: string; list?: boolean }) => {
      const outDir = resolvePath(context, options.out);
      const election = await chooseElection(outDir, options.out, options.election);
      const store = new FeedStore(outDir, election);
      if (options.list) {
        const revisions = await store.revisions();
        const current = await store.readCurrent().catch(() => undefined);
        context.out(
          `${election}: ${count(revisions.length, 'revision')} kept (${describeRevisions(revisions) || 'none'}); published now: ${current ? `revision ${current.feed.meta.revision}` : 'nothing'}`,
        );
        // The last twenty in detail; reading every revision of a long night would take a while.
        for (const revision of revisions.slice(-20)) {
          const path = store.revisionPath(revision);
          const { feed } = await store.readRevision(revision);
          const declared = feed.areas.filter((area) => area.status === 'declared').length;
          const written = (await stat(path)).mtimeMs;
          context.out(
            `  r${revision}  ${new Date(written).toISOString().slice(0, 10)} ${clockTime(written)}  ${declared}/${feed.areas.length} declared${feed.meta.test ? '  TEST DATA' : ''}`,
          );
        }
        setExit(EXIT.ok);
        return;
      }
      if (options.to === undefined)
        throw new CliError(
          'say which revision to go back to with --to <revision>',
          EXIT.unreadable,
          'See the revisions kept with --list.',
        );
      try {
        const target = await store.readRevision(options.to);
        const { publisher } = await Publisher.open(store, {
          now: context.now,
          ...(context.beforeRename ? { beforeRename: context.beforeRename } : {}),
        });
        const current = publisher.current;
        if (current && current.meta.revision === options.to) {
          context.out(`revision ${options.to} is the one published now: nothing to do.`);
          setExit(EXIT.ok);
          return;
        }
        if (current && contentKey(current) === contentKey(target.feed) && current.meta.test === target.feed.meta.test) {
          context.out(
            `revision ${options.to} has the same results as revision ${current.meta.revision}, published now: nothing to do.`,
          );
          setExit(EXIT.ok);
          return;
        }
        const result = await publisher.publish(target.feed, { events: 'input' });
        if (result.kind !== 'published') {
          throw new CliError(
            `revision ${options.to} could not be republished: ${result.kind === 'invalid' ? result.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ') : 'unchanged'}`,
            EXIT.invalid,
          );
        }
        context.out(
          `${publicationLine(result, { ms: 0, at: context.now(), first: false }).replace(/\s+0 ms/, '')}  (revision ${options.to} republished)`,
        );
        setExit(EXIT.ok);
      } catch (error) {
        if (error instanceof StoreError) throw new CliError(error.message, EXIT.unreadable, error.hint);
        throw error;
      }
    });
}
