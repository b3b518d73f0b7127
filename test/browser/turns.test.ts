/**
 * Widgets take turns on the main thread (src/feed/turns.ts, FeedController.turn): a large feed
 * reaching four widgets is not rendered in one task, `updateComplete` still covers every turn,
 * and updates that bring no feed (a reader's click) are never held back.
 *
 * Whether two updates ran in the same task is observed without any timing: at the first, a
 * message is posted; if it has been delivered by the second, a task ended in between (a task
 * runs to its end, microtasks included, before the next message is handled).
 *
 * How long work takes is not left to the machine either: `performance.now()`, which the turns
 * read, is a fake clock here, and each render "takes" a fixed time on it. So the outcome is the
 * same on a fast machine and on a loaded one. (How many tasks real renders take on a real
 * machine is a benchmark's question: `npm run bench` reports long tasks.)
 */
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import '../../src/components/seat-bar/register.js';
import '../../src/components/party-table/register.js';
import '../../src/components/council-list/register.js';
import '../../src/components/ticker/register.js';
import { SLICE_MS, spend } from '../../src/feed/turns.js';
import type { FeedInput } from '../../src/feed/schema.js';
import { allUpdated, mountWidgets, type Widget } from './helpers/widgets.js';

/** Marks taken at points in the code; `task` says how many tasks had ended before each. */
function taskMarks() {
  let ended = 0;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    ended += 1;
  };
  const marks: { name: string; task: number }[] = [];
  return {
    marks,
    mark(name: string): void {
      marks.push({ name, task: ended });
      channel.port2.postMessage(null);
    },
    close: () => channel.port1.close(),
  };
}

/**
 * `performance.now()` on a fake clock until `restore()`: time moves only when `advance` moves it,
 * so a render takes the time a test says, whatever the machine is doing.
 */
function fakePerformanceClock() {
  let time = 0;
  const own = Object.getOwnPropertyDescriptor(performance, 'now');
  Object.defineProperty(performance, 'now', { configurable: true, value: () => time });
  return {
    advance(ms: number): void {
      time += ms;
    },
    restore(): void {
      if (own) Object.defineProperty(performance, 'now', own);
      else delete (performance as { now?: unknown }).now;
    },
  };
}

/** Tally's own work (counted by the turns) that takes a little more than a slice. */
const busy = (clock: ReturnType<typeof fakePerformanceClock>) => spend(() => clock.advance(SLICE_MS + 4));

/** Each render of the widget takes `ms` on the fake clock. */
const rendersTake = (widget: Widget, clock: ReturnType<typeof fakePerformanceClock>, ms: number) =>
  watch(widget, { hostUpdate: () => clock.advance(ms) });

const watch = (widget: Widget, controller: ReactiveController) =>
  (widget as unknown as ReactiveControllerHost).addController(controller);
const withContent = (widget: Widget) =>
  (widget.shadowRoot?.querySelectorAll('.row, .item, tbody tr, .segment').length ?? 0) > 0;

describe('widgets take turns on the main thread', () => {
  let ge2019: FeedInput;
  before(async () => {
    ge2019 = await (await fetch('/test/fixtures/uk-general-2019.final.json')).json();
  });

  it('renders a 650-area feed reaching four widgets in more than one task; updateComplete waits for every turn', async () => {
    const tasks = taskMarks();
    // Before the widgets exist, so that nothing they did earlier counts against a slice.
    const clock = fakePerformanceClock();
    const { box, widgets } = mountWidgets({ width: '960px' });
    try {
      await allUpdated(widgets);
      // Each render takes 5 ms: two fit in a slice, the third waits for a task of its own.
      for (const widget of widgets) rendersTake(widget, clock, 5);
      for (const widget of widgets)
        watch(widget, { hostUpdated: () => withContent(widget) && tasks.mark(widget.localName) });
      for (const widget of widgets) widget.feed = ge2019;
      await allUpdated(widgets);
      expect(widgets.every(withContent), 'every widget shows the feed once updateComplete resolves').to.equal(true);
      const first = new Map<string, number>();
      for (const { name, task } of tasks.marks) if (!first.has(name)) first.set(name, task);
      expect([...first.keys()].sort()).to.deep.equal(widgets.map((widget) => widget.localName).sort());
      const turns = new Set(first.values());
      expect(
        turns.size,
        `tasks of the four first renders: ${[...first].map(([name, task]) => `${name} ${task}`).join(', ')}`,
      ).to.be.above(1);
    } finally {
      clock.restore();
      tasks.close();
      box.remove();
    }
  });

  it('holds a new feed for a task of its own once the task has spent its slice, but never a reader’s click', async () => {
    const tasks = taskMarks();
    const clock = fakePerformanceClock();
    const { box, widgets } = mountWidgets({ feed: ge2019, width: '960px' });
    const table = widgets.find((widget) => widget.localName === 'tally-party-table')!;
    try {
      await allUpdated(widgets);
      watch(table, { hostUpdated: () => tasks.mark('updated') });

      // A click after a busy stretch: sorting by another column is drawn in the same task.
      busy(clock);
      tasks.mark('busy');
      const header = table.shadowRoot!.querySelector<HTMLButtonElement>('th button.sort')!;
      header.click();
      await table.updateComplete;
      const click = tasks.marks.filter((mark) => mark.name === 'updated').at(-1)!;
      expect(click.task, 'the click’s update ran in the task of the click').to.equal(
        tasks.marks.find((mark) => mark.name === 'busy')!.task,
      );

      // A new feed after a busy stretch: drawn in a later task.
      const next = structuredClone(ge2019);
      next.meta.revision = (next.meta.revision ?? 0) + 1;
      busy(clock);
      tasks.mark('busy again');
      table.feed = next;
      await table.updateComplete;
      const feedUpdate = tasks.marks.filter((mark) => mark.name === 'updated').at(-1)!;
      expect(feedUpdate.task, 'the new feed waited for a task of its own').to.be.above(
        tasks.marks.find((mark) => mark.name === 'busy again')!.task,
      );
    } finally {
      clock.restore();
      tasks.close();
      box.remove();
    }
  });
});
