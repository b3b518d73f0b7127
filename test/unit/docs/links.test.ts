/**
 * Every Markdown page in the repository (README, CONTRIBUTING, docs/) links only to files that
 * exist inside the repository: a relative link that resolves outside it (a sibling checkout, a
 * shared folder on one machine) is broken for everyone else.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PAGES = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** Relative link and image targets of a Markdown page, without their #fragment. */
export function relativeTargets(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!.replace(/#.*$/, ''))
    .filter((target) => target !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** Paths in code spans that climb out of where they are (`../shared/STYLE.md`). */
export function climbingPaths(markdown: string): string[] {
  return [...markdown.matchAll(/`(\.\.\/[^`\s]*)`/g)].map((match) => match[1]!);
}

describe('relativeTargets', () => {
  it('finds links and images, drops fragments, web addresses and code', () => {
    const page =
      '[a](docs/a.md#x) ![b](shots/b.png) [c](https://example.org/c) [d](#here) `[e](e.md)`\n```\n[f](f.md)\n```';
    expect(relativeTargets(page)).toEqual(['docs/a.md', 'shots/b.png']);
  });
});

describe('climbingPaths', () => {
  it('finds code spans that start with ../', () => {
    expect(climbingPaths('read `../shared/STYLE.md` and `src/a.ts`, not ../b')).toEqual(['../shared/STYLE.md']);
  });
});

describe('Markdown links', () => {
  for (const page of PAGES) {
    it(`${page}: every relative link is a file inside the repository`, () => {
      const from = dirname(join(ROOT, page));
      const problems = relativeTargets(readFileSync(join(ROOT, page), 'utf8')).flatMap((target) => {
        const path = resolve(from, decodeURI(target));
        const inside = relative(ROOT, path);
        if (inside.startsWith(`..${sep}`) || inside === '..') return [`${target}: outside the repository`];
        return existsSync(path) ? [] : [`${target}: no such file`];
      });
      expect(problems).toEqual([]);
    });
  }

  it('a path in code that climbs (`../…`) names a file inside the repository', () => {
    const broken = PAGES.flatMap((page) =>
      climbingPaths(readFileSync(join(ROOT, page), 'utf8'))
        .filter((path) => {
          const absolute = resolve(dirname(join(ROOT, page)), path);
          return relative(ROOT, absolute).startsWith('..') || !existsSync(absolute);
        })
        .map((path) => `${page}: ${path}`),
    );
    expect(broken).toEqual([]);
  });
});
