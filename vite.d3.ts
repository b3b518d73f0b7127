/**
 * A build plugin that gives the shipped bundles only the parts of d3 they use.
 *
 * d3-shape, d3-scale and d3-array are each published as one pre-bundled file. Their curves,
 * symbols and helpers are built at load time (`Basis.prototype = {…}`, `bisector(ascending)`,
 * `sqrt(3)`), which a bundler must take for side effects, so importing `arc` and `scaleOrdinal`
 * brings all of those along: 1.5 KB gzip of code no widget runs. d3's code has no side effects
 * at load time (each package.json says so), so here each package is tree-shaken on its own, with
 * property writes and those calls at its top level taken for what they are, and our code imports
 * the result. Our own code is not bundled this way: there a property write (`window.Tally = …`)
 * is the whole point.
 *
 * The names our code imports from each package are listed in `D3_IMPORTS`; importing another
 * fails the build with a missing-export error naming it.
 */
import { rolldown } from 'rolldown';
import type { Plugin } from 'vite';

/** What Tally imports from d3. */
export const D3_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  'd3-shape': ['arc'],
  'd3-scale': ['scaleOrdinal'],
};

const VIRTUAL = '\0tally:';
const ENTRY = '\0tally:d3-entry';

/** The code of a module exporting `names` from the d3 package `name`, tree-shaken as described above. */
export async function treeShakenD3(name: string, names: readonly string[]): Promise<string> {
  const bundle = await rolldown({
    input: ENTRY,
    logLevel: 'silent',
    // Calls d3 makes at load time to build its constants, curves, symbols and helpers.
    treeshake: {
      propertyReadSideEffects: false,
      propertyWriteSideEffects: false,
      moduleSideEffects: false,
      manualPureFunctions: ['sqrt', 'sin', 'cos', 'curveRadial', 'bisector', 'Object.create'],
    },
    plugins: [
      {
        name: 'tally-d3-shape-entry',
        resolveId: (id) => (id === ENTRY ? id : undefined),
        load: (id) => (id === ENTRY ? `export { ${names.join(', ')} } from '${name}';` : undefined),
      },
    ],
  });
  try {
    const { output } = await bundle.generate({ format: 'esm' });
    return output[0].code;
  } finally {
    await bundle.close();
  }
}

export function d3TreeShaken(): Plugin {
  const built = new Map<string, Promise<string>>();
  return {
    name: 'tally-d3',
    enforce: 'pre',
    resolveId: (id) => (Object.hasOwn(D3_IMPORTS, id) ? VIRTUAL + id : undefined),
    load(id) {
      const name = id.startsWith(VIRTUAL) ? id.slice(VIRTUAL.length) : undefined;
      if (name === undefined || !Object.hasOwn(D3_IMPORTS, name)) return undefined;
      if (!built.has(name)) built.set(name, treeShakenD3(name, D3_IMPORTS[name]!));
      return built.get(name);
    },
  };
}
