/**
 * HexJSON (the Open Data Institute's format for hex cartograms): reading a file into a
 * validated, frozen layout, with readable errors naming the path of every problem. Pure and
 * non-mutating: the input object is never written to (d3-hexjson adds key/qc/rc/x/y to every
 * hex it is given). Placing the hexes on a plane is src/layout/hex-grid.ts.
 */

/** The offset layouts HexJSON defines. */
export const HEX_LAYOUTS = ['odd-r', 'even-r', 'odd-q', 'even-q'] as const;
export type HexLayoutName = (typeof HEX_LAYOUTS)[number];

/** Pointy-topped hexes sit in rows (`-r` layouts); flat-topped ones in columns (`-q`). */
export type HexOrientation = 'pointy' | 'flat';

/** One hex of a validated layout: its coordinates and, when the file names it, its name. */
export interface HexCell {
  readonly key: string;
  readonly q: number;
  readonly r: number;
  /** `n` or `name` from the file, for labels and messages. */
  readonly name: string | undefined;
}

/** A validated HexJSON layout: a fresh, frozen object that shares nothing with its input. */
export interface HexJsonLayout {
  readonly layout: HexLayoutName;
  /** In the order of the file's keys. */
  readonly hexes: readonly HexCell[];
}

export type HexJsonValidation =
  { readonly ok: true; readonly value: HexJsonLayout } | { readonly ok: false; readonly errors: readonly string[] };

/** Far above any real cartogram (UK output areas are ~7,000 MSOAs), low enough to refuse junk. */
export const MAX_HEXES = 50_000;
const MAX_LISTED_ERRORS = 8;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const describe = (value: unknown): string => {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

/**
 * Check that `value` is a HexJSON layout this module can draw. Every problem is named with
 * its path (`hexes["E06000001"].q: must be a whole number, got "8"`), the first few of them
 * when there are many.
 */
export function validateHexJson(value: unknown): HexJsonValidation {
  if (!isRecord(value))
    return {
      ok: false,
      errors: [`the layout must be a JSON object, got ${Array.isArray(value) ? 'an array' : describe(value)}`],
    };
  const errors: string[] = [];
  const layout = value.layout;
  if (!HEX_LAYOUTS.includes(layout as HexLayoutName)) {
    errors.push(`layout: must be one of ${HEX_LAYOUTS.join(', ')}, got ${describe(layout)}`);
  }
  const hexes = value.hexes;
  if (!isRecord(hexes)) {
    errors.push(
      `hexes: must be an object of hexes keyed by id, got ${Array.isArray(hexes) ? 'an array' : describe(hexes)}`,
    );
    return { ok: false, errors };
  }
  const keys = Object.keys(hexes);
  if (keys.length === 0) errors.push('hexes: the layout has no hexes');
  if (keys.length > MAX_HEXES) errors.push(`hexes: ${keys.length} hexes is more than the ${MAX_HEXES} allowed`);
  if (errors.length > 0) return { ok: false, errors };

  const cells: HexCell[] = [];
  const problems: string[] = [];
  const occupied = new Map<string, string>();
  for (const key of keys) {
    const hex = hexes[key];
    const path = `hexes[${JSON.stringify(key)}]`;
    if (!isRecord(hex)) {
      problems.push(`${path}: must be an object with q and r, got ${describe(hex)}`);
      continue;
    }
    let valid = true;
    for (const axis of ['q', 'r'] as const) {
      const coordinate = hex[axis];
      if (typeof coordinate !== 'number' || !Number.isSafeInteger(coordinate)) {
        problems.push(`${path}.${axis}: must be a whole number, got ${describe(coordinate)}`);
        valid = false;
      }
    }
    if (!valid) continue;
    const q = hex.q as number;
    const r = hex.r as number;
    const position = `${q},${r}`;
    const other = occupied.get(position);
    if (other !== undefined) {
      problems.push(`${path}: is at q=${q}, r=${r}, where ${JSON.stringify(other)} already is`);
      continue;
    }
    occupied.set(position, key);
    const label =
      typeof hex.n === 'string' && hex.n.trim()
        ? hex.n
        : typeof hex.name === 'string' && hex.name.trim()
          ? hex.name
          : undefined;
    cells.push(Object.freeze({ key, q: q + 0, r: r + 0, name: label }));
  }
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED_ERRORS);
    if (problems.length > listed.length) listed.push(`and ${problems.length - listed.length} more problems`);
    return { ok: false, errors: listed };
  }
  return { ok: true, value: Object.freeze({ layout: layout as HexLayoutName, hexes: Object.freeze(cells) }) };
}

/** Thrown by `parseHexJson`; `errors` lists every problem found. */
export class HexJsonError extends Error {
  readonly errors: readonly string[];
  constructor(errors: readonly string[]) {
    super(`not a usable HexJSON layout: ${errors.join('; ')}`);
    this.name = 'HexJsonError';
    this.errors = errors;
  }
}

/** `validateHexJson`, throwing a `HexJsonError` when the layout cannot be used. */
export function parseHexJson(value: unknown): HexJsonLayout {
  const result = validateHexJson(value);
  if (!result.ok) throw new HexJsonError(result.errors);
  return result.value;
}
