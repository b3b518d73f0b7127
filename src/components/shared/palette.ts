/**
 * Party colours for one element: `--tally-party-<id>` from the host page's CSS first, then
 * the feed's colour, then the built-in default (a distinct fallback colour for a party the
 * palette does not know), each with a label colour that reads on it.
 */
import type { Feed } from '../../feed/schema.js';
import { textColourOn } from '../../theme/colour.js';
import {
  fallbackPartyColour,
  partyColourProperty,
  resolvePartyColour,
  type ThemeName,
} from '../../theme/party-colours.js';
import { feedIndex } from '../../feed/lookup.js';
import { rendersAsServer } from './server-render.js';

export interface PartyColour {
  /** Fill colour (any CSS colour). */
  readonly fill: string;
  /** Black or white, whichever contrasts more with the fill. */
  readonly text: string;
}

let canvasContext: CanvasRenderingContext2D | null | undefined;

/** Normalise any CSS colour to #rrggbb or rgba() through the canvas, for contrast maths. */
function normalise(colour: string): string {
  if (/^#|^rgb/i.test(colour)) return colour;
  if (canvasContext === undefined)
    canvasContext = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  if (!canvasContext) return colour;
  canvasContext.fillStyle = '#000000';
  canvasContext.fillStyle = colour;
  return String(canvasContext.fillStyle);
}

/** Resolve colours for `ids` (party ids and the reserved "noc", "other", "undeclared"). */
export function partyPalette(
  host: Element,
  feed: Feed | undefined,
  theme: ThemeName,
  ids: Iterable<string>,
): Map<string, PartyColour> {
  // The server (and the render that hydrates its markup) cannot see the page's CSS: feed and built-in colours.
  const style = rendersAsServer(host) ? undefined : getComputedStyle(host);
  const parties = feed ? feedIndex(feed).parties : new Map();
  const palette = new Map<string, PartyColour>();
  for (const id of ids) {
    if (palette.has(id)) continue;
    const fallback = feed ? fallbackPartyColour(feed, id) : undefined;
    const fill = resolvePartyColour(
      id,
      theme,
      parties.get(id),
      style?.getPropertyValue(partyColourProperty(id)) ?? '',
      fallback,
    );
    palette.set(id, { fill, text: textColourOn(normalise(fill)) });
  }
  return palette;
}
