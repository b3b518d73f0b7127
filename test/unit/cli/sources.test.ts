import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { join } from 'node:path';
import {
  FileSource,
  nextPage,
  readSources,
  SourceReadError,
  UrlSource,
  type SourceCheck,
} from '../../../src/cli/publish/sources.js';
import { close, listen } from '../../../src/cli/serve/server.js';
import { temporaryFolder } from './support.js';

const XML = { extensions: ['.xml'] };
const names = (check: SourceCheck) =>
  check.state === 'changed' ? check.files.map((file) => file.name.split('/').slice(-2).join('/')) : check.state;

let folder: ReturnType<typeof temporaryFolder>;
beforeEach(() => (folder = temporaryFolder('tally-sources-')));
afterEach(() => folder.cleanup());

/** Give a file a new modification time, as a later write would. */
const touch = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

describe('FileSource', () => {
  it('reads a file, then says unchanged until it changes', async () => {
    const path = join(folder.dir, 'results.csv');
    writeFileSync(path, 'a\n1\n');
    const source = new FileSource(path, { extensions: ['.csv'] });
    const first = await source.check();
    expect(first.state === 'changed' && first.files).toEqual([{ name: path, text: 'a\n1\n' }]);
    expect((await source.check()).state).toBe('unchanged');
    writeFileSync(path, 'a\n2\n');
    touch(path, 1_900_000_000);
    const second = await source.check();
    expect(second.state === 'changed' && second.files[0]!.text).toBe('a\n2\n');
  });

  it('reads the matching files of a folder and its subfolders in name order, skipping temporary and hidden files', async () => {
    mkdirSync(join(folder.dir, 'results'));
    writeFileSync(join(folder.dir, 'results', 'Local_Result_B_2.xml'), '<b/>');
    writeFileSync(join(folder.dir, 'results', 'Local_Result_A_1.xml'), '<a/>');
    writeFileSync(join(folder.dir, 'results', 'Local_Result_C_1.xml.part'), '<c');
    writeFileSync(join(folder.dir, 'results', '.Local_Result_D_1.xml'), '<d/>');
    writeFileSync(join(folder.dir, 'notes.txt'), 'notes');
    const source = new FileSource(folder.dir, XML);
    expect(names(await source.check())).toEqual(['results/Local_Result_A_1.xml', 'results/Local_Result_B_2.xml']);
  });

  it('reports a missing source once, then reads it when it appears', async () => {
    const path = join(folder.dir, 'later.csv');
    const source = new FileSource(path, { extensions: ['.csv'] });
    const missing = await source.check();
    expect(missing.state).toBe('unreadable');
    expect(missing.state === 'unreadable' && missing.error).toBeInstanceOf(SourceReadError);
    expect(missing.state === 'unreadable' && missing.error.message).toContain('no such file or folder');
    expect((await source.check()).state).toBe('unchanged');
    writeFileSync(path, 'a\n');
    expect((await source.check()).state).toBe('changed');
  });

  it('in a folder with PA’s .timestamp, reads new files when the timestamp moves, or once they have been quiet a while', async () => {
    let now = 1_000_000;
    writeFileSync(join(folder.dir, '.timestamp'), '1405942919.30267');
    writeFileSync(join(folder.dir, 'Local_Result_1.xml'), '<one/>');
    const source = new FileSource(folder.dir, XML, { now: () => now, unsignalledQuietMs: 30_000 });
    expect(names(await source.check())).toEqual([`${folder.dir.split('/').at(-1)}/Local_Result_1.xml`]);

    // A file arrives but PA has not signalled it: not read yet.
    writeFileSync(join(folder.dir, 'Local_Result_2.xml'), '<two/>');
    expect((await source.check()).state).toBe('unchanged');
    now += 10_000;
    expect((await source.check()).state).toBe('unchanged');
    // PA signals it.
    writeFileSync(join(folder.dir, '.timestamp'), '1405942929.10000');
    expect(names(await source.check())).toHaveLength(2);

    // Another arrives and the timestamp never moves: read after 30 quiet seconds.
    writeFileSync(join(folder.dir, 'Local_Result_3.xml'), '<three/>');
    expect((await source.check()).state).toBe('unchanged');
    now += 29_000;
    expect((await source.check()).state).toBe('unchanged');
    now += 2_000;
    expect(names(await source.check())).toHaveLength(3);
  });

  it('follows the .timestamp of each PA folder when watching the mirror above them', async () => {
    let now = 1_000_000;
    for (const name of ['nominations', 'results']) {
      mkdirSync(join(folder.dir, name));
      writeFileSync(join(folder.dir, name, '.timestamp'), '1405942919.30267');
    }
    writeFileSync(join(folder.dir, 'results', 'General_Election_result_Upton_1.xml'), '<one/>');
    const source = new FileSource(folder.dir, XML, { now: () => now });
    expect((await source.check()).state).toBe('changed');
    writeFileSync(join(folder.dir, 'results', 'General_Election_result_Upton_2.xml'), '<two/>');
    expect((await source.check()).state).toBe('unchanged');
    now += 1_000;
    writeFileSync(join(folder.dir, 'results', '.timestamp'), '1405942999.10000');
    expect(names(await source.check())).toHaveLength(2);
  });

  it('says a folder without source files has none yet', async () => {
    const check = await new FileSource(folder.dir, XML).check();
    expect(check.state === 'unreadable' && check.error.message).toContain('has no .xml files yet');
  });
});

describe('readSources', () => {
  it('throws a SourceReadError with a hint for a missing path', async () => {
    const error = await readSources(join(folder.dir, 'nope.csv'), { extensions: ['.csv'] }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SourceReadError);
    expect((error as SourceReadError).hint).toMatch(/Check the path/);
  });
});

describe('UrlSource', () => {
  let server: Server;
  let base: string;
  let pages: Record<string, { body: string; etag: string }>;
  const requests: { url: string; headers: IncomingHttpHeaders }[] = [];

  beforeEach(async () => {
    requests.length = 0;
    pages = {
      '/results?page=1': { body: JSON.stringify({ next: '/results?page=2', results: [1] }), etag: '"p1-a"' },
      '/results?page=2': { body: JSON.stringify({ next: null, results: [2] }), etag: '"p2-a"' },
    };
    server = createServer((request, response) => {
      requests.push({ url: request.url!, headers: request.headers });
      const page = pages[request.url!];
      if (!page) {
        response.writeHead(404).end('not here');
        return;
      }
      if (request.headers['if-none-match'] === page.etag) {
        response.writeHead(304, { ETag: page.etag }).end();
        return;
      }
      response.writeHead(200, { ETag: page.etag, 'Content-Type': 'application/json' }).end(page.body);
    });
    base = await listen(server, 0, '127.0.0.1');
  });
  afterEach(() => close(server));

  it('follows "next" through every page, then polls each with If-None-Match and reads nothing when all are unchanged', async () => {
    const source = new UrlSource(`${base}results?page=1`, { extensions: ['.json'], followNext: true });
    const first = await source.check();
    expect(first.state === 'changed' && first.files.map((file) => JSON.parse(file.text).results)).toEqual([[1], [2]]);
    requests.length = 0;
    expect((await source.check()).state).toBe('unchanged');
    expect(requests.map((request) => request.headers['if-none-match'])).toEqual(['"p1-a"', '"p2-a"']);

    pages['/results?page=2'] = { body: JSON.stringify({ next: null, results: [2, 3] }), etag: '"p2-b"' };
    const second = await source.check();
    expect(second.state === 'changed' && second.files.map((file) => JSON.parse(file.text).results)).toEqual([
      [1],
      [2, 3],
    ]);
  });

  it('reports an HTTP error once with a hint, and reads again when the server recovers', async () => {
    const source = new UrlSource(`${base}missing.json`, { extensions: ['.json'] });
    const failed = await source.check();
    expect(failed.state === 'unreadable' && failed.error.message).toContain('HTTP 404');
    expect(failed.state === 'unreadable' && failed.error.hint).toMatch(/Check the address/);
    expect((await source.check()).state).toBe('unchanged');
    pages['/missing.json'] = { body: '{}', etag: '"m"' };
    expect((await source.check()).state).toBe('changed');
  });

  it('says a server that cannot be reached cannot be reached', async () => {
    await close(server);
    const check = await new UrlSource(base, { extensions: ['.json'] }).check();
    expect(check.state === 'unreadable' && check.error.message).toMatch(/could not be fetched \(ECONNREFUSED\)/);
    server = createServer();
    base = await listen(server, 0, '127.0.0.1');
  });
});

describe('nextPage', () => {
  it('resolves a JSON page’s next link and ignores anything else', () => {
    expect(nextPage('{"next":"?page=2","results":[]}', 'https://api.example/results?page=1')).toBe(
      'https://api.example/results?page=2',
    );
    expect(nextPage('{"next":null}', 'https://api.example/')).toBeUndefined();
    expect(nextPage('[{"next":"x"}]', 'https://api.example/')).toBeUndefined();
    expect(nextPage('<xml/>', 'https://api.example/')).toBeUndefined();
  });
});
