/**
 * The benchmark's web server (127.0.0.1, a free port): the bench page and its scripts, the
 * production bundle under test, every dataset's feeds, layout and baseline configuration, and
 * for the network scenario a feed served as a CDN serves it (ETag, conditional GET, 304),
 * with every request to it recorded.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedDataset {
  readonly before: string;
  readonly after: string;
  readonly layout: string;
  /** JSON for the baseline: palette and CSS. */
  readonly config: string;
}

export interface NetworkRequest {
  readonly path: string;
  readonly at: number;
  readonly status: number;
  readonly conditional: boolean;
}

export interface BenchServer {
  readonly origin: string;
  /** Requests to /net/ since the last `clearNetwork`. */
  readonly network: NetworkRequest[];
  clearNetwork(): void;
  close(): Promise<void>;
}

const PAGE_FILES: Record<string, string> = {
  '/page.html': 'page/bench.html',
  '/harness.js': 'page/harness.js',
  '/baseline.js': 'page/baseline.js',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};
const typeOf = (path: string) => TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';

/**
 * `files`: the script-tag build (dist/tally.js and its chunks/), by file name, served from the
 * root as a CDN would serve dist/.
 */
export async function startBenchServer(options: {
  files: ReadonlyMap<string, string | Uint8Array>;
  datasets: ReadonlyMap<string, ServedDataset>;
  variants?: ReadonlyMap<string, string>;
}): Promise<BenchServer> {
  const network: NetworkRequest[] = [];
  const send = (
    response: ServerResponse,
    status: number,
    body: string | Uint8Array,
    type: string,
    headers: Record<string, string> = {},
  ) => {
    response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
    response.end(body);
  };

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = PAGE_FILES[path];
    if (file) return send(response, 200, await readFile(new URL(file, import.meta.url), 'utf8'), typeOf(file));
    const built = options.files.get(path.slice(1));
    if (built !== undefined) return send(response, 200, built, typeOf(path));
    // Other builds to compare with (experiments): /variant/<name>.js.
    const variant = /^\/variant\/([\w-]+)\.js$/.exec(path);
    if (variant && options.variants?.has(variant[1]!))
      return send(response, 200, options.variants.get(variant[1]!)!, typeOf(path));
    if (path === '/favicon.ico') return send(response, 204, '', 'image/x-icon');
    const data = /^\/data\/([\w-]+)\/(before|after|layout|config)\.json$/.exec(path);
    if (data) {
      const dataset = options.datasets.get(data[1]!);
      if (!dataset) return send(response, 404, 'no such dataset', 'text/plain');
      return send(response, 200, dataset[data[2] as keyof ServedDataset], typeOf(path));
    }
    const feed = /^\/net\/([\w-]+)\.json$/.exec(path);
    if (feed) {
      const dataset = options.datasets.get(feed[1]!);
      if (!dataset) return send(response, 404, 'no such dataset', 'text/plain');
      // As a CDN serves a feed: a strong ETag, revalidate every time, 304 when unchanged.
      const etag = `"${createHash('sha1').update(dataset.after).digest('hex').slice(0, 16)}"`;
      const conditional = request.headers['if-none-match'] !== undefined;
      const status = request.headers['if-none-match'] === etag ? 304 : 200;
      network.push({ path, at: Date.now(), status, conditional });
      const headers = {
        'Content-Type': typeOf(path),
        ETag: etag,
        'Cache-Control': 'public, max-age=0, must-revalidate',
      };
      response.writeHead(status, headers);
      return response.end(status === 304 ? undefined : dataset.after);
    }
    return send(response, 404, 'not found', 'text/plain');
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, String(error), 'text/plain'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    network,
    clearNetwork: () => void network.splice(0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
