/** The `tally` command run in process: messages, exit codes, help. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { createProgram } from '../../../src/cli/program.js';
import { close, listen } from '../../../src/cli/serve/server.js';
import { parseFeed } from '../../../src/feed/validate.js';
import { CONSTITUENCIES, harness, HOC_CONFIG, hocCsv, tally, temporaryFolder, writeJson } from './support.js';
import { runCli } from '../../../src/cli/program.js';

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;

let folder: ReturnType<typeof temporaryFolder>;
beforeEach(() => (folder = temporaryFolder('tally-commands-')));
afterEach(() => folder.cleanup());

describe('tally --help', () => {
  it('lists every command, and every command’s help explains each option with an example', async () => {
    const top = await tally(folder.dir, ['--help']);
    expect(top.code).toBe(0);
    for (const command of ['validate', 'convert', 'publish', 'rollback', 'serve'])
      expect(top.out.join('\n')).toContain(command);

    const program = createProgram(harness(folder.dir).context, () => {});
    for (const command of program.commands.filter((each) => each.name() !== 'help')) {
      const help = await tally(folder.dir, [command.name(), '--help']);
      expect(help.code, command.name()).toBe(0);
      const text = help.out.join('\n');
      expect(text, command.name()).toContain('Examples:');
      expect(text, command.name()).toContain(`$ tally ${command.name()}`);
      for (const option of command.options.filter((each) => each.long !== '--help')) {
        expect(option.description, `${command.name()} ${option.long}`).toMatch(/e\.g\.|for example/);
      }
    }
  });

  it('is documented in docs/data-in.md with commands and options that exist', () => {
    const docs = readFileSync(new URL('../../../docs/data-in.md', import.meta.url), 'utf8');
    const program = createProgram(harness(folder.dir).context, () => {});
    const lines = [...docs.matchAll(/(?:npx )?tally (validate|convert|publish|rollback|serve)\b([^\n`|]*)/g)];
    expect(lines.length).toBeGreaterThan(10);
    for (const [line, name, rest] of lines) {
      const command = program.commands.find((each) => each.name() === name)!;
      const known = new Set(command.options.flatMap((option) => [option.long, option.short]));
      for (const option of rest!.match(/(?<=\s)--?[a-z][a-z-]*/g) ?? [])
        expect(known.has(option), `${line.trim()}: ${option}`).toBe(true);
    }
  });

  it('sends a wrong command line to stderr with exit status 2 and a pointer to the help', async () => {
    const unknown = await tally(folder.dir, ['publsh']);
    expect(unknown.code).toBe(2);
    expect(unknown.err.join('\n')).toMatch(/unknown command 'publsh'[\s\S]*Did you mean publish\?/);
    const missing = await tally(folder.dir, ['publish', 'hoc-csv', '--out', 'x']);
    expect(missing.code).toBe(2);
    expect(missing.err.join('\n')).toContain("required option '-w, --watch <path|url>' not specified");
    expect(missing.err.join('\n')).toContain('--help');
    const kind = await tally(folder.dir, ['convert', 'csv', 'x.csv']);
    expect(kind.code).toBe(2);
    expect(kind.err).toEqual([
      "tally convert: unknown kind of source 'csv'",
      '  Use one of: hoc-csv, dc-results, pa-local, pa-fptp, sheet.',
    ]);
  });
});

describe('tally validate', () => {
  it('says a valid feed is valid, exit 0', async () => {
    const run = await tally(FIXTURES, ['validate', 'general-small.json']);
    expect(run.code).toBe(0);
    expect(run.out[0]).toMatch(/^general-small\.json: valid\. .*revision 5: 5 of 5 areas declared/);
  });

  it('prints every problem with its JSON path and a hint on stderr, exit 1', async () => {
    const run = await tally(FIXTURES, ['validate', 'unknown-party.json']);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toContain("  areas[0].control.after: unknown party 'lib' — add it to parties[] or fix the id");
  });

  it('gives machines JSON with --json', async () => {
    const run = await tally(FIXTURES, ['validate', 'malformed.json', '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.out.join('\n'));
    expect(report.valid).toBe(false);
    expect(report.errors).toContainEqual({
      path: 'meta.revision',
      message: 'must be a number',
      hint: expect.stringContaining('number'),
    });
  });

  it('exits 2 for a missing file, saying what to check', async () => {
    const run = await tally(folder.dir, ['validate', 'missing.json']);
    expect(run.code).toBe(2);
    expect(run.err).toEqual([
      'tally validate: missing.json: no such file',
      '  Check the path (relative to the folder you run tally in), or give a URL.',
    ]);
  });

  it('reads a URL; a 404 exits 2 with a hint, and an HTML page is invalid, not a crash', async () => {
    const server: Server = createServer((request, response) => {
      if (request.url === '/page.json')
        response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Sign in</title>');
      else response.writeHead(404).end();
    });
    const base = await listen(server, 0, '127.0.0.1');
    try {
      const missing = await tally(folder.dir, ['validate', `${base}feed.json`]);
      expect(missing.code).toBe(2);
      expect(missing.err.join('\n')).toContain('HTTP 404');
      expect(missing.err.join('\n')).toContain('Check the address');
      const html = await tally(folder.dir, ['validate', `${base}page.json`]);
      expect(html.code).toBe(1);
      expect(html.err.join('\n')).toContain('received HTML, not JSON');
      const json = await tally(folder.dir, ['validate', `${base}feed.json`, '--json']);
      expect(json.code).toBe(2);
      expect(JSON.parse(json.out[0]!)).toMatchObject({ valid: false, readable: false });
    } finally {
      await close(server);
    }
  });

  it('reads standard input for -', async () => {
    const text = readFileSync(join(FIXTURES, 'tie.json'), 'utf8');
    const run = await tally(folder.dir, ['validate', '-'], { stdin: async () => text });
    expect(run.code).toBe(0);
  });
});

describe('tally convert', () => {
  beforeEach(() => {
    writeFileSync(join(folder.dir, 'results.csv'), hocCsv(CONSTITUENCIES));
    writeJson(join(folder.dir, 'night.json'), HOC_CONFIG);
  });

  it('writes a valid feed from a source and its config', async () => {
    const run = await tally(folder.dir, [
      'convert',
      'hoc-csv',
      'results.csv',
      '--config',
      'night.json',
      '-o',
      'feed.json',
      '--now',
      '2019-12-13T06:00:00Z',
    ]);
    expect(run.code).toBe(0);
    expect(run.out[0]).toContain(
      'wrote feed.json from 1 file: "Test general election" (ge-test), revision 1: 3 of 3 areas declared',
    );
    const feed = parseFeed(readFileSync(join(folder.dir, 'feed.json'), 'utf8'));
    expect(feed.ok && feed.feed.meta.generatedAt).toBe('2019-12-13T06:00:00.000Z');
    expect(feed.ok && feed.feed.areas.find((area) => area.id === 'E14000003')?.control).toEqual({
      before: 'lab',
      after: 'con',
    });
  });

  it('writes to standard output without -o, and marks test data with --test', async () => {
    const run = await tally(folder.dir, ['convert', 'hoc-csv', 'results.csv', '--config', 'night.json', '--test']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out.join('\n')).meta.test).toBe(true);
    expect(run.err.at(-1)).toMatch(/^converted 1 file: .*TEST DATA$/);
  });

  it('names the file and line of a broken source, exit 1, and writes nothing', async () => {
    writeFileSync(
      join(folder.dir, 'results.csv'),
      `${hocCsv(CONSTITUENCIES)}E14000004,Delta,North East,Lab hold,Lab,70000`,
    );
    const run = await tally(folder.dir, [
      'convert',
      'hoc-csv',
      'results.csv',
      '--config',
      'night.json',
      '-o',
      'feed.json',
    ]);
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toMatch(/results\.csv line 5: 6 fields where the header has 11/);
    expect(existsSync(join(folder.dir, 'feed.json'))).toBe(false);
  });

  it('explains a config problem by its JSON path, exit 1, and a missing config, exit 2', async () => {
    writeJson(join(folder.dir, 'bad.json'), { election: { id: 'x y', title: 'T' } });
    const bad = await tally(folder.dir, ['convert', 'hoc-csv', 'results.csv', '--config', 'bad.json']);
    expect(bad.code).toBe(1);
    expect(bad.err.join('\n')).toContain('bad.json election.id');
    const none = await tally(folder.dir, ['convert', 'hoc-csv', 'results.csv']);
    expect(none.code).toBe(2);
    expect(none.err.join('\n')).toContain('need an election config (--config night.json)');
    const missing = await tally(folder.dir, ['convert', 'hoc-csv', 'nope.csv', '--config', 'night.json']);
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toBe('tally convert: nope.csv: no such file or folder');
  });
});

describe('tally publish --once and tally rollback', () => {
  beforeEach(() => writeJson(join(folder.dir, 'night.json'), HOC_CONFIG));
  const publishOnce = () =>
    tally(folder.dir, [
      'publish',
      'hoc-csv',
      '--watch',
      'results.csv',
      '--out',
      'out',
      '--config',
      'night.json',
      '--once',
    ]);
  const published = () => {
    const result = parseFeed(readFileSync(join(folder.dir, 'out/ge-test.json'), 'utf8'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.feed;
  };

  it('publishes, then does nothing for the same results, then publishes a correction as the next revision', async () => {
    writeFileSync(join(folder.dir, 'results.csv'), hocCsv(CONSTITUENCIES.slice(0, 2)));
    const first = await publishOnce();
    expect(first.code).toBe(0);
    expect(first.out).toHaveLength(1);
    expect(first.out[0]).toMatch(
      /^r1 {2}\d\d:\d\d:\d\d {2}2\/2 declared {2}first publication; 2 declared \(Alpha, Beta\)/,
    );

    const same = await publishOnce();
    expect(same.code).toBe(0);
    expect(same.out).toEqual([]);
    expect(same.err).toContain(`continuing from revision 1 of ${join(folder.dir, 'out/ge-test.json')}`);

    writeFileSync(join(folder.dir, 'results.csv'), hocCsv(CONSTITUENCIES));
    const more = await publishOnce();
    expect(more.out[0]).toMatch(/^r2 .* 3\/3 declared {2}1 declared \(Gamma\); 1 change of control/);
    expect(published().events!.map((event) => event.id)).toEqual([
      'declared:E14000001',
      'declared:E14000002',
      'declared:E14000003',
    ]);

    const list = await tally(folder.dir, ['rollback', '--out', 'out', '--list']);
    expect(list.out[0]).toBe('ge-test: 2 revisions kept (1–2); published now: revision 2');

    const back = await tally(folder.dir, ['rollback', '--out', 'out', '--to', '1']);
    expect(back.code).toBe(0);
    expect(back.out[0]).toMatch(/^r3 .* 2\/2 declared .*\(revision 1 republished\)$/);
    const feed = published();
    expect(feed.meta.revision).toBe(3);
    expect(feed.areas.map((area) => area.id)).toEqual(['E14000001', 'E14000002']);

    const nothing = await tally(folder.dir, ['rollback', '--out', 'out', '--to', '3']);
    expect(nothing.out[0]).toBe('revision 3 is the one published now: nothing to do.');
    const unknown = await tally(folder.dir, ['rollback', '--out', 'out', '--to', '9']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toEqual([
      `tally rollback: there is no revision 9 of 'ge-test' in ${join(folder.dir, 'out/history/ge-test')}`,
      '  Revisions kept: 1–3.',
    ]);
  });

  it('keeps the last good feed when the source breaks, and says where, exit 1', async () => {
    writeFileSync(join(folder.dir, 'results.csv'), hocCsv(CONSTITUENCIES));
    await publishOnce();
    const good = readFileSync(join(folder.dir, 'out/ge-test.json'), 'utf8');
    writeFileSync(join(folder.dir, 'results.csv'), hocCsv(CONSTITUENCIES).replace('20000', '20k00'));
    const broken = await publishOnce();
    expect(broken.code).toBe(1);
    expect(broken.err.join('\n')).toMatch(
      /not published: the source has problems; revision 1 stays published\n {2}.*results\.csv line 2: .*"20k00" is not a number/,
    );
    expect(readFileSync(join(folder.dir, 'out/ge-test.json'), 'utf8')).toBe(good);
  });

  it('exits 2 when a source URL answers 404, saying so, and publishes nothing', async () => {
    const server: Server = createServer((_request, response) => response.writeHead(404).end());
    const base = await listen(server, 0, '127.0.0.1');
    try {
      const run = await tally(folder.dir, [
        'publish',
        'hoc-csv',
        '--watch',
        `${base}results.csv`,
        '--out',
        'out',
        '--config',
        'night.json',
        '--once',
      ]);
      expect(run.code).toBe(2);
      expect(run.err.join('\n')).toMatch(
        /not published: the source could not be read; nothing is published yet\n {2}http:\/\/127\.0\.0\.1:\d+\/results\.csv: HTTP 404 Not Found — Check the address/,
      );
      expect(existsSync(join(folder.dir, 'out/ge-test.json'))).toBe(false);
    } finally {
      await close(server);
    }
  });

  it('exits 2 when the source is missing', async () => {
    const run = await publishOnce();
    expect(run.code).toBe(2);
    expect(run.err[0]).toBe('tally publish: results.csv: no such file or folder');
  });
});

describe('tally serve', () => {
  it('serves a folder until stopped, and refuses a missing one', async () => {
    writeFileSync(join(folder.dir, 'feed.json'), '{"format":"tally-feed/1"}');
    const { context, out, stop } = harness(folder.dir);
    const running = runCli(['serve', '.', '--port', '0', '--host', '127.0.0.1'], context);
    for (let i = 0; i < 200 && out.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    const url = /at (http:\S+)/.exec(out[0]!)![1]!;
    const response = await fetch(new URL('feed.json', url));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=5');
    stop();
    expect(await running).toBe(0);

    const missing = await tally(folder.dir, ['serve', 'nowhere']);
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toBe('tally serve: nowhere: no such folder');
  });
});
