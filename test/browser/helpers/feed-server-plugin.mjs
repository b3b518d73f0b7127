/**
 * Web Test Runner plugin: lets a browser test start, script and stop feed test servers in Node
 * through server commands (`executeServerCommand`). The browser side is `feed-server.ts`.
 *
 * Commands (all payloads and results are JSON; a result is never null, which the runner would
 * take for "command not handled"):
 *   feed-server:start    {}                      → { id, origin }
 *   feed-server:route    { id, path, route }     → { url }
 *   feed-server:unroute  { id, path }            → true
 *   feed-server:hits     { id, path? }           → number (preflights left out)
 *   feed-server:requests { id, path? }           → RequestRecord[]
 *   feed-server:clear    { id }                  → true (forgets hits and requests)
 *   feed-server:stop     { id }                  → true
 *   feed-server:fixtures {}                      → string[] (files under test/fixtures/)
 *
 * Servers belong to the test session (one per test file and browser) that started them; a
 * session can only reach its own. Servers a test forgets to stop are closed when the runner stops.
 */
import { listFixtures, startFeedTestServer } from './feed-test-server.mjs';

const PREFIX = 'feed-server:';

export function feedServerPlugin() {
  /** id → { server, sessionId } */
  const servers = new Map();
  let nextId = 1;

  function serverFor(payload, session) {
    const entry = servers.get(payload?.id);
    if (!entry || entry.sessionId !== session.id)
      throw new Error(`feed test server ${JSON.stringify(payload?.id)} is not running in this test session`);
    return entry.server;
  }

  return {
    name: 'tally-feed-server',

    async executeCommand({ command, payload, session }) {
      if (!command.startsWith(PREFIX)) return undefined;
      switch (command.slice(PREFIX.length)) {
        case 'fixtures':
          return listFixtures();
        case 'start': {
          const server = await startFeedTestServer();
          const id = `feed-${nextId++}`;
          servers.set(id, { server, sessionId: session.id });
          return { id, origin: server.origin };
        }
        case 'route':
          return { url: await serverFor(payload, session).setRoute(payload.path, payload.route) };
        case 'unroute':
          serverFor(payload, session).removeRoute(payload.path);
          return true;
        case 'hits':
          return serverFor(payload, session).hits(payload.path ?? undefined);
        case 'requests':
          return serverFor(payload, session).requests(payload.path ?? undefined);
        case 'clear':
          serverFor(payload, session).clearLog();
          return true;
        case 'stop': {
          const server = serverFor(payload, session);
          servers.delete(payload.id);
          await server.close();
          return true;
        }
        default:
          throw new Error(`unknown command ${command}`);
      }
    },

    async serverStop() {
      const open = [...servers.values()];
      servers.clear();
      await Promise.all(open.map(({ server }) => server.close()));
    },
  };
}
