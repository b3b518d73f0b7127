/**
 * All four Tally widgets on one page, and what the hardening tests look at in them: the
 * content a reader sees (status line apart), the status line, and anything that should never
 * be there (uncaught errors, unhandled rejections, injected markup).
 */
import '../../../src/components/seat-bar/register.js';
import '../../../src/components/party-table/register.js';
import '../../../src/components/council-list/register.js';
import '../../../src/components/ticker/register.js';
import { releaseIdleFeedSources } from '../../../src/feed/registry.js';
import { readable } from './text.js';

export { readable };

export const WIDGET_TAGS = ['tally-seat-bar', 'tally-party-table', 'tally-council-list', 'tally-ticker'] as const;
export type WidgetTag = (typeof WIDGET_TAGS)[number];

export type Widget = HTMLElement & {
  updateComplete: Promise<boolean>;
  feed: unknown;
  src: string | undefined;
  interval: number | undefined;
};

/** Add one of each widget to `parent` (the body by default); `src` or `feed` for all four. */
export function mountWidgets(
  options: { src?: string; feed?: unknown; interval?: number; parent?: HTMLElement; width?: string } = {},
): { box: HTMLElement; widgets: Widget[] } {
  const box = document.createElement('div');
  box.style.width = options.width ?? '720px';
  for (const tag of WIDGET_TAGS) {
    const widget = document.createElement(tag) as Widget;
    if (options.interval !== undefined) widget.setAttribute('interval', String(options.interval));
    if (options.src !== undefined) widget.setAttribute('src', options.src);
    if (options.feed !== undefined) widget.feed = options.feed;
    box.append(widget);
  }
  (options.parent ?? document.body).append(box);
  return { box, widgets: [...box.children] as Widget[] };
}

export async function allUpdated(widgets: readonly Widget[]): Promise<void> {
  // Twice: a widget may ask for one more update from `updated` (measured widths, focus).
  for (let round = 0; round < 2; round += 1) await Promise.all(widgets.map((widget) => widget.updateComplete));
}

/**
 * Every update done and the page drawn: what the widgets measure after layout (chart widths,
 * whether the strip overflows) is measured, and the updates it asks for are done too. For a
 * before-and-after comparison whose "before" must be what a reader sees, not a first draft.
 */
export async function settled(widgets: readonly Widget[]): Promise<void> {
  await allUpdated(widgets);
  for (let frame = 0; frame < 2; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
  await allUpdated(widgets);
}

/** What a reader sees in a widget, without the status line and its details (whitespace collapsed). */
export function contentText(widget: Element): string {
  const frame = widget.shadowRoot?.querySelector('.frame');
  if (!frame) return '';
  const copy = frame.cloneNode(true) as Element;
  for (const status of copy.querySelectorAll('.status, .status + .error-detail')) status.remove();
  return readable(copy.textContent ?? '');
}

/** The status line: `{ kind, text }`, or undefined when there is none. */
export function statusLine(widget: Element): { kind: string; text: string } | undefined {
  const status = widget.shadowRoot?.querySelector<HTMLElement>('.status');
  if (!status) return undefined;
  // Its parts are spaced by CSS (a flex gap), not by spaces in the text.
  const parts =
    status.children.length > 0
      ? [...status.children].map((part) => part.textContent ?? '')
      : [status.textContent ?? ''];
  return { kind: status.dataset.kind ?? '', text: parts.join(' ').replace(/\s+/g, ' ').trim() };
}

/**
 * What a failure says: the reader's sentence (the notice, or the status line when results
 * stay), and the technical reason in the closed "Details for developers" beside it.
 */
export function failure(widget: Element): {
  notice: string | undefined;
  detail: string | undefined;
  detailOpen: boolean;
} {
  const root = widget.shadowRoot;
  const notice = root?.querySelector('.notice[data-kind="failed"] .notice-text')?.textContent?.trim();
  const details = root?.querySelector<HTMLDetailsElement>('details[part~="error-detail"]');
  return { notice, detail: details?.querySelector('code')?.textContent?.trim(), detailOpen: details?.open ?? false };
}

/** True when a widget shows a loading skeleton or a failure notice instead of results. */
export function showsPlaceholder(widget: Element): boolean {
  return Boolean(widget.shadowRoot?.querySelector('.skeleton, .notice[data-kind="failed"]'));
}

/**
 * Records uncaught errors and unhandled promise rejections on the page until `stop()`.
 * (A ResizeObserver loop notice is a browser report about layout, not a script error; it is kept
 * apart so a test can decide about it.)
 */
export function watchPageErrors(): { errors: string[]; resizeLoops: number; stop(): void } {
  const record = { errors: [] as string[], resizeLoops: 0, stop: () => {} };
  const onError = (event: ErrorEvent) => {
    if (/ResizeObserver loop/.test(event.message)) record.resizeLoops += 1;
    else record.errors.push(`error: ${event.message}`);
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    const reason =
      event.reason instanceof Error ? `${event.reason.name}: ${event.reason.message}` : String(event.reason);
    record.errors.push(`unhandled rejection: ${reason}`);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  record.stop = () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  };
  return record;
}

/** Captures console.warn / console.error / console.info lines until `restore()`. */
export function captureConsole(): { warn: string[]; error: string[]; info: string[]; restore(): void } {
  const captured = { warn: [] as string[], error: [] as string[], info: [] as string[], restore: () => {} };
  const originals = { warn: console.warn, error: console.error, info: console.info };
  for (const level of ['warn', 'error', 'info'] as const) {
    console[level] = (...args: unknown[]) => captured[level].push(args.map(String).join(' '));
  }
  captured.restore = () => Object.assign(console, originals);
  return captured;
}

/**
 * Wait until `predicate()` holds, checking every `interval` ms, or fail after `timeout` ms.
 * Unlike open-wc's waitUntil it clears its own timer when it succeeds, so nothing the
 * predicate refers to (widgets, feeds) is kept alive afterwards: memory tests need that.
 */
export function until(
  predicate: () => boolean,
  message: string,
  { timeout = 10_000, interval = 5 } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const check = () => {
      if (predicate()) resolve();
      else if (performance.now() - started > timeout) reject(new Error(`Timeout: ${message}`));
      else setTimeout(check, interval);
    };
    check();
  });
}

/**
 * For a `describe`: what a test puts on the page (`onPage.box = …`) is removed after it, the
 * page's uncaught errors and unhandled rejections are recorded meanwhile (`onPage.errors`), and
 * feed sources nobody uses any more are forgotten.
 */
export function useTestPage(): { box: Element | undefined; readonly errors: string[] } {
  let watcher: ReturnType<typeof watchPageErrors> | undefined;
  const state = {
    box: undefined as Element | undefined,
    get errors(): string[] {
      return watcher?.errors ?? [];
    },
  };
  beforeEach(() => {
    watcher = watchPageErrors();
  });
  afterEach(() => {
    state.box?.remove();
    state.box = undefined;
    watcher?.stop();
    releaseIdleFeedSources();
  });
  return state;
}

/**
 * The text of `element` in the order a reader sees it: every character that draws something,
 * placed by where the browser drew it, line by line, left to right.
 */
export function visualText(element: Element): string {
  const glyphs: { ch: string; left: number; top: number }[] = [];
  const range = document.createRange();
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width > 0 && rect.height > 0)
          glyphs.push({ ch: text[i]!, left: rect.left, top: Math.round(rect.top + rect.height / 2) });
      }
      return;
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(element);
  const lines = new Map<number, typeof glyphs>();
  for (const glyph of glyphs) {
    const key = [...lines.keys()].find((top) => Math.abs(top - glyph.top) <= 4) ?? glyph.top;
    lines.set(key, [...(lines.get(key) ?? []), glyph]);
  }
  return [...lines.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, line]) =>
      line
        .sort((a, b) => a.left - b.left)
        .map((glyph) => glyph.ch)
        .join(''),
    )
    .join('\n')
    .replace(/\s+/g, ' ')
    .trim();
}
