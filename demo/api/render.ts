/**
 * API pages from custom-elements.json: for each element its attributes, properties, events,
 * slots, CSS parts and CSS custom properties. Built with DOM methods and textContent only:
 * the manifest is data, never markup. The one piece of Markdown the JSDoc uses, `code`, is
 * drawn as code (a text node between backticks becomes a <code> element's text).
 */

interface Described {
  name: string;
  description?: string;
  summary?: string;
}
interface Attribute extends Described {
  fieldName?: string;
  type?: { text: string };
  default?: string;
}
interface Member extends Described {
  kind: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  type?: { text: string };
  default?: string;
  attribute?: string;
}
interface Declaration extends Described {
  kind: string;
  customElement?: boolean;
  tagName?: string;
  attributes?: Attribute[];
  members?: Member[];
  events?: (Described & { type?: { text: string } })[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: (Described & { default?: string })[];
}
export interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function code(text: string): HTMLElement {
  return element('code', text);
}

/** A description as nodes: text, with each `code span` as a <code> element. */
export function withCode(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  // Split on backtick-delimited spans; an unpaired backtick stays as it is.
  const pieces = text.split(/`([^`]+)`/);
  pieces.forEach((piece, index) => {
    if (index % 2 === 1) fragment.append(code(piece));
    else if (piece) fragment.append(piece);
  });
  return fragment;
}

/** A description as paragraphs: one per block of text between blank lines. */
function paragraphs(text: string): HTMLElement[] {
  return text
    .split(/\n\s*\n/)
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const node = element('p');
      node.append(withCode(block));
      return node;
    });
}

/** Rows of cells: a string is a description (its `code` spans drawn as code), a node is used as it is. */
function table(caption: string, headings: string[], rows: (string | Node)[][]): HTMLElement {
  const wrapper = element('div', undefined, 'scroll');
  const result = element('table');
  result.append(element('caption', caption));
  const head = element('thead');
  const headRow = element('tr');
  for (const heading of headings) {
    const th = element('th', heading);
    th.scope = 'col';
    headRow.append(th);
  }
  head.append(headRow);
  const body = element('tbody');
  for (const row of rows) {
    const tr = element('tr');
    for (const cell of row) {
      const td = element('td');
      td.append(typeof cell === 'string' ? withCode(cell) : cell);
      tr.append(td);
    }
    body.append(tr);
  }
  result.append(head, body);
  wrapper.append(result);
  return wrapper;
}

/** Draw the manifest's elements into #elements, with links in #toc. */
export function render(manifest: Manifest): void {
  const declarations = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .sort((a, b) => a.tagName!.localeCompare(b.tagName!));
  const container = document.getElementById('elements')!;
  const toc = document.getElementById('toc')!;
  container.replaceChildren();
  for (const declaration of declarations) {
    const tag = declaration.tagName!;
    const link = element('a');
    link.href = `#${tag}`;
    link.append(code(`<${tag}>`));
    toc.append(link);

    const section = element('section');
    section.id = tag;
    const heading = element('h2');
    heading.append(code(`<${tag}>`));
    section.append(heading);
    if (declaration.summary) section.append(...paragraphs(declaration.summary));
    if (declaration.description) section.append(...paragraphs(declaration.description));

    const attributes = declaration.attributes ?? [];
    if (attributes.length) {
      section.append(
        table(
          'Attributes',
          ['Attribute', 'Property', 'Type', 'Default', 'Description'],
          attributes.map((a) => [
            code(a.name),
            a.fieldName ? code(a.fieldName) : '',
            a.type?.text ?? '',
            a.default ?? '',
            a.description ?? '',
          ]),
        ),
      );
    }
    const attributeFields = new Set(attributes.map((a) => a.fieldName));
    const properties = (declaration.members ?? []).filter(
      (m) =>
        m.kind === 'field' &&
        !m.static &&
        (m.privacy ?? 'public') === 'public' &&
        !m.name.startsWith('_') &&
        !attributeFields.has(m.name),
    );
    if (properties.length) {
      section.append(
        table(
          'Properties (no attribute)',
          ['Property', 'Type', 'Description'],
          properties.map((p) => [
            code(p.name),
            `${p.type?.text ?? ''}${p.readonly ? ' (read-only)' : ''}`,
            p.description ?? '',
          ]),
        ),
      );
    }
    const events = declaration.events ?? [];
    if (events.length)
      section.append(
        table(
          'Events',
          ['Event', 'Description'],
          events.map((e) => [code(e.name), e.description ?? '']),
        ),
      );
    const slots = declaration.slots ?? [];
    if (slots.length)
      section.append(
        table(
          'Slots',
          ['Slot', 'Description'],
          slots.map((s) => [code(s.name || '(default)'), s.description ?? '']),
        ),
      );
    const parts = declaration.cssParts ?? [];
    if (parts.length)
      section.append(
        table(
          'CSS parts',
          ['Part', 'Description'],
          parts.map((p) => [code(`::part(${p.name})`), p.description ?? '']),
        ),
      );
    const properties2 = declaration.cssProperties ?? [];
    if (properties2.length) {
      section.append(
        table(
          'CSS custom properties',
          ['Property', 'Default', 'Description'],
          properties2.map((p) => [code(p.name), p.default ?? '', p.description ?? '']),
        ),
      );
    }
    container.append(section);
  }
  if (declarations.length === 0) container.replaceChildren(element('p', 'The manifest lists no elements.'));
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
}
