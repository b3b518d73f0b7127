/** Config for `cem analyze` (@custom-elements-manifest/analyzer): custom-elements.json, the single source for element docs. */
export default {
  globs: ['src/components/*/*.ts'],
  exclude: ['src/components/*/*.styles.ts', 'src/components/shared/**'],
  outdir: '.',
  litelement: true,
};
