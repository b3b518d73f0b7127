/**
 * Shared pieces of the readers-first tests (a11y-*.test.ts): feeds, a small map layout for the
 * fixture councils, mounting a widget, settling it, and reaching into shadow roots.
 */
import '../../../src/components/seat-bar/register.js';
import '../../../src/components/party-table/register.js';
import '../../../src/components/council-list/register.js';
import '../../../src/components/ticker/register.js';
import '../../../src/components/area-result/register.js';
import type { FeedInput } from '../../../src/feed/schema.js';

export const TAGS = [
  'tally-seat-bar',
  'tally-party-table',
  'tally-council-list',
  'tally-ticker',
  'tally-area-result',
] as const;
export type Tag = (typeof TAGS)[number];
export type Widget = HTMLElement & { feed: unknown; src: string | undefined; updateComplete: Promise<boolean> };

export const DISTRICTS = '/demo/data/hexjson/uk-local-authority-districts.hexjson';

/** The four fixture councils on a small map, and one hex with no election. */
export const SMALL_LAYOUT = {
  layout: 'odd-r',
  hexes: {
    X07000801: { q: 0, r: 0 },
    X07000802: { q: 1, r: 0 },
    X07000803: { q: 0, r: 1 },
    X07000804: { q: 1, r: 1 },
    Z: { q: 2, r: 1, n: 'Zeal' },
  },
};

export const fixtureFeed = async (name: string): Promise<FeedInput> => (await fetch(`/test/fixtures/${name}`)).json();

/** local-small as real (not test) data at `revision`, with the councils after `declared` still counting. */
export async function smallFeed(revision: number, declared = 4): Promise<FeedInput> {
  const feed = await fixtureFeed('local-small.json');
  feed.meta.test = false;
  feed.meta.revision = revision;
  for (const area of feed.areas.slice(declared)) {
    area.status = 'counting';
    delete area.results;
    delete area.declaredAt;
    if (area.control) delete area.control.after;
  }
  return feed;
}

export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rendered, measured and rendered again. */
export async function settled(el: Widget): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    await el.updateComplete;
    await nextFrame();
  }
}

export const shadow = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const shadowAll = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

/** The focused element, through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A widget in a box of `width`, with attributes and a feed; removed by `cleanup`. */
export async function mount(
  tag: Tag,
  options: {
    feed?: unknown;
    attributes?: Record<string, string>;
    width?: string;
    parent?: HTMLElement;
    layout?: unknown;
  } = {},
): Promise<Widget> {
  const el = document.createElement(tag) as Widget;
  for (const [name, value] of Object.entries(options.attributes ?? {})) el.setAttribute(name, value);
  if (options.layout !== undefined) (el as unknown as { layout: unknown }).layout = options.layout;
  if (options.feed !== undefined) el.feed = options.feed;
  const box = document.createElement('div');
  box.className = 'a11y-box';
  if (options.width) box.style.width = options.width;
  box.append(el);
  (options.parent ?? document.body).append(box);
  mounted.push(box);
  await settled(el);
  return el;
}

const mounted: HTMLElement[] = [];

/** Remove everything `mount` added. */
export function cleanup(): void {
  for (const box of mounted.splice(0)) box.remove();
}
