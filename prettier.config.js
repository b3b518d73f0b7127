/**
 * Prettier owns the layout of the code (CONTRIBUTING.md, "Style"): `npm run format` writes it,
 * `npm run format:check` checks it. The options match the style the code was written in.
 *
 * @type {import('prettier').Config}
 */
export default {
  printWidth: 120,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: true,
  quoteProps: 'as-needed',
  trailingComma: 'all',
  bracketSpacing: true,
  arrowParens: 'always',
  endOfLine: 'lf',
};
