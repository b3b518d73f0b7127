/**
 * `tally serve`: a folder over HTTP the way a CDN serves it (see static-files.ts), for local
 * use, tests and small deployments. Plain `node:http`.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { HttpError, pathSegments, sendText, StaticFiles } from './static-files.js';

/** Seconds a CDN and browsers may keep a file before asking again; what feeds want. */
export const DEFAULT_MAX_AGE = 5;

/**
 * Cache-Control for a publisher's output folder: every file may change (the feed is re-written
 * in place), except the revisions kept under history/, which never do.
 */
export function folderCacheControl(maxAge: number): (relativePath: string) => string {
  return (relativePath) =>
    relativePath.startsWith('history/') ? 'public, max-age=31536000, immutable' : `public, max-age=${maxAge}`;
}

/**
 * A request listener around an async handler: an `HttpError` becomes its status and message,
 * anything else a 500 (logged), and a failure after the headers went out closes the connection.
 */
export function httpListener(
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
  logError: (message: string) => void,
): RequestListener {
  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof HttpError) {
        // Drain what the client sent so the connection can be reused.
        request.resume();
        sendText(response, error.status, error.message, error.headers);
        return;
      }
      logError(
        `${request.method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      sendText(response, 500, 'Internal server error.');
    });
  };
}

/** Start listening; resolves to the base URL ("http://localhost:8080/"). Port 0 picks a free port. */
export function listen(server: Server, port: number, host?: string): Promise<string> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const name =
        host && host !== '0.0.0.0' && host !== '::' ? (host.includes(':') ? `[${host}]` : host) : 'localhost';
      resolveListen(`http://${name}:${actualPort}/`);
    });
  });
}

/** Stop listening and drop open connections (keep-alive ones included). */
export function close(server: Server): Promise<void> {
  return new Promise((resolveClose) => {
    server.close(() => resolveClose());
    server.closeAllConnections();
  });
}

export interface FolderServerOptions {
  readonly root: string;
  /** Cache-Control max-age for everything but history/ (seconds). Default 5. */
  readonly maxAge?: number;
  /** One line per request, when given. */
  readonly log?: (line: string) => void;
  readonly logError?: (message: string) => void;
}

export interface FolderServer {
  readonly server: Server;
  readonly files: StaticFiles;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export function createFolderServer(options: FolderServerOptions): FolderServer {
  const files = new StaticFiles({
    root: options.root,
    cacheControl: folderCacheControl(options.maxAge ?? DEFAULT_MAX_AGE),
    emptyRootHint: 'This server serves files by name (e.g. /<election-id>.json); it lists no folders.',
  });
  const log = options.log;
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    if (log) {
      response.once('finish', () => {
        const coding = response.getHeader('content-encoding');
        log(
          `${request.method} ${request.url} ${response.statusCode}${coding ? ` ${String(coding)}` : ''} ${response.getHeader('content-length') ?? 0} bytes ${Math.round(performance.now() - started)} ms`,
        );
      });
    }
    await files.serve(request, response, pathSegments(request.url));
  };
  const server = createServer(httpListener(handle, options.logError ?? ((message) => console.error(message))));
  return {
    server,
    files,
    listen: (port, host) => listen(server, port, host),
    close: () => close(server),
  };
}
