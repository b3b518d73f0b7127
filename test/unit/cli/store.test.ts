import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { removeTemporaryFiles, writeFileAtomic } from '../../../src/cli/publish/atomic-write.js';
import { describeRevisions, FeedStore, StoreError } from '../../../src/cli/publish/store.js';
import { temporaryFolder } from './support.js';

let folder: ReturnType<typeof temporaryFolder>;
beforeEach(() => (folder = temporaryFolder('tally-store-')));
afterEach(() => folder.cleanup());

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temporary file', async () => {
    const path = join(folder.dir, 'feed.json');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(folder.dir)).toEqual(['feed.json']);
  });

  it('writes the whole new version to a dot file in the same folder before the rename; until then readers see the old one', async () => {
    const path = join(folder.dir, 'feed.json');
    writeFileSync(path, 'old');
    let seen: { temporary: string; published: string; temporaryText: string } | undefined;
    await writeFileAtomic(path, 'new version', {
      beforeRename: (temporary) => {
        seen = { temporary, published: readFileSync(path, 'utf8'), temporaryText: readFileSync(temporary, 'utf8') };
      },
    });
    expect(seen!.published).toBe('old');
    expect(seen!.temporaryText).toBe('new version');
    expect(seen!.temporary).toMatch(/\/\.feed\.json\.[0-9a-f]{12}\.tmp$/);
  });

  it('removes its temporary file when the write fails, and the target stays as it was', async () => {
    const path = join(folder.dir, 'feed.json');
    writeFileSync(path, 'old');
    await expect(
      writeFileAtomic(path, 'new', {
        beforeRename: () => {
          throw new Error('disk gone');
        },
      }),
    ).rejects.toThrow('disk gone');
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(folder.dir)).toEqual(['feed.json']);
  });

  it('removeTemporaryFiles clears what a killed write left, for the names asked only', async () => {
    writeFileSync(join(folder.dir, '.feed.json.0123456789ab.tmp'), '{"half');
    writeFileSync(join(folder.dir, '.other.json.0123456789ab.tmp'), '{"half');
    writeFileSync(join(folder.dir, '.keep-me'), 'x');
    expect(await removeTemporaryFiles(folder.dir, new Set(['feed.json']))).toEqual(['.feed.json.0123456789ab.tmp']);
    expect(readdirSync(folder.dir).sort()).toEqual(['.keep-me', '.other.json.0123456789ab.tmp']);
  });
});

describe('FeedStore', () => {
  it('lets one publisher hold an election’s folder; another live one is refused with what to do', async () => {
    const store = new FeedStore(folder.dir, 'locals');
    const release = await store.lock();
    const error = await new FeedStore(folder.dir, 'locals').lock(process.pid + 1).catch((caught: unknown) => caught);
    // process.pid + 1 may not run; a lock held by this (running) process is refused to any other pid.
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toContain(`process ${process.pid}`);
    expect((error as StoreError).hint).toContain('Stop it first');
    await release();
    expect(existsSync(store.lockPath)).toBe(false);
  });

  it('takes over a lock left by a process that was killed', async () => {
    // A process that has exited: its pid is free (or reused by something else, which is the rare risk of pid locks).
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(join(folder.dir, '.locals.lock'), `${dead.stdout.trim()}\n`);
    const release = await new FeedStore(folder.dir, 'locals').lock();
    expect(readFileSync(join(folder.dir, '.locals.lock'), 'utf8').trim()).toBe(String(process.pid));
    await release();
  });

  it('says which revisions it keeps when asked for one it does not', async () => {
    const store = new FeedStore(folder.dir, 'locals');
    await store.prepare();
    for (const revision of [1, 2, 3, 5]) writeFileSync(store.revisionPath(revision), '{}');
    const error = await store.readRevision(4).catch((caught: unknown) => caught);
    expect((error as StoreError).message).toContain('no revision 4');
    expect((error as StoreError).hint).toBe('Revisions kept: 1–3, 5.');
  });

  it('describes revision lists as ranges', () => {
    expect(describeRevisions([])).toBe('');
    expect(describeRevisions([7])).toBe('7');
    expect(describeRevisions([1, 2, 3, 7, 9, 10])).toBe('1–3, 7, 9–10');
  });
});
