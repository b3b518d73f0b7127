/**
 * The in-page half of `npm run bench` (bench/browser.ts drives it through puppeteer).
 *
 * It stands between the widgets and the network and the clock, so that each step starts at a
 * known instant: the feed request is held until the harness answers it with a body already in
 * memory ("feed arrival", with no network time in the figure), and the poll timer is held until
 * the harness fires it (no five-second waits). Both Tally and the vanilla baseline poll through
 * the same `fetch` and `setTimeout`, so they are measured the same way.
 *
 * A step ends at the first frame painted after every widget has rendered what arrived: the
 * harness waits for each widget to say it is done, then for a requestAnimationFrame callback and
 * a task after it (the frame's style, layout and paint run between the two).
 */
(() => {
  'use strict';

  /** The poll interval every widget is given (seconds); its timer is recognised by this delay. */
  const POLL_SECONDS = 17;
  const POLL_MS = POLL_SECONDS * 1000;
  const FEED_PATH = '/bench-feed/';

  const realFetch = window.fetch.bind(window);
  const realSetTimeout = window.setTimeout.bind(window);
  const realClearTimeout = window.clearTimeout.bind(window);

  // ---------------------------------------------------------------- the clock: poll timers wait for the harness
  const heldTimers = new Map();
  let nextTimerId = 1_000_000_000;
  window.setTimeout = (callback, ms, ...args) => {
    if (ms === POLL_MS && typeof callback === 'function') {
      const id = nextTimerId++;
      heldTimers.set(id, () => callback(...args));
      return id;
    }
    return realSetTimeout(callback, ms, ...args);
  };
  window.clearTimeout = (id) => {
    if (!heldTimers.delete(id)) realClearTimeout(id);
  };
  /** Fire every held poll timer: one per feed source (or per baseline widget). Returns how many. */
  function firePolls() {
    const due = [...heldTimers.values()];
    heldTimers.clear();
    for (const run of due) run();
    return due.length;
  }

  // ---------------------------------------------------------------- the network: feed requests wait for the harness
  let waiting = [];
  let requestCount = 0;
  const requestListeners = new Set();
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes(FEED_PATH)) return realFetch(input, init);
    requestCount += 1;
    return new Promise((resolve, reject) => {
      waiting.push({ url, resolve, reject, signal: init?.signal });
      for (const listener of requestListeners) listener();
    });
  };
  function nextRequest(count = 1) {
    if (waiting.length >= count) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (waiting.length >= count) {
          requestListeners.delete(check);
          resolve();
        }
      };
      requestListeners.add(check);
    });
  }
  /**
   * Answer every waiting feed request. The responses are made first (copying a large body into
   * a Response takes milliseconds that are no widget's), then `start` is called, then they are
   * handed over: what follows is the widgets' work.
   */
  function respond(answer, start = () => {}) {
    const now = waiting;
    waiting = [];
    const responses = now.map(() =>
      answer.status === 304
        ? new Response(null, { status: 304 })
        : new Response(answer.body, {
            status: 200,
            headers: {
              'Content-Type': 'application/json; charset=utf-8',
              ...(answer.etag ? { ETag: answer.etag } : {}),
            },
          }),
    );
    start();
    now.forEach((request, i) => request.resolve(responses[i]));
    return now.length;
  }

  // ---------------------------------------------------------------- frames and long tasks
  /** The first frame from now: resolves in a task after its requestAnimationFrame callbacks, style, layout and paint. */
  function painted() {
    return new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      }),
    );
  }

  /** What counts as a widget showing results: a row, a ticker line, a bar segment, a table row. */
  const CONTENT = 'li.row, li.item, .segment, tbody tr';

  /**
   * The end of the first frame painted with results in every widget: checked in each frame's
   * animation callbacks (what is in the DOM then is what the frame paints), resolved in the task
   * after that frame, as `painted` is.
   */
  function contentPainted() {
    const roots = () => widgets.map((widget) => (kind === 'tally' ? widget.shadowRoot : widget.root));
    return new Promise((resolve) => {
      const check = () => {
        if (roots().every((root) => root?.querySelector(CONTENT))) {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(0);
        } else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  }

  /** A user-timing mark, so a trace of the step can be cut to exactly this window. */
  function mark(name, at = performance.now()) {
    performance.mark(`bench:${name}`, { startTime: at });
    return at;
  }

  let longTasks = [];
  if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
    new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe({
      type: 'longtask',
    });
  }

  // ---------------------------------------------------------------- setting up a scenario
  const data = {};
  let widgets = [];
  let kind;
  let run = 0;

  async function loadData(dataset) {
    const get = async (name) => {
      const response = await realFetch(`/data/${dataset}/${name}`);
      if (!response.ok) throw new Error(`/data/${dataset}/${name}: HTTP ${response.status}`);
      return response.text();
    };
    const [before, after, layout, config] = await Promise.all([
      get('before.json'),
      get('after.json'),
      get('layout.json'),
      get('config.json'),
    ]);
    Object.assign(data, { before, after, layout: JSON.parse(layout), config: JSON.parse(config) });
  }

  function loadModule(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(script);
    });
  }

  function loadClassic(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(script);
    });
  }

  const TAGS = {
    'seat-bar': 'tally-seat-bar',
    'party-table': 'tally-party-table',
    'council-list': 'tally-council-list',
    ticker: 'tally-ticker',
  };

  /**
   * Put the widgets on the page, waiting for their first feed request: `implementation` is
   * `tally` (dist/tally.js) or `baseline` (bench/page/baseline.js).
   */
  async function setup({ implementation, dataset, names, bundle = '/tally.js' }) {
    kind = implementation;
    run += 1;
    await loadData(dataset);
    const stage = document.getElementById('stage');
    const src = `${FEED_PATH}${dataset}/${run}.json`;
    if (implementation === 'tally') {
      await loadModule(bundle);
      // The loader fetches an element's code when one appears: put them on the page, then wait.
      widgets = names.map((name) => {
        const element = document.createElement(TAGS[name]);
        element.setAttribute('src', src);
        element.setAttribute('interval', String(POLL_SECONDS));
        if (name === 'council-list') element.layout = data.layout;
        stage.append(element);
        return element;
      });
      await Promise.all(names.map((name) => customElements.whenDefined(TAGS[name])));
    } else {
      await loadClassic('/baseline.js');
      widgets = names.map((name) => {
        const host = document.createElement('div');
        stage.append(host);
        return window.baseline.create(name, host, {
          src,
          interval: POLL_SECONDS,
          layout: data.layout,
          config: data.config,
        });
      });
    }
    // Tally shares one request between its widgets; each baseline widget makes its own.
    await nextRequest(implementation === 'tally' ? 1 : widgets.length);
    await painted();
    await painted();
    return { requests: waiting.length };
  }

  /** Resolves when every widget has rendered the feed that was just answered. */
  function rendered() {
    if (kind === 'tally') {
      return Promise.all(
        widgets.map(
          (element) =>
            new Promise((resolve) => {
              element.addEventListener(
                'tally-feed-update',
                async () => {
                  // Lit renders in a microtask after the update is requested; wait for it.
                  while (!(await element.updateComplete));
                  resolve();
                },
                { once: true },
              );
            }),
        ),
      );
    }
    return Promise.all(widgets.map((widget) => widget.nextRender()));
  }

  async function measured(step) {
    longTasks = [];
    const result = await step();
    await painted();
    const tasks = longTasks;
    return { ...result, longTasks: tasks.length, longestTask: tasks.length ? Math.max(...tasks) : 0 };
  }

  /**
   * Feed arrival to painted frame, for the first feed; and to the first frame painted with
   * results in every widget (sooner, for a widget that renders a long list in portions).
   */
  function firstRender() {
    return measured(async () => {
      const done = rendered();
      let start;
      const content = contentPainted();
      const answered = respond({ body: data.before, etag: '"before"' }, () => (start = mark('start')));
      await done;
      const end = mark('end', await painted());
      // By the last frame every widget shows results, unless one shows none at all.
      const contentAt = await Promise.race([content, painted().then(() => Number.NaN)]);
      return { ms: end - start, firstContent: contentAt - start, answered };
    });
  }

  /** The next poll brings ten new declarations. */
  function update() {
    return measured(async () => {
      const fired = firePolls();
      await nextRequest(kind === 'tally' ? 1 : widgets.length);
      const done = rendered();
      let start;
      const answered = respond({ body: data.after, etag: '"after"' }, () => (start = mark('start')));
      await done;
      const end = mark('end', await painted());
      return { ms: end - start, answered, fired };
    });
  }

  /**
   * The next poll brings the same feed: `304` (what a CDN answers a conditional request), or
   * `same-body` (a 200 with the same text and no ETag: the most work an unchanged feed can cost).
   * Nothing should render: the figure that matters is the script time (measured outside, through
   * the DevTools protocol); `ms` is only until the next painted frame.
   */
  function unchanged(how) {
    return measured(async () => {
      const fired = firePolls();
      await nextRequest(kind === 'tally' ? 1 : widgets.length);
      let start;
      const answered = respond(how === '304' ? { status: 304 } : { body: data.after }, () => (start = mark('start')));
      // Long enough for the body to be read and compared.
      await painted();
      const end = mark('end', await painted());
      return { ms: end - start, answered, fired };
    });
  }

  // ---------------------------------------------------------------- what is on screen, to compare Tally with the baseline
  const text = (node) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

  function snapshot() {
    const roots = widgets.map((widget) => (kind === 'tally' ? widget.shadowRoot : widget.root));
    const out = { rows: [], hexes: [], tickerItems: [] };
    for (const root of roots) {
      for (const row of root.querySelectorAll('li.row'))
        out.rows.push(`${row.dataset.id}|${row.dataset.kind}|${text(row.querySelector('.row-button'))}`);
      for (const hex of root.querySelectorAll('g.hex')) {
        const fill = hex.querySelector('polygon.fill');
        out.hexes.push(
          [
            hex.dataset.id,
            hex.dataset.kind,
            hex.getAttribute('aria-label') ?? '',
            fill?.getAttribute('points'),
            fill?.getAttribute('fill') ?? '',
            hex.querySelector('polygon.ring') ? 'ring' : '',
            hex.querySelector('polygon.pattern') ? 'pattern' : '',
          ].join('|'),
        );
      }
      for (const item of root.querySelectorAll('li.item')) out.tickerItems.push(`${item.dataset.kind}|${text(item)}`);
    }
    return out;
  }

  window.bench = { setup, firstRender, update, unchanged, snapshot, firePolls, requests: () => requestCount, painted };
})();
