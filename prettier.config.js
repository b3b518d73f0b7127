/**
 * Prettier owns the layout of the code (CONTRIBUTING.md, "Style"): `npm run format` writes it,
 * `npm run format:check` checks it (part of `npm run lint`). The options match the style the code was
 * written in. Lit's html`` and css`` templates are left as written: whitespace in a template is
 * rendered text, and the build minifies them (vite.templates.ts).
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
  embeddedLanguageFormatting: 'off',
};
