/**
 * Reading the sources an adapter converts: a file, every matching file of a folder (a PA FTP
 * mirror), or an http(s) URL (one page, or a chain of pages linked by `next`, as the Democracy
 * Club API pages its results). Each becomes a `SourceText` named by its path or URL, the name
 * every message about it cites.
 *
 * `FileSource` and `UrlSource` also answer "has anything changed since I last looked?" cheaply,
 * for the publisher: files by their identity (size, mtime, inode) without reading them, URLs by
 * conditional requests (If-None-Match / If-Modified-Since).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** One source file as adapters read it (the shape of `SourceFile` in src/adapters/types.ts). */
export interface SourceText {
  readonly name: string;
  readonly text: string;
}

/** What files a kind of source is made of. */
export interface SourceProfile {
  /** File name endings read from a folder (".xml"); a file named directly is always read. */
  readonly extensions: readonly string[];
  /** Follow a JSON page's `next` URL (Democracy Club API pages). */
  readonly followNext?: boolean;
}

/** The name of the file PA updates after depositing new files in a folder. */
export const PA_TIMESTAMP = '.timestamp';

/** A source that cannot be read at all (missing, forbidden, HTTP error): exit code 2 for one-off commands. */
export class SourceReadError extends Error {
  constructor(
    readonly source: string,
    message: string,
    readonly hint?: string,
  ) {
    super(`${source}: ${message}`);
    this.name = 'SourceReadError';
  }
}

export function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/** Most pages one URL source may chain through `next`: far above any real API's, low enough to stop a loop. */
export const MAX_PAGES = 500;

/** Why a file-system error happened, in words, and what to do. */
function describeFsError(path: string, error: NodeJS.ErrnoException): SourceReadError {
  switch (error.code) {
    case 'ENOENT':
      return new SourceReadError(
        path,
        'no such file or folder',
        'Check the path (it is relative to the folder you run tally in).',
      );
    case 'EACCES':
    case 'EPERM':
      return new SourceReadError(path, 'permission denied', 'Give the user running tally read access to it.');
    case 'EISDIR':
      return new SourceReadError(
        path,
        'is a folder',
        'Name a file, or a folder of source files where the command takes one.',
      );
    default:
      return new SourceReadError(path, error.message);
  }
}

/** A file's identity: changes whenever its content may have changed (a rename included). */
interface FileIdentity {
  readonly name: string;
  readonly path: string;
  readonly key: string;
}

const skipped = (name: string) =>
  name.startsWith('.') || name.startsWith('~$') || /\.(?:tmp|part|swp|crdownload)$/i.test(name);

/**
 * Files are listed relative to the folder named, sorted by name (so PA's revision-numbered
 * files come in order and adapters see the same list every time).
 */
async function listFolder(folder: string, profile: SourceProfile): Promise<string[]> {
  const names = (await readdir(folder, { recursive: true })).map(String);
  return names
    .filter((name) => {
      const base = name.split(sep).at(-1)!;
      if (name.split(sep).some(skipped)) return false;
      return profile.extensions.some((extension) => base.toLowerCase().endsWith(extension));
    })
    .sort();
}

/** Read a one-off source: a file, a folder's matching files, or a URL. */
export async function readSources(
  location: string,
  profile: SourceProfile,
  fetchImpl: typeof fetch = fetch,
): Promise<SourceText[]> {
  if (isUrl(location)) {
    const source = new UrlSource(location, profile, { fetch: fetchImpl });
    const result = await source.check();
    if (result.state === 'unreadable') throw result.error;
    if (result.state !== 'changed') throw new SourceReadError(location, 'no answer');
    return [...result.files];
  }
  const source = new FileSource(location, profile);
  const result = await source.check();
  if (result.state === 'unreadable') throw result.error;
  if (result.state === 'changed') return [...result.files];
  throw new SourceReadError(
    location,
    'the files changed while they were read',
    'Something is still writing them; try again.',
  );
}

export type SourceCheck =
  | { readonly state: 'changed'; readonly files: readonly SourceText[]; readonly description: string }
  | { readonly state: 'unchanged' }
  /** Files changed while being read (still being written): look again shortly. */
  | { readonly state: 'unsettled' }
  | { readonly state: 'unreadable'; readonly error: SourceReadError };

export interface WatchableSource {
  /** What is watched, for messages. */
  readonly location: string;
  /** Read when anything changed since the last check that returned "changed" or "unreadable". */
  check(): Promise<SourceCheck>;
}

export interface FileSourceOptions {
  /** Milliseconds since the epoch (injected in tests). */
  readonly now?: () => number;
  /**
   * In a folder with PA's `.timestamp`, files that changed without the timestamp moving are
   * read only once they have stayed the same this long (PA writes the timestamp after the
   * files; this catches a timestamp that never comes). Default 30 s.
   */
  readonly unsignalledQuietMs?: number;
  /** The name messages cite for a path (default: the path itself). */
  readonly cite?: (path: string) => string;
}

/**
 * A file, or the matching files of a folder. In a folder with PA's `.timestamp` file, a change
 * is read when PA signals it (the timestamp moved), or when the files have stopped changing for
 * a while without a signal.
 */
export class FileSource implements WatchableSource {
  private lastKey: string | undefined;
  private lastTimestamp: string | undefined;
  private pending: { key: string; since: number } | undefined;
  private readonly cache = new Map<string, { key: string; text: string }>();
  private readonly now: () => number;
  private readonly quietMs: number;
  private readonly cite: (path: string) => string;

  constructor(
    readonly location: string,
    private readonly profile: SourceProfile,
    options: FileSourceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.quietMs = options.unsignalledQuietMs ?? 30_000;
    this.cite = options.cite ?? ((path) => path);
  }

  /** The files to read and their identities, without reading them. */
  private async identities(): Promise<{ folder: boolean; files: FileIdentity[] }> {
    const info = await stat(this.location);
    if (!info.isDirectory())
      return {
        folder: false,
        files: [
          { name: this.cite(this.location), path: this.location, key: `${info.ino}:${info.size}:${info.mtimeMs}` },
        ],
      };
    const files: FileIdentity[] = [];
    for (const name of await listFolder(this.location, this.profile)) {
      const path = join(this.location, name);
      const fileInfo = await stat(path).catch(() => undefined);
      if (fileInfo?.isFile())
        files.push({ name: this.cite(path), path, key: `${fileInfo.ino}:${fileInfo.size}:${fileInfo.mtimeMs}` });
    }
    return { folder: true, files };
  }

  /** A problem reported once: the same problem at the next check is "unchanged". */
  private problem(error: SourceReadError): SourceCheck {
    const key = `error:${error.message}`;
    if (key === this.lastKey) return { state: 'unchanged' };
    this.lastKey = key;
    return { state: 'unreadable', error };
  }

  async check(): Promise<SourceCheck> {
    let listing: { folder: boolean; files: FileIdentity[] };
    try {
      listing = await this.identities();
    } catch (error) {
      return this.problem(describeFsError(this.cite(this.location), error as NodeJS.ErrnoException));
    }
    const before = listing.files;
    if (listing.folder && before.length === 0) {
      return this.problem(
        new SourceReadError(
          this.cite(this.location),
          `has no ${this.profile.extensions.join(' or ')} files yet`,
          'tally publish waits for them to arrive; tally convert needs at least one.',
        ),
      );
    }
    const timestamp = listing.folder ? await readTimestamp(this.location) : undefined;
    const key = JSON.stringify([timestamp ?? null, ...before.map((identity) => [identity.name, identity.key])]);
    if (key === this.lastKey) return { state: 'unchanged' };
    if (timestamp !== undefined && this.lastTimestamp !== undefined && timestamp === this.lastTimestamp) {
      // PA has not signalled this change (yet): wait for the signal, or for the files to settle.
      if (this.pending?.key !== key) {
        this.pending = { key, since: this.now() };
        return { state: 'unchanged' };
      }
      if (this.now() - this.pending.since < this.quietMs) return { state: 'unchanged' };
    }
    const files: SourceText[] = [];
    try {
      for (const identity of before) {
        const cached = this.cache.get(identity.path);
        files.push({
          name: identity.name,
          text: cached?.key === identity.key ? cached.text : await readFile(identity.path, 'utf8'),
        });
      }
    } catch (error) {
      // A file renamed away between listing and reading: the folder is changing.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'unsettled' };
      return this.problem(describeFsError(this.cite(this.location), error as NodeJS.ErrnoException));
    }
    // Unchanged while read, or something was writing: then read again once it has finished.
    let after: FileIdentity[];
    try {
      after = (await this.identities()).files;
    } catch {
      return { state: 'unsettled' };
    }
    if (
      after.length !== before.length ||
      after.some((identity, index) => identity.key !== before[index]!.key || identity.name !== before[index]!.name)
    ) {
      return { state: 'unsettled' };
    }
    this.cache.clear();
    before.forEach((identity, index) => this.cache.set(identity.path, { key: identity.key, text: files[index]!.text }));
    this.lastKey = key;
    this.lastTimestamp = timestamp;
    this.pending = undefined;
    const description = listing.folder
      ? `${files.length} file${files.length === 1 ? '' : 's'} in ${this.cite(this.location)}`
      : this.cite(this.location);
    return { state: 'changed', files, description };
  }
}

/**
 * PA's `.timestamp` files in a folder and its subfolders (PA keeps one in each of its folders,
 * `nominations` and `results`), as one value: undefined when there are none.
 */
async function readTimestamp(folder: string): Promise<string | undefined> {
  const names = (await readdir(folder, { recursive: true }).catch(() => [] as string[]))
    .map(String)
    .filter((name) => name.split(sep).at(-1) === PA_TIMESTAMP);
  if (names.length === 0) return undefined;
  const stamps = await Promise.all(
    names.sort().map((name) =>
      readFile(join(folder, name), 'utf8')
        .then((text) => `${name}=${text.trim()}`)
        .catch(() => `${name}=?`),
    ),
  );
  return stamps.join(' ');
}

interface PageState {
  readonly url: string;
  readonly etag?: string | undefined;
  readonly lastModified?: string | undefined;
  readonly text: string;
}

export interface UrlSourceOptions {
  readonly fetch?: typeof fetch;
  /** Milliseconds before a request is given up. Default 20 s. */
  readonly timeoutMs?: number;
}

/**
 * An http(s) source polled with conditional requests: a page the server says is unchanged (304)
 * is not downloaded again, and when every page is unchanged nothing is rebuilt.
 */
export class UrlSource implements WatchableSource {
  private pages: PageState[] = [];
  private lastKey: string | undefined;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(
    readonly location: string,
    private readonly profile: SourceProfile,
    options: UrlSourceOptions = {},
  ) {
    this.fetch = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 20_000;
  }

  private async page(url: string, known: PageState | undefined): Promise<PageState> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/xml, text/csv, text/plain;q=0.9, */*;q=0.5',
    };
    if (known?.url === url && known.etag) headers['If-None-Match'] = known.etag;
    if (known?.url === url && known.lastModified) headers['If-Modified-Since'] = known.lastModified;
    let response: Response;
    try {
      response = await this.fetch(url, { headers, signal: AbortSignal.timeout(this.timeoutMs), redirect: 'follow' });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${Math.round(this.timeoutMs / 1000)} s`
          : (cause?.code ?? cause?.message ?? (error as Error).message);
      throw new SourceReadError(
        url,
        `could not be fetched (${reason})`,
        'Check the address and the network; tally publish keeps trying.',
      );
    }
    if (response.status === 304 && known) {
      await response.body?.cancel();
      return known;
    }
    if (!response.ok) {
      await response.body?.cancel();
      const hint =
        response.status === 404 || response.status === 410
          ? 'Check the address: the server has nothing there.'
          : response.status === 401 || response.status === 403
            ? 'The server refuses access: check credentials or IP allowlisting with the provider.'
            : response.status >= 500
              ? 'The server failed; tally publish keeps trying and the last good feed stays published.'
              : undefined;
      throw new SourceReadError(url, `HTTP ${response.status} ${response.statusText}`.trim(), hint);
    }
    const text = await response.text();
    return {
      url,
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
      text,
    };
  }

  async check(): Promise<SourceCheck> {
    const pages: PageState[] = [];
    let url: string | undefined = this.location;
    try {
      while (url !== undefined) {
        if (pages.length >= MAX_PAGES)
          throw new SourceReadError(
            this.location,
            `more than ${MAX_PAGES} pages linked by "next"`,
            'Is the API returning a loop of pages?',
          );
        if (pages.some((page) => page.url === url))
          throw new SourceReadError(url, 'the pages link back to themselves through "next"');
        const page: PageState = await this.page(url, this.pages[pages.length]);
        pages.push(page);
        url = this.profile.followNext ? nextPage(page.text, page.url) : undefined;
      }
    } catch (error) {
      if (!(error instanceof SourceReadError)) throw error;
      const key = `error:${error.message}`;
      if (key === this.lastKey) return { state: 'unchanged' };
      this.lastKey = key;
      return { state: 'unreadable', error };
    }
    this.pages = pages;
    const key = JSON.stringify(pages.map((page) => [page.url, page.text]));
    if (key === this.lastKey) return { state: 'unchanged' };
    this.lastKey = key;
    return {
      state: 'changed',
      files: pages.map((page) => ({ name: page.url, text: page.text })),
      description: pages.length === 1 ? this.location : `${pages.length} pages from ${this.location}`,
    };
  }
}

/** The `next` URL of a JSON page ({ "next": "https://…", "results": [...] }), resolved against the page's own. */
export function nextPage(text: string, base: string): string | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const next = (JSON.parse(text) as { next?: unknown }).next;
    return typeof next === 'string' && next !== '' ? new URL(next, base).href : undefined;
  } catch {
    return undefined;
  }
}

/** A path for messages: relative to the working folder when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const shown = relative(cwd, path);
  return shown && !shown.startsWith('..') ? shown : path;
}
