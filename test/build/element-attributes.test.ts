/**
 * src/embed/element-attributes.ts is generated from custom-elements.json and committed, so the
 * unit tests and the builder need no analyzer run. This fails when an element's attributes
 * changed and the table was not regenerated (`npm run attributes`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module script without type declarations
import { renderTable } from '../../scripts/write-element-attributes.mjs';

let manifest: unknown;

beforeAll(() => {
  const outdir = mkdtempSync(join(tmpdir(), 'tally-attributes-'));
  // The analyzer joins --outdir onto the working directory, so it must be relative.
  const cem = 'node_modules/@custom-elements-manifest/analyzer/cem.js';
  execFileSync(process.execPath, [cem, 'analyze', '--quiet', '--outdir', relative(process.cwd(), outdir)], {
    stdio: 'pipe',
  });
  manifest = JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8'));
}, 60_000);

describe('the generated attribute table', () => {
  it('is what the manifest of the current elements gives (run `npm run attributes` if not)', () => {
    const committed = readFileSync('src/embed/element-attributes.ts', 'utf8');
    expect(committed).toBe((renderTable as (manifest: unknown) => string)(manifest));
  });

  it('carries the values of string-literal unions, resolved across files and mixins', () => {
    const text = (renderTable as (manifest: unknown) => string)(manifest);
    expect(text).toContain("{ name: 'layout', type: 'SeatBarLayout', values: ['stacked', 'bars', 'parliament'] }");
    expect(text).toContain("{ name: 'sort', type: 'AreaSort', values: ['name', 'declared'] }");
    expect(text).toContain("{ name: 'theme', type: 'ThemeSetting', values: ['auto', 'light', 'dark'] }");
  });
});
