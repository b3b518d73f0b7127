/**
 * Guarded registration: a second copy of the bundle on the page, or another version of it,
 * must not throw. The first definition wins; a different version warns once.
 */
export const VERSION = '0.1.0';

const VERSIONS = Symbol.for('tally.element-versions');

export function defineElement(name: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const holder = globalThis as unknown as Record<symbol, Map<string, string> | undefined>;
  const versions = (holder[VERSIONS] ??= new Map());
  if (customElements.get(name)) {
    const existing = versions.get(name);
    if (existing !== undefined && existing !== VERSION && !versions.has(`${name}@warned`)) {
      versions.set(`${name}@warned`, VERSION);
      console.warn(`[tally] <${name}> ${existing} is already defined on this page; version ${VERSION} is not used.`);
    }
    return;
  }
  customElements.define(name, constructor);
  versions.set(name, VERSION);
}
