/**
 * Browser-side handle on `page-probe-plugin.mjs`: heap and DOM figures for this test page
 * after a forced garbage collection, and screenshots to look at.
 */
import { executeServerCommand } from '@web/test-runner-commands';

/** The test page's renderer after a full garbage collection. */
export interface PageMemory {
  /** Bytes of JavaScript heap in use. */
  readonly heapUsed: number;
  readonly heapTotal: number;
  /** DOM nodes alive (shadow roots and their contents included). */
  readonly nodes: number;
  readonly documents: number;
  /** Event listeners registered from JavaScript on live nodes, windows and media queries. */
  readonly jsEventListeners: number;
}

export function pageMemory(): Promise<PageMemory> {
  return executeServerCommand('page-probe:memory', {}) as Promise<PageMemory>;
}

/** Save a PNG of the page as .tmp/screenshots/<name>.png; resolves to its path. */
export async function screenshot(name: string, fullPage = true): Promise<string> {
  const { path } = (await executeServerCommand('page-probe:screenshot', { name, fullPage })) as { path: string };
  return path;
}

/** The reader's default font size in px, as the browser's settings would set it (16 by default). */
export async function setDefaultFontSize(px: number): Promise<void> {
  await executeServerCommand('page-probe:font-size', { px });
}

/**
 * Browser zoom: a `width` × `height` window (device pixels) at `factor` (2 is 200%): the page
 * gets width / factor CSS pixels. `setZoom(1, …)` undoes it.
 */
export async function setZoom(factor: number, width: number, height: number): Promise<void> {
  await executeServerCommand('page-probe:zoom', { factor, width, height });
}

/** Roles of the nodes named `name` in the page's accessibility tree (what a screen reader reads). */
export async function accessibleRoles(name: string): Promise<string[]> {
  const { roles } = (await executeServerCommand('page-probe:accessible', { name })) as { roles: string[] };
  return roles;
}
