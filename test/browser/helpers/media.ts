/**
 * Browser-side handle on `media-plugin.mjs`: the reader's colour scheme, motion preference and
 * forced colours (Windows high contrast), emulated for this test page.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface EmulatedMedia {
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  forcedColors?: 'active' | 'none';
}

/** Emulate exactly these features (the ones left out go back to the browser's own), then wait a frame. */
export async function emulate(media: EmulatedMedia): Promise<void> {
  await executeServerCommand('tally-media:emulate', { ...media });
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
}
