/**
 * The demo pages that carry the site header (the live blog, the API pages, the embed builder)
 * each write its navigation out: they must list the same pages, in the same order, each marking
 * itself as the current one; every demo page is in it, and every other page links back home.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DEMO = fileURLToPath(new URL('../../../demo/', import.meta.url));

function navigation(html: string): { links: string[]; current: string[] } | undefined {
  const nav = /<nav aria-label="Demo pages">([\s\S]*?)<\/nav>/.exec(html)?.[1];
  if (nav === undefined) return undefined;
  const anchors = [...nav.matchAll(/<a href="([^"]+)"( aria-current="page")?>/g)];
  return {
    links: anchors.map((anchor) => anchor[1]!),
    current: anchors.filter((anchor) => anchor[2]).map((anchor) => anchor[1]!),
  };
}

describe('the demo site header', () => {
  const pages = readdirSync(DEMO)
    .filter((name) => name.endsWith('.html'))
    .flatMap((name) => {
      const nav = navigation(readFileSync(join(DEMO, name), 'utf8'));
      return nav ? [{ name, ...nav }] : [];
    });

  it('is on the live blog, the API page and the embed builder', () => {
    expect(pages.map((page) => page.name).sort()).toEqual(['api.html', 'builder.html', 'index.html']);
  });

  it('lists every demo page', () => {
    const all = readdirSync(DEMO).filter((name) => name.endsWith('.html'));
    expect([...pages[0]!.links].sort()).toEqual(all.map((name) => `./${name}`).sort());
  });

  it('is one link away from every other page: each links back to the live blog', () => {
    const others = readdirSync(DEMO).filter(
      (name) => name.endsWith('.html') && !pages.some((page) => page.name === name),
    );
    for (const name of others)
      expect(readFileSync(join(DEMO, name), 'utf8'), name).toMatch(/<a href="\.\/index\.html">All demos<\/a>/);
  });

  it('lists the same pages everywhere, each page marking itself as current', () => {
    for (const page of pages) {
      expect(page.links, page.name).toEqual(pages[0]!.links);
      expect(page.current, page.name).toEqual([`./${page.name}`]);
    }
  });
});
