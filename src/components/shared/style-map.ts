/**
 * `styleMap` for pages with a strict Content Security Policy. Lit's own `styleMap` writes its
 * first value as a `style="…"` attribute string, which `style-src` without `'unsafe-inline'`
 * refuses (lit/lit#4719: the element then renders without its geometry and colours, and the page
 * gets a violation report per element). This one has the same signature but always goes through
 * the CSSOM (`element.style.setProperty`), which no policy restricts, from the first render on.
 *
 *   <span style=${styleMap({ '--fill': colour })}></span>
 *
 * Property names: custom properties and dashed names as they are; camelCase names
 * (`backgroundColor`) as properties of `element.style`. A value ending in ` !important` is set
 * with that priority. `null` or `undefined` removes the property.
 */
import { noChange } from 'lit';
import {
  directive,
  Directive,
  PartType,
  type AttributePart,
  type DirectiveParameters,
  type PartInfo,
} from 'lit/directive.js';

export type StyleInfo = Readonly<Record<string, string | number | null | undefined>>;

const IMPORTANT = ' !important';

class CssomStyleMapDirective extends Directive {
  private applied = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ATTRIBUTE || partInfo.name !== 'style' || (partInfo.strings?.length ?? 0) > 2) {
      throw new Error('styleMap must be the whole value of a style attribute');
    }
  }

  /** Only for server rendering, which Tally does not do: the attribute text Lit's styleMap would write. */
  render(styles: StyleInfo): string {
    return Object.entries(styles)
      .filter(([, value]) => value != null)
      .map(
        ([name, value]) =>
          `${name.includes('-') ? name : name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}:${value};`,
      )
      .join('');
  }

  override update(part: AttributePart, [styles]: DirectiveParameters<this>): typeof noChange {
    const style = (part.element as HTMLElement).style as CSSStyleDeclaration & Record<string, unknown>;
    for (const name of this.applied) {
      if (styles[name] != null) continue;
      this.applied.delete(name);
      if (name.includes('-')) style.removeProperty(name);
      else style[name] = '';
    }
    for (const [name, raw] of Object.entries(styles)) {
      if (raw == null) continue;
      this.applied.add(name);
      const value = String(raw);
      const important = value.endsWith(IMPORTANT);
      if (name.includes('-') || important)
        style.setProperty(name, important ? value.slice(0, -IMPORTANT.length) : value, important ? 'important' : '');
      else style[name] = value;
    }
    return noChange;
  }
}

export const styleMap = directive(CssomStyleMapDirective);
