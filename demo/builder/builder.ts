/**
 * The embed builder: a producer picks a widget, a feed and its options, sees the widget as
 * readers will (in its reserved box, at a phone's width or the column's), and copies any of the
 * four embed codes. The codes come from `embedCodes` (src/embed/embed-code.ts) and the options
 * from the table in src/embed/widget-options.ts; this file is only the form around them.
 *
 * `startBuilder(root, config)` renders into `root`; the page (main.ts) gives it the demo's feeds
 * and keeps the choices in the address, and the tests mount it with fixture feeds.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import '../../src/components/seat-bar/register.js';
import '../../src/components/party-table/register.js';
import '../../src/components/council-list/register.js';
import '../../src/components/ticker/register.js';
import '../../src/components/area-result/register.js';
import { boxStylesheet, frameHeights, heightsAttribute, type WidgetName } from '../../src/embed/boxes.js';
import { embedCodes, type EmbedCodes } from '../../src/embed/embed-code.js';
import { heightForWidth } from '../../src/embed/frame-protocol.js';
import {
  optionProblem,
  widgetDescription,
  widgetOptions,
  WIDGETS,
  type WidgetOption,
} from '../../src/embed/widget-options.js';

export interface BuilderFeed {
  readonly id: string;
  readonly label: string;
  /** The feed's address, relative to the page or absolute. */
  readonly url: string;
  /** The election's name, the start of the default title. */
  readonly title: string;
  /** A HexJSON layout that covers the feed's areas, for the council list's map. */
  readonly map?: string;
}

export interface BuilderConfig {
  readonly feeds: readonly BuilderFeed[];
  /** Where Tally's built files are published (the codes' default). */
  readonly assets: string;
  /** Choices to start from (from the page's address). */
  readonly initial?: URLSearchParams;
  /** Told the choices whenever they change, as query parameters. */
  readonly onChange?: (choices: URLSearchParams) => void;
}

type PreviewWidth = 'column' | '480' | '320';

interface Choices {
  widget: WidgetName;
  feed: string;
  options: Record<string, string>;
  title: string;
  /** The title was typed by the producer: keep it when the widget or feed changes. */
  titleTyped: boolean;
  assets: string;
  previewWidth: PreviewWidth;
}

const PREVIEW_WIDTHS: readonly { value: PreviewWidth; label: string }[] = [
  { value: 'column', label: 'This column' },
  { value: '480', label: '480 px' },
  { value: '320', label: '320 px (a phone)' },
];

/** The sections of codes, in the order a producer reads them. */
const CODE_SECTIONS: readonly {
  id: string;
  title: string;
  intro: string;
  parts: readonly { key: keyof EmbedCodes; label: string }[];
}[] = [
  {
    id: 'element',
    title: 'Element',
    intro:
      'For pages that take a script tag: paste this where the results go. Pasting it twice on one page is harmless. Readers get the link inside until the script runs, or if it is blocked.',
    parts: [{ key: 'element', label: 'element code' }],
  },
  {
    id: 'placeholder',
    title: 'Placeholder',
    intro:
      'For a CMS that strips unknown tags or scripts from articles: the first part goes once into the page template, the second where the results go. Without the script, readers get the link.',
    parts: [
      { key: 'placeholderSetup', label: 'placeholder template code' },
      { key: 'placeholder', label: 'placeholder code' },
    ],
  },
  {
    id: 'iframe',
    title: 'iframe',
    intro:
      'For partner sites: the widget on its own page, resized to fit by tally-frame.js, starting at the height it will have, so nothing jumps. The page shows feeds only from its own origin and those it was built or deployed with: TALLY_FEED_ORIGINS="<the feed’s origin>" npm run build, or the tally-feed-origins meta tag in dist/embed.html.',
    parts: [{ key: 'iframe', label: 'iframe code' }],
  },
  {
    id: 'amp',
    title: 'AMP',
    intro:
      'For AMP pages: the first part goes once into the page’s head. The feed and Tally’s files must be on https, on another origin than the AMP page.',
    parts: [
      { key: 'ampSetup', label: 'AMP head code' },
      { key: 'amp', label: 'amp-iframe code' },
    ],
  },
];

const COPIED = 'Copied to the clipboard.';
const SELECTED = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';

export interface Builder {
  /** The codes for the current choices, or undefined when they cannot be made. */
  readonly codes: EmbedCodes | undefined;
  readonly preview: HTMLElement;
  destroy(): void;
}

export function startBuilder(root: HTMLElement, config: BuilderConfig): Builder {
  if (config.feeds.length === 0) throw new Error('the builder needs at least one feed');
  const choices = initialChoices(config);
  const areas = new Map<string, Promise<{ id: string; name: string }[]>>();
  const statuses = new Map<string, string>();
  let codes: EmbedCodes | undefined;
  let problem = '';
  let preview = document.createElement(widgetDescription(choices.widget).tag);
  const previewAttributes = new Set<string>();
  let destroyed = false;

  // The widget previews in its reserved box, as on a page with tally.css (a constructed
  // stylesheet: nothing for a style-src policy to refuse).
  const boxes = new CSSStyleSheet();
  boxes.replaceSync(boxStylesheet());
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, boxes];

  const feed = () => config.feeds.find((candidate) => candidate.id === choices.feed) ?? config.feeds[0]!;
  const absolute = (url: string) => new URL(url, document.baseURI).href;

  /** The options that go into the codes: valid ones with a value; the map as the feed's layout. */
  function chosenAttributes(): { attributes: Record<string, string>; problems: string[] } {
    const attributes: Record<string, string> = {};
    const problems: string[] = [];
    for (const option of widgetOptions(choices.widget)) {
      const value = (choices.options[option.name] ?? '').trim();
      if (option.kind === 'map') {
        if (value === 'on' && feed().map) attributes[option.name] = absolute(feed().map!);
        continue;
      }
      const trouble = optionProblem(option, value);
      if (trouble) problems.push(trouble);
      else if (value !== '' && !(option.kind === 'choice' && option.values[0]?.value === value))
        attributes[option.name] = value;
    }
    return { attributes, problems };
  }

  function update(): void {
    if (destroyed) return;
    const { attributes, problems } = chosenAttributes();
    try {
      codes = embedCodes({
        widget: choices.widget,
        feed: absolute(feed().url),
        attributes,
        assets: choices.assets,
        title: choices.title,
      });
      problem = problems.length > 0 ? `Left out of the codes until corrected: ${problems.join('; ')}.` : '';
    } catch (error) {
      codes = undefined;
      problem = `No codes: ${(error as Error).message}.`;
    }
    updatePreview(attributes);
    render(view(), root);
    config.onChange?.(choicesAsQuery(choices, config.assets));
  }

  function updatePreview(attributes: Record<string, string>): void {
    const tag = widgetDescription(choices.widget).tag;
    if (preview.localName !== tag) {
      preview = document.createElement(tag);
      previewAttributes.clear();
    }
    // The preview names every choice, defaults included (the codes leave defaults out): going
    // back to a default then sets it rather than removing an attribute the element reflects.
    const defaults = Object.fromEntries(
      widgetOptions(choices.widget).flatMap((option) =>
        option.kind === 'choice' && option.values[0]!.value !== '' ? [[option.name, option.values[0]!.value]] : [],
      ),
    );
    const wanted: Record<string, string> = { src: absolute(feed().url), ...defaults, ...attributes };
    // Only what the builder set goes away: an element reflects some attributes of its own.
    for (const name of previewAttributes) if (!(name in wanted)) preview.removeAttribute(name);
    for (const [name, value] of Object.entries(wanted))
      if (preview.getAttribute(name) !== value) preview.setAttribute(name, value);
    previewAttributes.clear();
    for (const name of Object.keys(wanted)) previewAttributes.add(name);
    sizePreview();
  }

  /** The reserved box follows the reader's screen width; in a narrower preview, use that width's box. */
  function sizePreview(): void {
    const box = root.querySelector<HTMLElement>('.preview-box');
    const width =
      choices.previewWidth === 'column' ? (box?.clientWidth ?? window.innerWidth) : Number(choices.previewWidth);
    const table = heightsAttribute(
      frameHeights(
        choices.widget,
        Object.fromEntries(preview.getAttributeNames().map((name) => [name, preview.getAttribute(name) ?? ''])),
      ),
    );
    const height = heightForWidth(table, width);
    if (height !== undefined) preview.style.setProperty('--tally-box-height', `${height}px`);
  }

  function suggestions(): Promise<{ id: string; name: string }[]> {
    const url = absolute(feed().url);
    let list = areas.get(url);
    if (!list) {
      list = fetch(url)
        .then((response) => (response.ok ? response.json() : { areas: [] }))
        .then((data: { areas?: { id?: unknown; name?: unknown }[] }) =>
          (data.areas ?? [])
            .filter((area) => typeof area.id === 'string' && typeof area.name === 'string')
            .map((area) => ({ id: area.id as string, name: area.name as string })),
        )
        .catch(() => []);
      areas.set(url, list);
    }
    return list;
  }
  let areaList: { id: string; name: string }[] = [];

  // Events -----------------------------------------------------------------------------------

  function onInput(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const { name } = target;
    const value =
      target instanceof HTMLInputElement && target.type === 'checkbox' ? (target.checked ? 'on' : '') : target.value;
    if (name === 'widget') {
      choices.widget = value as WidgetName;
      // Keep what the new widget also has (theme, language, area); drop the rest.
      const names = new Set(widgetOptions(choices.widget).map((option) => option.name));
      choices.options = Object.fromEntries(Object.entries(choices.options).filter(([option]) => names.has(option)));
    } else if (name === 'feed') choices.feed = value;
    else if (name === 'title') {
      choices.title = value;
      choices.titleTyped = value.trim() !== '';
    } else if (name === 'assets') choices.assets = value.trim();
    else if (name === 'preview-width') choices.previewWidth = value as PreviewWidth;
    else choices.options[name] = value;
    if (!choices.titleTyped) choices.title = defaultTitle(choices.widget, feed());
    update();
    if (name === 'feed') void showSuggestions();
  }

  async function showSuggestions(): Promise<void> {
    const list = await suggestions();
    if (destroyed) return;
    areaList = list;
    render(view(), root);
  }

  async function copy(key: keyof EmbedCodes, button: HTMLButtonElement): Promise<void> {
    const text = codes?.[key];
    if (text === undefined) return;
    const code = root.querySelector<HTMLElement>(`#code-${key}`);
    let message = COPIED;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard here (an insecure page, a refused permission): select the code instead.
      if (code) {
        const range = document.createRange();
        range.selectNodeContents(code);
        const selection = getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      }
      message = SELECTED;
    }
    statuses.set(key, message);
    render(view(), root);
    button.focus();
    setTimeout(() => {
      if (statuses.get(key) !== message) return;
      statuses.delete(key);
      if (!destroyed) render(view(), root);
    }, 4000);
  }

  // View -------------------------------------------------------------------------------------

  const optionControl = (option: WidgetOption): TemplateResult => {
    const id = `option-${option.name}`;
    const value = choices.options[option.name] ?? '';
    if (option.kind === 'map') {
      const available = Boolean(feed().map);
      return html`<div class="check">
        <input type="checkbox" id=${id} name=${option.name} .checked=${value === 'on' && available} ?disabled=${!available} aria-describedby=${`${id}-hint`} />
        <label for=${id}>${option.label}</label>
        <p class="hint" id=${`${id}-hint`}>${available ? 'A hex map of the areas beside the list (a taller box).' : 'This feed has no map layout.'}</p>
      </div>`;
    }
    if (option.kind === 'choice') {
      return html`<div class="field">
        <label for=${id}>${option.label}</label>
        <select id=${id} name=${option.name}>
          ${option.values.map((choice) => html`<option value=${choice.value} ?selected=${choice.value === (value || option.values[0]!.value)}>${choice.label}</option>`)}
        </select>
      </div>`;
    }
    const trouble = optionProblem(option, value.trim());
    return html`<div class="field">
      <label for=${id}>${option.label}</label>
      <input
        id=${id}
        name=${option.name}
        .value=${value}
        autocomplete="off"
        spellcheck="false"
        list=${option.suggestAreas ? 'builder-areas' : nothing}
        aria-invalid=${trouble ? 'true' : 'false'}
        aria-describedby=${`${id}-hint${trouble ? ` ${id}-problem` : ''}`}
      />
      <p class="hint" id=${`${id}-hint`}>Optional: ${option.hint}.</p>
      ${trouble ? html`<p class="problem" id=${`${id}-problem`}>${trouble}</p>` : nothing}
    </div>`;
  };

  const codeSection = (
    section: (typeof CODE_SECTIONS)[number],
  ) => html`<section class="code-section" aria-labelledby=${`codes-${section.id}`}>
    <h3 id=${`codes-${section.id}`}>${section.title}</h3>
    <p>${section.intro}</p>
    ${section.parts.map(
      ({ key, label }) => html`<div class="code">
        <pre tabindex="0" aria-label=${label[0]!.toUpperCase() + label.slice(1)}><code id=${`code-${key}`}>${codes?.[key] ?? ''}</code></pre>
        <div class="copy-row">
          <button type="button" ?disabled=${!codes} @click=${(event: Event) => copy(key, event.currentTarget as HTMLButtonElement)}>Copy ${label}</button>
          <p class="copy-status" role="status">${statuses.has(key) ? html`<span aria-hidden="true">✓ </span>${statuses.get(key)}` : nothing}</p>
        </div>
      </div>`,
    )}
  </section>`;

  const view = () => {
    const description = widgetDescription(choices.widget);
    return html`<div class="builder-layout">
        <form class="choices" aria-labelledby="choices-title" @input=${onInput} @submit=${(event: Event) => event.preventDefault()}>
          <h2 id="choices-title">1. Choose</h2>
          <fieldset class="widgets">
            <legend>Widget</legend>
            ${WIDGETS.map(
              (widget) => html`<div class="widget-choice">
                <input type="radio" id=${`widget-${widget.name}`} name="widget" value=${widget.name} .checked=${widget.name === choices.widget} aria-describedby=${`widget-${widget.name}-summary`} />
                <label for=${`widget-${widget.name}`}>${widget.label}</label>
                <span class="hint" id=${`widget-${widget.name}-summary`}>${widget.summary[0]!.toUpperCase()}${widget.summary.slice(1)}</span>
              </div>`,
            )}
          </fieldset>
          <div class="field">
            <label for="builder-feed">Feed</label>
            <select id="builder-feed" name="feed">
              ${config.feeds.map((candidate) => html`<option value=${candidate.id} ?selected=${candidate.id === feed().id}>${candidate.label}</option>`)}
            </select>
          </div>
          <fieldset>
            <legend>${description.label} options</legend>
            ${widgetOptions(choices.widget).map(optionControl)}
          </fieldset>
          <fieldset>
            <legend>Embed</legend>
            <div class="field">
              <label for="builder-title">Title</label>
              <input id="builder-title" name="title" .value=${choices.title} aria-describedby="builder-title-hint" />
              <p class="hint" id="builder-title-hint">Names the iframe for screen readers, and is the text of the fallback link inside the element and the placeholder.</p>
            </div>
            <div class="field">
              <label for="builder-assets">Address of Tally’s files</label>
              <input id="builder-assets" name="assets" type="url" .value=${choices.assets} aria-describedby="builder-assets-hint" spellcheck="false" />
              <p class="hint" id="builder-assets-hint">Where tally.js, tally.css, tally-frame.js and embed.html are published: this demo’s own copy, or your CDN.</p>
            </div>
          </fieldset>
          <datalist id="builder-areas">${areaList.map((area) => html`<option value=${area.id}>${area.name}</option>`)}</datalist>
        </form>
        <section class="preview" aria-labelledby="preview-title">
          <h2 id="preview-title">2. Preview</h2>
          <div class="field inline">
            <label for="builder-preview-width">Width</label>
            <select id="builder-preview-width" name="preview-width" @input=${onInput}>
              ${PREVIEW_WIDTHS.map((width) => html`<option value=${width.value} ?selected=${width.value === choices.previewWidth}>${width.label}</option>`)}
            </select>
          </div>
          <p class="hint">In the height Tally reserves for it at this width: the page around it never moves. Longer content scrolls inside.</p>
          <div class="preview-box" data-width=${choices.previewWidth}>${preview}</div>
        </section>
      </div>
      <section class="codes" aria-labelledby="codes-title">
        <h2 id="codes-title">3. Copy the code</h2>
        <p class="problem" role="alert">${problem}</p>
        ${CODE_SECTIONS.map(codeSection)}
      </section>`;
  };

  const resize = new ResizeObserver(() => sizePreview());
  root.replaceChildren(); // the page's "Loading…" note
  update();
  resize.observe(root.querySelector('.preview-box')!);
  void showSuggestions();

  return {
    get codes() {
      return codes;
    },
    get preview() {
      return preview;
    },
    destroy() {
      destroyed = true;
      resize.disconnect();
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== boxes);
      render(nothing, root);
    },
  };
}

function defaultTitle(widget: WidgetName, feed: BuilderFeed): string {
  return `${feed.title}: ${widgetDescription(widget).summary}`;
}

function initialChoices(config: BuilderConfig): Choices {
  const query = config.initial ?? new URLSearchParams();
  const widget = (WIDGETS.find((candidate) => candidate.name === query.get('widget'))?.name ??
    'seat-bar') as WidgetName;
  const feed = config.feeds.find((candidate) => candidate.id === query.get('feed')) ?? config.feeds[0]!;
  const options: Record<string, string> = {};
  for (const option of widgetOptions(widget)) {
    const value = query.get(option.name);
    if (value !== null) options[option.name] = value;
  }
  const title = query.get('title') ?? '';
  const width = query.get('preview-width');
  return {
    widget,
    feed: feed.id,
    options,
    title: title || defaultTitle(widget, feed),
    titleTyped: title !== '',
    assets: query.get('assets') || config.assets,
    previewWidth: PREVIEW_WIDTHS.some((candidate) => candidate.value === width) ? (width as PreviewWidth) : 'column',
  };
}

function choicesAsQuery(choices: Choices, defaultAssets: string): URLSearchParams {
  const query = new URLSearchParams({ widget: choices.widget, feed: choices.feed });
  for (const [name, value] of Object.entries(choices.options)) if (value !== '') query.set(name, value);
  if (choices.titleTyped) query.set('title', choices.title);
  if (choices.assets !== defaultAssets) query.set('assets', choices.assets);
  if (choices.previewWidth !== 'column') query.set('preview-width', choices.previewWidth);
  return query;
}
