import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoNights } from '../../../demo/feeds/index.js';
import { validateFeed } from '../../../src/feed/validate.js';
import { startTestServer, type TestServer } from './support.js';

describe('demo server with the real demo nights', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ nights: loadDemoNights() });
  });
  afterAll(() => server.close());

  it('serves both nights, live and final, as valid feeds with rising revisions as the night goes on', async () => {
    const ids = [...server.demo.replays.keys()].sort();
    expect(ids).toEqual(['uk-general-2019', 'uk-local-2018']);
    const revisions = new Map<string, number[]>();
    const declared = new Map<string, number[]>();
    // The test server replays a night in 6 real minutes: look at it every 90 seconds.
    for (let step = 0; step < 5; step += 1) {
      for (const id of ids) {
        const response = await server.get(`/feeds/${id}.json`);
        expect(response.status).toBe(200);
        const result = validateFeed(await response.json());
        expect(result.ok, `${id} at step ${step}: ${JSON.stringify(!result.ok && result.errors.slice(0, 3))}`).toBe(
          true,
        );
        if (!result.ok) continue;
        revisions.set(id, [...(revisions.get(id) ?? []), result.feed.meta.revision]);
        declared.set(id, [
          ...(declared.get(id) ?? []),
          result.feed.areas.filter((area) => area.status === 'declared').length,
        ]);
      }
      server.advance(90_000);
    }
    for (const id of ids) {
      const seen = revisions.get(id)!;
      for (let index = 1; index < seen.length; index += 1) expect(seen[index]).toBeGreaterThan(seen[index - 1]!);
      const counts = declared.get(id)!;
      expect(counts[0]).toBe(0);
      expect(counts.at(-1)).toBe(
        server.demo.replays.get(id)!.night.final.areas.filter((area) => area.status === 'declared').length,
      );

      const final = await server.get(`/feeds/${id}.final.json`);
      expect(validateFeed(await final.json()).ok).toBe(true);
    }
  });
});
