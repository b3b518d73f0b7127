/**
 * The benchmark's baseline: hand-written vanilla DOM versions of the council list (map and list)
 * and the ticker that put the same rows, hexes and text on screen as Tally for the benchmark's
 * feeds (British English, single-seat areas), inside a shadow root styled by the very same CSS
 * as the Tally element. They stand for the platform's limit: no framework, no validation, no
 * general-purpose derivation, one innerHTML per first render, and on an update only the rows
 * and hexes whose content changed are replaced. bench/browser.ts checks that both put the same
 * rows, hexes and ticker lines on screen before it trusts a ratio.
 *
 * What they leave out, since it does not change what is drawn: keyboard handling, the tooltip,
 * the open area's detail, filtering (the controls are drawn with their counts, as in Tally).
 */
(() => {
  'use strict';

  const LOCALE = 'en-GB';
  const NEW_FOR_MS = 60_000;
  const SQRT3 = Math.sqrt(3);
  const HEX_RADIUS = 10;
  const MAP_PADDING = 3;

  const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const number = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(LOCALE, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const clock = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit' });
  const full = new Intl.DateTimeFormat(LOCALE, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const dayTime = new Intl.DateTimeFormat(LOCALE, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const collator = new Intl.Collator(LOCALE, { sensitivity: 'base', numeric: true });
  const AREA_WORDS = {
    council: ['council', 'councils'],
    constituency: ['constituency', 'constituencies'],
    county: ['county', 'counties'],
    area: ['area', 'areas'],
  };

  function adoptStyles(root, cssText) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(cssText);
    root.adoptedStyleSheets = [sheet];
  }

  /** Poll `src` through the page's fetch and setTimeout, as a widget would; call `take(feed)` with each new feed. */
  function poller(src, interval, take) {
    let lastText;
    const poll = async () => {
      const response = await fetch(src, { cache: 'no-store' });
      if (response.status !== 304) {
        const text = await response.text();
        if (text !== lastText) {
          lastText = text;
          take(JSON.parse(text));
        }
      }
      setTimeout(poll, interval * 1000);
    };
    void poll();
  }

  function renderWaiter() {
    let resolve;
    let promise = new Promise((r) => (resolve = r));
    return {
      next: () => promise,
      done() {
        resolve();
        promise = new Promise((r) => (resolve = r));
      },
    };
  }

  const statusLine = (feed) =>
    `<p class="status" part="status" data-kind="current"><span>Updated <time datetime="${escapeHtml(feed.meta.dataChangedAt)}" title="${escapeHtml(full.format(Date.parse(feed.meta.dataChangedAt)))}">${clock.format(Date.parse(feed.meta.dataChangedAt))}</time></span></p>`;
  const watermark = (feed) =>
    feed.meta.test
      ? '<p class="watermark" part="watermark"><strong>TEST DATA</strong><span>These are test results, not real ones.</span></p>'
      : '';

  // ================================================================ the council list

  function outcomeOf(area) {
    if (area.status !== 'declared') return { kind: area.status };
    const after = area.control?.after ?? area.winner;
    const before = area.control?.before;
    if (after === undefined) return { kind: 'declared' };
    if (after === 'noc')
      return before === undefined
        ? { kind: 'noc' }
        : before === 'noc'
          ? { kind: 'noc-hold' }
          : { kind: 'lost-to-noc', from: before };
    if (before === undefined) return { kind: 'won', party: after };
    if (before === after) return { kind: 'hold', party: after };
    if (before === 'noc') return { kind: 'gain-from-noc', party: after };
    return { kind: 'gain', party: after, from: before };
  }

  const STATUS_WORDS = {
    awaiting: 'Awaiting result',
    counting: 'Counting',
    recount: 'Recount',
    postponed: 'Postponed',
    'no-election': 'No election',
    declared: 'Declared',
  };

  function describe(outcome, short) {
    switch (outcome.kind) {
      case 'hold':
        return `${short(outcome.party)} hold`;
      case 'gain':
        return `${short(outcome.party)} gain from ${short(outcome.from)}`;
      case 'won':
        return `${short(outcome.party)} win`;
      case 'gain-from-noc':
        return `${short(outcome.party)} gain from NOC`;
      case 'lost-to-noc':
        return `No overall control (${short(outcome.from)} lost)`;
      case 'noc-hold':
        return 'No overall control (no change)';
      case 'noc':
        return 'No overall control';
      default:
        return STATUS_WORDS[outcome.kind];
    }
  }

  function councilList(host, { src, interval, layout, config }) {
    const root = host.attachShadow({ mode: 'open' });
    adoptStyles(root, config.css.councilList);
    const waiter = renderWaiter();
    const palette = config.palette;
    const uid = `b${Math.random().toString(36).slice(2, 8)}`;
    // The map's geometry, made when the layout arrives (as Tally does before the feed).
    const corners = [
      [0, -HEX_RADIUS],
      [(SQRT3 / 2) * HEX_RADIUS, -HEX_RADIUS / 2],
      [(SQRT3 / 2) * HEX_RADIUS, HEX_RADIUS / 2],
      [0, HEX_RADIUS],
      [-(SQRT3 / 2) * HEX_RADIUS, HEX_RADIUS / 2],
      [-(SQRT3 / 2) * HEX_RADIUS, -HEX_RADIUS / 2],
    ];
    const round = (n) => Math.round(n * 1000) / 1000 + 0;
    const centres = [];
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [key, hex] of Object.entries(layout.hexes)) {
      const shifted = (((hex.r % 2) + 2) % 2 === 1) === (layout.layout === 'odd-r');
      const x = SQRT3 * HEX_RADIUS * (hex.q + (shifted ? 0.5 : 0)) + 0;
      const y = -1.5 * HEX_RADIUS * hex.r + 0;
      centres.push({ key, name: hex.n, x, y });
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    const halfWidth = (SQRT3 / 2) * HEX_RADIUS;
    const box = {
      x: minX - halfWidth - MAP_PADDING,
      y: minY - HEX_RADIUS - MAP_PADDING,
      width: maxX - minX + 2 * (halfWidth + MAP_PADDING),
      height: maxY - minY + 2 * (HEX_RADIUS + MAP_PADDING),
    };
    const pointsOf = (centre, scale = 1) =>
      corners.map(([cx, cy]) => `${round(centre.x + cx * scale)},${round(centre.y + cy * scale)}`).join(' ');
    const points = new Map(centres.map((centre) => [centre.key, pointsOf(centre)]));
    const rings = new Map(centres.map((centre) => [centre.key, pointsOf(centre, 0.5)]));

    let shown;
    const rowElements = new Map();
    const hexElements = new Map();
    const newUntil = new Map();
    let rovingRow;

    function view(feed) {
      const parties = new Map(feed.parties.map((party) => [party.id, party]));
      const short = (id) => (id === 'noc' ? 'NOC' : (parties.get(id)?.shortName ?? parties.get(id)?.name ?? id));
      const rows = feed.areas.map((area) => {
        const outcome = outcomeOf(area);
        const declared = area.status === 'declared';
        const after = declared ? (area.control?.after ?? area.winner) : undefined;
        const colourKey =
          outcome.party ??
          (outcome.kind === 'noc' || outcome.kind === 'noc-hold' || outcome.kind === 'lost-to-noc' ? 'noc' : undefined);
        const kind =
          area.status === 'no-election'
            ? 'none'
            : !declared
              ? 'awaiting'
              : colourKey === 'noc'
                ? 'noc'
                : colourKey
                  ? 'result'
                  : 'declared';
        let seats = '';
        if (declared && after !== undefined) {
          const parts = [];
          const winner = area.results?.find((result) => result.party === after);
          if (winner?.share !== undefined) parts.push(`${short(after)} ${percent.format(winner.share / 100)}`);
          if (area.majority !== undefined) parts.push(`majority ${number.format(area.majority)}`);
          seats = parts.join(', ');
        }
        const outcomeText = describe(outcome, short);
        const gain = outcome.kind === 'gain' || outcome.kind === 'gain-from-noc' || outcome.kind === 'lost-to-noc';
        const time = declared && area.declaredAt ? Date.parse(area.declaredAt) : undefined;
        return {
          id: area.id,
          name: area.name,
          outcomeText,
          seats,
          kind,
          colourKey,
          gain,
          declaredAt: declared ? area.declaredAt : undefined,
          time,
          signature: `${area.name}|${outcomeText}|${seats}|${kind}|${colourKey}|${declared ? area.declaredAt : ''}`,
        };
      });
      rows.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return rows;
    }

    function rowHtml(row, now) {
      const colour = row.colourKey !== undefined ? palette[row.colourKey] : undefined;
      const fill = colour?.fill ?? palette.undeclared.fill;
      const ring = colour?.text ?? palette.undeclared.text;
      const fresh = (newUntil.get(row.id) ?? 0) > now;
      const side =
        fresh || row.declaredAt
          ? `<span class="row-side">${fresh ? '<span class="visually-hidden">, </span><span class="row-new">New</span>' : ''}${
              row.declaredAt
                ? `<span class="visually-hidden">, </span><span class="row-time">Declared <time datetime="${escapeHtml(row.declaredAt)}" title="${escapeHtml(full.format(row.time))}">${clock.format(row.time)}</time></span>`
                : ''
            }</span>`
          : '';
      return `<li class="row" part="row" data-id="${escapeHtml(row.id)}" data-kind="${row.kind}"${row.gain ? ' data-gain' : ''}${fresh ? ' data-new' : ''} style="--_fill:${fill};--_ring:${ring}"><button type="button" class="row-button" id="${uid}-row-${escapeHtml(row.id)}" data-id="${escapeHtml(row.id)}" tabindex="${row.id === rovingRow ? 0 : -1}" aria-expanded="false"><span class="swatch" aria-hidden="true"></span><span class="row-main"><span class="row-name">${escapeHtml(row.name)}</span><span class="visually-hidden">, </span> <span class="row-outcome">${escapeHtml(row.outcomeText)}</span>${
        row.seats
          ? `<span class="visually-hidden">, </span><span class="row-seats">${escapeHtml(row.seats)}</span>`
          : ''
      }</span>${side}</button></li>`;
    }

    function hexHtml(centre, row, roving) {
      if (!row)
        return `<g class="hex" part="hex" data-id="${escapeHtml(centre.key)}" data-kind="none" aria-hidden="true"><polygon class="fill" points="${points.get(centre.key)}"></polygon></g>`;
      const colour = row.colourKey !== undefined ? palette[row.colourKey] : undefined;
      const fill = row.kind === 'awaiting' || row.kind === 'declared' ? palette.undeclared.fill : colour?.fill;
      const ring = colour?.text ?? palette.undeclared.text;
      const pattern =
        row.kind === 'awaiting'
          ? `<polygon class="pattern" points="${points.get(centre.key)}" fill="url(#${uid}-hatch)"></polygon>`
          : row.kind === 'noc'
            ? `<polygon class="pattern" points="${points.get(centre.key)}" fill="url(#${uid}-dots)"></polygon>`
            : '';
      return `<g class="hex" part="hex" data-id="${escapeHtml(centre.key)}" data-kind="${row.kind}" role="button" tabindex="${roving ? 0 : -1}" aria-label="${escapeHtml(`${row.name}: ${row.outcomeText}`)}" aria-pressed="false"><polygon class="fill" points="${points.get(centre.key)}"${fill ? ` fill="${fill}"` : ''}></polygon>${pattern}${
        row.gain ? `<polygon class="ring" points="${rings.get(centre.key)}" stroke="${ring}"></polygon>` : ''
      }</g>`;
    }

    function controlsHtml(feed, rows) {
      const counts = { all: rows.length, gains: 0, holds: 0, noc: 0, awaiting: 0 };
      const byParty = new Map();
      for (const row of rows) {
        if (row.gain) counts.gains++;
        if (row.outcomeText.endsWith(' hold') || row.outcomeText === 'No overall control (no change)') counts.holds++;
        if (row.kind === 'noc') counts.noc++;
        if (row.kind === 'awaiting') counts.awaiting++;
        if (row.colourKey && row.colourKey !== 'noc') byParty.set(row.colourKey, (byParty.get(row.colourKey) ?? 0) + 1);
      }
      const local = feed.meta.election.kind === 'local';
      const labels = {
        all: 'All',
        gains: 'Changed hands',
        holds: 'Held',
        noc: 'No overall control',
        awaiting: 'Awaiting',
      };
      const filters = Object.keys(labels)
        .filter((key) => key !== 'noc' || local || counts.noc > 0)
        .map(
          (key) =>
            `<label class="chip" data-filter="${key}"><input type="radio" name="${uid}-filter" value="${key}"${key === 'all' ? ' checked' : ''}> <span class="chip-label">${labels[key]}</span> <span class="chip-count">${number.format(counts[key])}</span></label>`,
        )
        .join('');
      const parties = feed.parties.filter((party) => byParty.has(party.id));
      const options = parties
        .map(
          (party) =>
            `<option value="${escapeHtml(party.id)}">${escapeHtml(party.name)} (${number.format(byParty.get(party.id))})</option>`,
        )
        .join('');
      return `<form class="controls" part="controls"><fieldset class="filters"><legend>Show</legend>${filters}</fieldset><div class="fields"><div class="field field-search"><label for="${uid}-search">Search by name</label> <input id="${uid}-search" type="search" autocomplete="off" spellcheck="false"></div><div class="field"><label for="${uid}-party">Won by</label> <select id="${uid}-party"><option value="" selected>Any party</option>${options}</select></div><div class="field"><label for="${uid}-group">Group by</label> <select id="${uid}-group"><option value="none" selected>No grouping</option><option value="region">Region</option></select></div><div class="field"><label for="${uid}-sort">Sort by</label> <select id="${uid}-sort"><option value="name" selected>Name, A to Z</option><option value="declared">Latest declared</option></select></div></div></form>`;
    }

    function legendHtml(feed, rows) {
      const present = new Set(rows.map((row) => row.colourKey).filter((key) => key && key !== 'noc'));
      const hex = pointsOf({ x: 0, y: 0 }, 0.9);
      const ring = pointsOf({ x: 0, y: 0 }, 0.45);
      const item = (fill, label, extra = '', kind = 'result') =>
        `<li><svg class="legend-swatch" viewBox="-10 -10 20 20" aria-hidden="true" data-kind="${kind}"><polygon class="fill" points="${hex}"${fill ? ` fill="${fill}"` : ''}></polygon>${extra}</svg> <span>${escapeHtml(label)}</span></li>`;
      return `<div class="legend" part="legend"><p class="legend-title">Key</p><ul>${feed.parties
        .filter((party) => present.has(party.id))
        .map((party) => item(palette[party.id].fill, party.name))
        .join(
          '',
        )}${item(palette.undeclared.fill, 'Changed hands (ring)', `<polygon class="ring" points="${ring}" stroke="${palette.undeclared.text}"></polygon>`)}${item(
        palette.undeclared.fill,
        'Awaiting result (stripes)',
        `<polygon class="pattern" points="${hex}" fill="url(#${uid}-hatch)"></polygon>`,
        'awaiting',
      )}</ul></div>`;
    }

    function caption(feed) {
      const total = feed.areas.filter((area) => area.status !== 'no-election').length;
      const declared = feed.areas.filter((area) => area.status === 'declared').length;
      const [one, many] = AREA_WORDS[feed.meta.election.areaType ?? 'area'];
      const words = total === 1 ? one : many;
      if (declared === 0) return 'no results declared yet';
      if (declared >= total) return `all ${number.format(total)} ${words} declared`;
      return `after ${number.format(declared)} of ${number.format(total)} ${words}`;
    }

    function firstRender(feed) {
      const rows = view(feed);
      const byId = new Map(rows.map((row) => [row.id, row]));
      rovingRow = rows[0]?.id;
      const now = Date.now();
      const firstHex = centres.filter((centre) => byId.has(centre.key)).sort((a, b) => a.y - b.y || a.x - b.x)[0]?.key;
      const hexes = centres.map((centre) => hexHtml(centre, byId.get(centre.key), centre.key === firstHex)).join('');
      root.innerHTML = `<div class="frame" part="frame"${feed.meta.test ? ' data-test' : ''}>${watermark(feed)}<p class="caption" part="caption">${caption(feed)}</p><div class="body" data-map><div class="map-pane" part="map"><div class="map-tools"><span class="zoom-level" aria-live="polite"></span><button type="button" class="zoom" data-zoom="out" disabled><span aria-hidden="true">−</span><span class="visually-hidden">Zoom out</span></button><button type="button" class="zoom" data-zoom="in"><span aria-hidden="true">+</span><span class="visually-hidden">Zoom in</span></button></div><div class="map-scroll" data-zoomed="false"><div class="map-canvas" part="map-canvas" style="--_aspect:${box.width / box.height};--_zoom:1"><svg viewBox="${round(box.x)} ${round(box.y)} ${round(box.width)} ${round(box.height)}" role="group" aria-label="Map of the results"><defs><pattern id="${uid}-hatch" patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)"><line class="hatch-line" x1="0" y1="0" x2="0" y2="4"></line></pattern><pattern id="${uid}-dots" patternUnits="userSpaceOnUse" width="4" height="4"><circle class="dot" cx="2" cy="2" r="0.9"></circle></pattern></defs><g class="hexes">${hexes}</g><g class="overlay" aria-hidden="true"></g></svg></div></div><p class="visually-hidden">Each hexagon is one area, coloured by the party in control or the winner.</p><p class="hint">Arrow keys move between areas on the map; Enter shows the result.</p>${legendHtml(
        feed,
        rows,
      )}</div><div class="list-pane">${controlsHtml(feed, rows)}<p class="count" part="count">Showing ${number.format(rows.length)} of ${number.format(rows.length)}</p><p class="visually-hidden" role="status"></p><div class="list-scroll" part="list"><ul class="rows" aria-label="Results by area">${rows
        .map((row) => rowHtml(row, now))
        .join(
          '',
        )}</ul></div><p class="hint">Up and down arrow keys move through the list; Enter shows the detail.</p></div></div>${statusLine(feed)}</div>`;
      for (const element of root.querySelectorAll('li.row')) rowElements.set(element.dataset.id, element);
      for (const element of root.querySelectorAll('g.hex')) hexElements.set(element.dataset.id, element);
      shown = { rows, byId, firstHex };
    }

    /** Replace only what changed: rows and hexes whose content differs, the counts, the status line. */
    function update(feed) {
      const rows = view(feed);
      const byId = new Map(rows.map((row) => [row.id, row]));
      const now = Date.now();
      const changed = rows.filter((row) => shown.byId.get(row.id)?.signature !== row.signature);
      for (const row of changed) {
        const was = shown.byId.get(row.id);
        if (was && was.kind !== 'result' && row.kind === 'result') newUntil.set(row.id, now + NEW_FOR_MS);
      }
      const template = document.createElement('template');
      for (const row of changed) {
        template.innerHTML = rowHtml(row, now);
        rowElements
          .get(row.id)
          .replaceWith((rowElements.set(row.id, template.content.firstChild), template.content.firstChild));
        const centre = centres.find((candidate) => candidate.key === row.id);
        if (centre) {
          template.innerHTML = `<svg>${hexHtml(centre, row, centre.key === shown.firstHex)}</svg>`;
          const hex = template.content.firstChild.firstChild;
          hexElements.get(row.id).replaceWith(hex);
          hexElements.set(row.id, hex);
        }
      }
      root.querySelector('.caption').textContent = caption(feed);
      template.innerHTML = controlsHtml(feed, rows);
      root.querySelector('.controls').replaceWith(template.content.firstChild);
      template.innerHTML = statusLine(feed);
      root.querySelector('.status').replaceWith(template.content.firstChild);
      shown = { rows, byId, firstHex: shown.firstHex };
    }

    poller(src, interval, (feed) => {
      if (!shown) firstRender(feed);
      else update(feed);
      waiter.done();
    });
    return { root, nextRender: waiter.next };
  }

  // ================================================================ the ticker

  function ticker(host, { src, interval, config }) {
    const root = host.attachShadow({ mode: 'open' });
    adoptStyles(root, config.css.ticker);
    const waiter = renderWaiter();
    const palette = config.palette;
    const MAX_ITEMS = 10;
    let items = [];
    let list;

    function declarations(feed) {
      const found = [];
      for (const area of feed.areas)
        if (area.status === 'declared')
          found.push({ area, time: Date.parse(area.declaredAt ?? feed.meta.dataChangedAt) });
      return found;
    }

    function itemHtml({ area, time }, parties, fresh = false) {
      const outcome = outcomeOf(area);
      const name = (id) => parties.get(id)?.name ?? id;
      const short = (id) => parties.get(id)?.shortName ?? name(id);
      const gain = outcome.kind === 'gain';
      const sentence =
        outcome.kind === 'hold'
          ? `${name(outcome.party)} hold ${area.name}`
          : outcome.kind === 'gain'
            ? `${name(outcome.party)} gain ${area.name} from ${name(outcome.from)}`
            : `${name(outcome.party)} win ${area.name}`;
      const badge =
        outcome.kind === 'hold'
          ? `${short(outcome.party)} hold`
          : outcome.kind === 'gain'
            ? `${short(outcome.party)} gain`
            : `${short(outcome.party)} win`;
      const colour = palette[outcome.party];
      const at = area.declaredAt;
      return `<li class="item" part="item" data-id="declared:${escapeHtml(area.id)}" data-kind="${gain ? 'control-change' : 'declaration'}" tabindex="-1"${fresh ? ' data-new' : ''} style="--_party:${colour.fill};--_party-text:${colour.text}"><span class="badge" part="badge">${escapeHtml(badge)}</span> <span class="sentence" part="sentence">${escapeHtml(
        sentence,
      )}</span> <span class="when" part="time"><time datetime="${escapeHtml(at)}" title="${escapeHtml(full.format(time))}">${dayTime.format(time)}</time></span></li>`;
    }

    function render(feed) {
      const parties = new Map(feed.parties.map((party) => [party.id, party]));
      const latest = declarations(feed)
        .sort((a, b) => b.time - a.time)
        .slice(0, MAX_ITEMS);
      const html = latest.map((entry) => itemHtml(entry, parties)).join('');
      if (!list) {
        root.innerHTML = `<div class="frame" part="frame" data-mode="list"${feed.meta.test ? ' data-test' : ''}><div class="sentinel" aria-hidden="true"></div>${watermark(feed)}<div class="header" part="header"><p class="title" part="title" id="title">Latest results</p><button type="button" class="pause" part="pause-button" aria-label="Pause updates"><span class="icon" aria-hidden="true" data-icon="pause"></span><span class="label">Pause</span></button></div><ol class="list" part="list" tabindex="0" aria-labelledby="title" aria-describedby="list-order">${html}</ol><span class="visually-hidden" id="list-order">Newest first.</span><div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"></div>${statusLine(
          feed,
        )}</div>`;
        list = root.querySelector('ol');
      } else {
        // Only the new lines are built; the ones still shown stay as they are.
        const known = new Set(items.map((entry) => entry.area.id));
        const fresh = latest.filter((entry) => !known.has(entry.area.id));
        const template = document.createElement('template');
        // New lines come in with the same animation as Tally's (data-new).
        template.innerHTML = fresh.map((entry) => itemHtml(entry, parties, true)).join('');
        list.prepend(template.content);
        while (list.children.length > MAX_ITEMS) list.lastElementChild.remove();
        template.innerHTML = statusLine(feed);
        root.querySelector('.status').replaceWith(template.content.firstChild);
      }
      items = latest;
    }

    poller(src, interval, (feed) => {
      render(feed);
      waiter.done();
    });
    return { root, nextRender: waiter.next };
  }

  window.baseline = {
    create(name, host, options) {
      if (name === 'council-list') return councilList(host, options);
      if (name === 'ticker') return ticker(host, options);
      throw new Error(`no baseline for ${name}`);
    },
  };
})();
