/**
 * Writing a file so that readers only ever see the old version or the new one, whole: the bytes
 * go to a temporary file in the same folder, which is flushed to disk (fsync), renamed over the
 * target (atomic within one file system), and the folder is flushed too, so that after a power
 * cut the rename itself is not lost. Killed at any moment, the target is untouched or complete;
 * what may be left is a temporary file, which `removeTemporaryFiles` clears at the next start.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Temporary files are dot files, so a static server never serves one (`tally serve` hides dot
 * files, and most CDN uploaders skip them): ".<name>.<random>.tmp".
 */
const TEMPORARY = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Flush a folder's entries (the rename) to disk. Some systems cannot open a folder for that; then the rename is as safe as they make it. */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw error;
  } finally {
    await handle?.close();
  }
}

export interface AtomicWriteOptions {
  /** Called after the temporary file is complete and flushed, before the rename (tests stop here). */
  readonly beforeRename?: (temporaryPath: string) => void | Promise<void>;
}

/** Replace `path` with `data` atomically (see the module comment). */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temporary = temporaryPathFor(path);
  let handle;
  try {
    handle = await open(temporary, 'wx', 0o644);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await options.beforeRename?.(temporary);
    await rename(temporary, path);
  } catch (error) {
    await handle?.close().catch(() => {});
    await unlink(temporary).catch(() => {});
    throw error;
  }
  await syncFolder(dirname(path));
}

/**
 * Remove temporary files left in `folder` by a write that was killed, for the targets `names`
 * (all targets when omitted). Returns the names removed. Only for a folder no other process is
 * writing the same targets in (the publisher holds a lock for that).
 */
export async function removeTemporaryFiles(folder: string, names?: ReadonlySet<string>): Promise<string[]> {
  const entries = await readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const entry of entries) {
    const target = TEMPORARY.exec(entry)?.[1];
    if (target === undefined || (names && !names.has(target))) continue;
    await unlink(join(folder, entry)).catch(() => {});
    removed.push(entry);
  }
  return removed;
}
