/**
 * package.json `sideEffects` tells bundlers which modules must run even when nothing is used
 * from them. A module of ours imported only for what it does (`import './messages.js';`) and
 * missing from the list is silently dropped from the build: that lost the hydration support
 * (server-rendered widgets re-created their nodes) and the snapshot captions' strings (an
 * installed `tally snapshot` drew message keys). The rule, checked for every such import: the
 * module it names is in the list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { sideEffects: string[] };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `./src/components/*\/register.ts` as a regular expression: `*` is any name within one folder. */
function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .replace(/^\.\//, '')
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*');
  return new RegExp(`^${escaped}$`);
}

const listed = pkg.sideEffects.map(globToRegExp);
const isListed = (path: string) => listed.some((pattern) => pattern.test(path));

/** Every `import './x.js';` of our own in src/, as [importing file, imported file], relative to the root. */
function bareImports(): [string, string][] {
  return sourceFiles(join(ROOT, 'src')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^import\s+['"](\.{1,2}\/[^'"]+)['"];?/gm)].map(
      ([, specifier]): [string, string] => [
        relative(ROOT, file),
        relative(ROOT, resolve(dirname(file), specifier!.replace(/\.js$/, '.ts'))),
      ],
    ),
  );
}

describe('package.json sideEffects', () => {
  it('finds the imports it checks (the widgets import their messages for what they do)', () => {
    const imported = bareImports().map(([, target]) => target);
    expect(imported).toContain('src/components/shared/hydrate.ts');
    expect(imported).toContain('src/server/messages.ts');
  });

  it('lists every module of ours that is imported only for what it does', () => {
    const missing = bareImports()
      .filter(([, target]) => !isListed(target))
      .map(([file, target]) => `${target} (imported by ${file})`);
    expect(missing).toEqual([]);
  });

  it('reads its globs as bundlers do: a star stays within one folder', () => {
    expect(isListed('src/components/seat-bar/register.ts')).toBe(true);
    expect(isListed('src/components/seat-bar/view.ts')).toBe(false);
    expect(globToRegExp('./src/components/*/register.ts').test('src/components/a/b/register.ts')).toBe(false);
  });
});
