/**
 * Guarded registration: a second copy of the bundle on the page, or another version of it,
 * must not throw. The first definition wins. A copy of another version says so once per page
 * (not once per element), on the console.
 */
import { VERSION } from '../../version.js';

export { VERSION };

/** Shared by every copy on the page: element name → the version that defined it. */
const VERSIONS = Symbol.for('tally.element-versions'); // also read by embed/global.ts firstOrSameRelease

export function defineElement(name: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const holder = globalThis as unknown as Record<symbol, Map<string, string> | undefined>;
  const versions = (holder[VERSIONS] ??= new Map());
  if (!customElements.get(name)) {
    customElements.define(name, constructor);
    versions.set(name, VERSION);
    return;
  }
  const existing = versions.get(name);
  if (existing === VERSION) return;
  const warned = `warned:${VERSION}`;
  if (versions.has(warned)) return;
  versions.set(warned, name);
  console.warn(
    existing === undefined
      ? `[tally] <${name}> is already defined by other code on this page; Tally ${VERSION} leaves it in place.`
      : `[tally] Tally ${existing} is already on this page, so this copy (${VERSION}) is not used: load one version of Tally per page.`,
  );
}
