/**
 * The demo playgrounds' forms, from the elements themselves: a `<select name="…" data-choices>`
 * gets the values the element's attribute allows (from custom-elements.json, through
 * src/embed/element-attributes.ts), the default first as the empty value; and the fields that
 * are attributes of the element are the ones a playground applies. The page's HTML keeps only
 * which controls to show and demo-only ones (feed, width).
 */
import { ELEMENT_ATTRIBUTES, type ElementTag } from '../src/embed/element-attributes.js';
import { attributeValues } from '../src/embed/widget-options.js';

/** Fill every `select[data-choices]` of the form with its attribute's values. */
export function fillChoices(form: HTMLFormElement, tag: ElementTag): void {
  for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-choices]')) {
    const [fallback, ...others] = attributeValues(tag, select.name);
    select.replaceChildren(new Option(fallback ?? '', ''), ...others.map((value) => new Option(value, value)));
  }
}

/** The names of the form's fields that are attributes of the element, in the form's order. */
export function attributeFields(form: HTMLFormElement, tag: ElementTag): string[] {
  const names = new Set<string>(ELEMENT_ATTRIBUTES[tag].map((attribute) => attribute.name));
  const fields = [...form.elements].map((field) => (field as HTMLInputElement).name).filter((name) => names.has(name));
  return [...new Set(fields)];
}
