/**
 * Deep equality of JSON values (what a feed is made of): objects key by key in any order,
 * arrays item by item, everything else with `===`. It stops at the first difference and builds
 * nothing, where comparing `JSON.stringify` output serialises both sides whole: on election
 * night almost every area is unchanged from one feed to the next, and that is what it answers.
 */
export function sameJson(a: unknown, b: unknown, accept?: (object: object) => boolean): boolean {
  // `accept` vets every object on the `b` side first (the validator accepts only its own,
  // frozen objects), even when both sides are the same object.
  if (accept && typeof b === 'object' && b !== null && !accept(b)) return false;
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i], accept)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    const value = left[key];
    // JSON has no undefined: a key holding it is the same as no key.
    if (value === undefined) continue;
    if (!sameJson(value, right[key], accept)) return false;
    count++;
  }
  for (const key in right) if (right[key] !== undefined) count--;
  return count === 0;
}
