/**
 * Look-ups in a feed: parties and areas by id (built once per immutable feed), and who
 * controls an area after its declaration. Facts of the feed contract, no words and no view.
 */
import type { Area, Feed, Party } from './schema.js';

const indexCache = new WeakMap<Feed, { parties: Map<string, Party>; areas: Map<string, Area> }>();

/** Maps from id to party and area, cached per (immutable) feed. */
export function feedIndex(feed: Feed): { parties: Map<string, Party>; areas: Map<string, Area> } {
  let index = indexCache.get(feed);
  if (!index) {
    index = {
      parties: new Map(feed.parties.map((party) => [party.id, party])),
      areas: new Map(feed.areas.map((area) => [area.id, area])),
    };
    indexCache.set(feed, index);
  }
  return index;
}

/** Control after a declaration: a party id, "noc", or undefined when unknown. */
export function controlAfter(area: Area): string | undefined {
  return area.control?.after ?? area.winner;
}
