/**
 * ESLint (flat config): `npm run lint`, zero warnings allowed. CONTRIBUTING.md explains the layers.
 *
 * - typescript-eslint's recommended rules, with type information for the rules that need it
 *   (floating promises, awaiting non-promises) on the TypeScript sources.
 * - Lit, Lit accessibility and web-component rules on the elements (src/components, src/embed).
 * - The layers, enforced with the core `no-restricted-imports` rule, one block per folder:
 *
 *     feed → derive (+ i18n) → layout → components (+ theme) → embed
 *
 *   A folder may import its own layer and the layers to its left, never one to its right, and
 *   nothing left of components imports Lit. adapters/ turn source files into feeds (feed only);
 *   cli/ is the Node command (feed, derive, i18n, adapters; no elements). The files at the root
 *   of src/ are outside the layers: the package's entries (index.ts, tally.ts) may import
 *   anything, and anything may import version.ts. Browser code never imports `node:` modules.
 *
 * Formatting is Prettier's job (prettier.config.js), so no rule here is about layout.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

/** Every layer folder under src/, lowest first. i18n sits beside derive, theme beside components. */
const LAYER_FOLDERS = ['feed', 'derive', 'i18n', 'layout', 'components', 'theme', 'embed', 'adapters', 'cli'];

/** What each folder under src/ may import from the other folders (its own folder always). */
const MAY_IMPORT = {
  feed: [],
  derive: ['feed', 'i18n'],
  i18n: ['feed', 'derive'],
  layout: ['feed', 'derive', 'i18n'],
  components: ['feed', 'derive', 'i18n', 'layout', 'theme'],
  theme: ['feed', 'derive', 'i18n', 'layout', 'components'],
  embed: ['feed', 'derive', 'i18n', 'layout', 'components', 'theme'],
  adapters: ['feed'],
  cli: ['feed', 'derive', 'i18n', 'adapters'],
};

/** Folders whose code may import Lit. */
const LIT_FOLDERS = new Set(['components', 'theme', 'embed']);
/** Folders that run in Node only (the rest runs in readers' browsers, or in both). */
const NODE_FOLDERS = new Set(['adapters', 'cli']);

/**
 * Imports that cross a layer the wrong way and are still to be moved: `{ file, folder }` lets
 * one file import one more folder until it moves. Empty, as it should stay.
 */
const KNOWN_LEAKS = [];

/** The import patterns one folder may not use; `allowed` adds folders (a known leak's). */
function restrictedPatterns(folder, allowed = [], { node = NODE_FOLDERS.has(folder) } = {}) {
  const mayImport = [...MAY_IMPORT[folder], ...allowed];
  const forbidden = LAYER_FOLDERS.filter((other) => other !== folder && !mayImport.includes(other));
  const patterns = [
    {
      regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
      message: `src/${folder}/ may import only its own folder and ${MAY_IMPORT[folder].join(', ') || 'nothing else'} (CONTRIBUTING.md, "Layers").`,
    },
  ];
  if (!LIT_FOLDERS.has(folder)) {
    patterns.push({
      regex: '^(lit|@lit|@lit-labs)(/|$)',
      message: `No Lit in src/${folder}/: only components, theme and embed render.`,
    });
  }
  if (!node) {
    patterns.push({ regex: '^node:', message: `src/${folder}/ runs in the browser: no Node modules.` });
  }
  return patterns;
}

/** One folder's layer rule, and its known leaks' exceptions. */
function layerBlocks(folder) {
  const leaks = KNOWN_LEAKS.filter((leak) => leak.file.startsWith(`src/${folder}/`));
  return [
    {
      files: [`src/${folder}/**/*.ts`],
      ignores: leaks.map((leak) => leak.file),
      rules: { 'no-restricted-imports': ['error', { patterns: restrictedPatterns(folder) }] },
    },
    // Build-time modules (`*.build.ts`, run by vite.config.ts in Node) may read files.
    {
      files: [`src/${folder}/**/*.build.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns: restrictedPatterns(folder, [], { node: true }) }] },
    },
    ...leaks.map((leak) => ({
      files: [leak.file],
      rules: { 'no-restricted-imports': ['error', { patterns: restrictedPatterns(folder, [leak.folder]) }] },
    })),
  ];
}

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-demo/',
      'coverage/',
      '.ci/out/',
      'node_modules/',
      'custom-elements.json',
      'docs/screenshots/',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // Unused names are errors, except a deliberate `_` prefix and the rest of a destructuring.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' },
      ],
      // The house style: `import type` for types (also required by verbatimModuleSyntax).
      // `typeof import('…')` stays allowed: it types a module a test imports afresh.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // `unknown` over `any`.
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'No enum: use an `as const` object.' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'prefer-const': 'error',
      'no-var': 'error',
    },
  },
  // Type-aware rules on the TypeScript that ships or runs the night (the type checker is slow on
  // the whole tree, and a promise nobody awaits is a bug there, not in a test's set-up).
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  // The elements: Lit's rules, Lit's accessibility rules on templates, custom-element rules.
  {
    files: ['src/components/**/*.ts', 'src/embed/**/*.ts', 'src/theme/**/*.ts', 'test/browser/**/*.ts', 'demo/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/components/**/*.ts', 'src/embed/**/*.ts', 'test/browser/**/*.ts', 'demo/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    files: ['src/components/**/*.ts', 'src/embed/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
  // Browser tests assert with Chai, whose `expect(x).to.be.true` is an expression on purpose.
  {
    files: ['test/browser/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  ...Object.keys(MAY_IMPORT).flatMap(layerBlocks),
);
