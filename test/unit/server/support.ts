/** A hand-made night and a demo server on an ephemeral port, driven by a fake clock. */
import { request as httpRequest } from 'node:http';
import type { FeedInput, Feed } from '../../../src/feed/schema.js';
import { assertFeed } from '../../../src/feed/validate.js';
import { createDemoServer, type DemoServer, type DemoServerOptions } from '../../../demo/server/app.js';
import type { ReplayNight } from '../../../demo/server/replay.js';

export const NIGHT_START = Date.parse('2018-05-03T22:00:00Z');
export const NIGHT_END = Date.parse('2018-05-04T04:00:00Z');
/** Councils declare one an hour from 23:00. */
export const DECLARATIONS = [1, 2, 3].map((hour) => NIGHT_START + hour * 3_600_000);

/** A night of three councils; its own revision goes back to 1 at every start, like a replay's. */
export function smallNight(): ReplayNight {
  const at = (time: number): Feed => {
    const declared = DECLARATIONS.filter((when) => when <= time).length;
    const input: FeedInput = {
      format: 'tally-feed/1',
      meta: {
        election: { id: 'small', title: 'Small night', date: '2018-05-03', kind: 'local', areaType: 'council' },
        revision: declared + 1,
        generatedAt: new Date(time).toISOString(),
        dataChangedAt: new Date(time).toISOString(),
      },
      parties: [
        { id: 'con', name: 'Conservatives', shortName: 'Con' },
        { id: 'lab', name: 'Labour', shortName: 'Lab' },
      ],
      areas: ['E1', 'E2', 'E3'].map((id, index) =>
        index < declared
          ? {
              id,
              name: `Council ${index + 1}`,
              status: 'declared' as const,
              declaredAt: new Date(DECLARATIONS[index]!).toISOString(),
              control: { before: 'lab', after: 'con' },
            }
          : { id, name: `Council ${index + 1}`, status: 'awaiting' as const },
      ),
    };
    return assertFeed(input);
  };
  return { id: 'small', title: 'Small night', start: NIGHT_START, end: NIGHT_END, final: at(NIGHT_END), at };
}

export interface TestServer {
  demo: DemoServer;
  base: string;
  /** Real time as the server sees it. */
  clock: { now: number };
  advance(ms: number): void;
  get(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** Start a demo server with a fake clock; 6 hours of night replay in 6 real minutes (speed 60). */
export async function startTestServer(
  options: { staticDir?: string; nights?: ReplayNight[]; serverRendered?: DemoServerOptions['serverRendered'] } = {},
): Promise<TestServer> {
  const clock = { now: Date.parse('2026-01-01T12:00:00.250Z') };
  const demo = createDemoServer({
    nights: options.nights ?? [smallNight()],
    staticDir: options.staticDir,
    replayMinutes: 6,
    now: () => clock.now,
    logError: () => {},
    ...(options.serverRendered ? { serverRendered: options.serverRendered } : {}),
  });
  const base = await demo.listen(0, '127.0.0.1');
  return {
    demo,
    base,
    clock,
    advance: (ms) => void (clock.now += ms),
    get: (path, init) => fetch(new URL(path, base), init),
    close: () => demo.close(),
  };
}

/** A raw request, for paths fetch would normalise ("/../x") and for methods it refuses. */
export function rawRequest(
  base: string,
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
