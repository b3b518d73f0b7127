/**
 * The publisher's output folder:
 *
 *   <out>/<election-id>.json                  the feed widgets poll, replaced atomically
 *   <out>/history/<election-id>/<N>.json      every revision published, N = meta.revision
 *   <out>/.<election-id>.lock                 held by the `tally publish` writing this election
 *
 * The published file is the authority: it is written first and its copy in history/ second,
 * so a publisher killed between the two leaves a complete feed whose copy `open` restores.
 */
import { mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed, type FeedIssue } from '../../feed/validate.js';
import type { Feed } from '../../feed/schema.js';
import { removeTemporaryFiles, writeFileAtomic } from './atomic-write.js';

/** An election id that can be a file name in every file system and URL: it names the feed. */
const FILE_SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

function checkFileSafeId(id: string): string | undefined {
  if (FILE_SAFE_ID.test(id) && !id.endsWith('.')) return undefined;
  return `the election id '${id}' cannot name a file: use letters, digits, "-", "_" and "." only (it becomes <out>/${id}.json)`;
}

/** The JSON text a feed is published as: compact, one line, with a final newline. */
function feedText(feed: Feed): string {
  return `${JSON.stringify(feed)}\n`;
}

export class StoreError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface StoredFeed {
  readonly feed: Feed;
  readonly path: string;
}

export class FeedStore {
  readonly feedPath: string;
  readonly historyDir: string;
  readonly lockPath: string;

  constructor(
    readonly outDir: string,
    readonly electionId: string,
  ) {
    const problem = checkFileSafeId(electionId);
    if (problem)
      throw new StoreError(
        problem,
        'Set a simpler election id in the config (election.id), e.g. "local-2026-sheffield".',
      );
    this.feedPath = join(outDir, `${electionId}.json`);
    this.historyDir = join(outDir, 'history', electionId);
    this.lockPath = join(outDir, `.${electionId}.lock`);
  }

  /** The path of revision N in history. */
  revisionPath(revision: number): string {
    return join(this.historyDir, `${revision}.json`);
  }

  /** Create the folders, clear temporary files a killed write left, and copy the published feed into history if its copy is missing. */
  async prepare(): Promise<{ removedTemporary: string[]; current: StoredFeed | undefined }> {
    await mkdir(this.historyDir, { recursive: true });
    const removedTemporary = [
      ...(await removeTemporaryFiles(this.outDir, new Set([`${this.electionId}.json`]))),
      ...(await removeTemporaryFiles(this.historyDir)).map((name) => `history/${this.electionId}/${name}`),
    ];
    const current = await this.readCurrent();
    if (current && !(await this.revisions()).includes(current.feed.meta.revision)) {
      await writeFileAtomic(this.revisionPath(current.feed.meta.revision), feedText(current.feed));
    }
    return { removedTemporary, current };
  }

  /** The published feed, or undefined when there is none yet. An invalid one is an error: someone else wrote it. */
  async readCurrent(): Promise<StoredFeed | undefined> {
    const text = await readFile(this.feedPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (text === undefined) return undefined;
    return { feed: this.parse(text, this.feedPath), path: this.feedPath };
  }

  /** Revision N from history. */
  async readRevision(revision: number): Promise<StoredFeed> {
    const path = this.revisionPath(revision);
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      return undefined;
    });
    if (text === undefined) {
      const kept = await this.revisions();
      throw new StoreError(
        `there is no revision ${revision} of '${this.electionId}' in ${this.historyDir}`,
        kept.length > 0
          ? `Revisions kept: ${describeRevisions(kept)}.`
          : 'Nothing has been published to this folder for this election yet.',
      );
    }
    return { feed: this.parse(text, path), path };
  }

  /** Revision numbers kept in history, in order. */
  async revisions(): Promise<number[]> {
    const names = await readdir(this.historyDir).catch(() => [] as string[]);
    return names
      .map((name) => /^(\d+)\.json$/.exec(name)?.[1])
      .filter((digits): digits is string => digits !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  /** The highest revision published: the feed's own, or history's when that is higher. */
  async latestRevision(): Promise<number> {
    const current = await this.readCurrent().catch(() => undefined);
    const kept = await this.revisions();
    return Math.max(current?.feed.meta.revision ?? 0, kept.at(-1) ?? 0);
  }

  /** Publish: the feed atomically, then its copy in history. */
  async write(
    feed: Feed,
    options: { beforeRename?: (temporaryPath: string) => void | Promise<void> } = {},
  ): Promise<string> {
    const text = feedText(feed);
    await writeFileAtomic(this.feedPath, text, options);
    await writeFileAtomic(this.revisionPath(feed.meta.revision), text);
    return text;
  }

  /**
   * Take the lock for this election's publisher. Another live `tally publish` holding it is an
   * error; a lock left by a process that no longer runs (killed) is taken over.
   */
  async lock(pid = process.pid): Promise<() => Promise<void>> {
    await mkdir(this.outDir, { recursive: true });
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const handle = await open(this.lockPath, 'wx');
        await handle.writeFile(`${pid}\n`);
        await handle.close();
        return async () => {
          const owner = await readFile(this.lockPath, 'utf8').catch(() => '');
          if (owner.trim() === String(pid)) await unlink(this.lockPath).catch(() => {});
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = Number((await readFile(this.lockPath, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== pid && processRuns(owner)) {
        throw new StoreError(
          `another tally publish (process ${owner}) is publishing '${this.electionId}' to ${this.outDir}`,
          `Stop it first (kill ${owner}), or publish to another --out folder. If no such process is running, delete ${this.lockPath}.`,
        );
      }
      await unlink(this.lockPath).catch(() => {});
    }
    throw new StoreError(
      `could not take the lock ${this.lockPath}`,
      'Another process keeps creating it; check what else writes to this folder.',
    );
  }

  private parse(text: string, path: string): Feed {
    const result = parseFeed(text);
    if (!result.ok) {
      throw new StoreError(
        `${path} is not a valid feed: ${describeIssues(result.errors)}`,
        'It was not written by tally publish, or was edited by hand. Move it away; tally publish will then start again from the highest revision in history/.',
      );
    }
    return result.feed;
  }
}

function describeIssues(issues: readonly FeedIssue[]): string {
  const first = issues.slice(0, 3).map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
  return issues.length > 3 ? `${first.join('; ')} and ${issues.length - 3} more` : first.join('; ');
}

/** "1–12, 14" */
export function describeRevisions(revisions: readonly number[]): string {
  const ranges: string[] = [];
  let start = revisions[0];
  for (let i = 1; i <= revisions.length; i++) {
    const previous = revisions[i - 1]!;
    if (revisions[i] === previous + 1) continue;
    ranges.push(start === previous ? String(previous) : `${start}–${previous}`);
    start = revisions[i];
  }
  return ranges.join(', ');
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
