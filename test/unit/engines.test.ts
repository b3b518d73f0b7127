/**
 * The Node the README names is the Node everything installs on: `npm ci` on Node 20.19 prints no
 * EBADENGINE warning (it did, for @web/test-runner-core 1.0.0 and its family, which want Node 22
 * and came in through @open-wc/testing 5). Every package in the lockfile that states the Node it
 * needs must accept the oldest Node the project promises.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as { engines: { node: string } };
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: unknown }> };

type Version = [number, number, number];

function parse(text: string): { version: Version; parts: number } {
  const numbers = text.trim().replace(/^v/, '').split('.');
  const version = [0, 1, 2].map((index) => {
    const part = numbers[index];
    return part === undefined || part === 'x' || part === '*' ? 0 : Number(part);
  }) as Version;
  if (version.some((part) => !Number.isInteger(part))) throw new Error(`not a version: "${text}"`);
  return { version, parts: numbers.filter((part) => part !== 'x' && part !== '*').length };
}

const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/**
 * Whether `node` satisfies an engines range of the forms npm packages use: `*`, `>= 10.12`,
 * `>=18.0.0`, `^20.19.0`, `8.*`, joined by `||`. Anything else fails the test loudly.
 */
export function satisfies(node: Version, range: string): boolean {
  return range.split('||').some((alternative) => {
    const text = alternative.trim();
    if (text === '*' || text === '') return true;
    const match = /^(>=|\^)?\s*(.+)$/.exec(text)!;
    const { version, parts } = parse(match[2]!);
    if (match[1] === '>=') return compare(node, version) >= 0;
    if (match[1] === '^') return node[0] === version[0] && compare(node, version) >= 0;
    // `8.*` or a bare version: the same major (and minor, when given).
    return node[0] === version[0] && (parts < 2 || node[1] === version[1]) && (parts < 3 || node[2] === version[2]);
  });
}

describe('the Node the project needs', () => {
  const minimum = parse(pkg.engines.node.replace(/^>=\s*/, '')).version;

  it('is one version, stated alike in package.json, the README and CI', () => {
    expect(pkg.engines.node).toMatch(/^>=\s*\d+\.\d+$/);
    expect(read('README.md')).toContain(`Node ${minimum[0]}.${minimum[1]}+`);
    expect(read('.ci/run')).toContain(`Node >= ${minimum[0]}.${minimum[1]}`);
  });

  it('satisfies every installed package’s engines (npm ci prints no EBADENGINE)', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, entry]) => {
        const engines = entry.engines;
        const range =
          engines && typeof engines === 'object' && !Array.isArray(engines)
            ? (engines as { node?: unknown }).node
            : undefined;
        return typeof range === 'string' && !satisfies(minimum, range)
          ? [`${path.replace(/^.*node_modules\//, '')} wants node ${range}`]
          : [];
      });
    expect(refusing).toEqual([]);
  });

  it('reads the ranges it checks the way npm does (so the check can fail)', () => {
    expect(satisfies([20, 19, 0], '>=22.0.0')).toBe(false);
    expect(satisfies([20, 19, 0], '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies([20, 19, 0], '^20.20.0 || >=22.12.0')).toBe(false);
    expect(satisfies([20, 19, 0], '>= 10.12')).toBe(true);
    expect(satisfies([20, 19, 0], '6.* || 8.* || >= 10.*')).toBe(true);
    expect(satisfies([20, 19, 0], '^10 || ^12 || >=14')).toBe(true);
    expect(satisfies([20, 19, 0], '8.*')).toBe(false);
  });
});
