/**
 * Lit's hydration support, so that an element arriving with server-rendered markup (renderWidget,
 * `tally render`, `tally publish --pages`) takes over its nodes instead of drawing them again.
 * It must run before LitElement's module is evaluated: every element's register module imports
 * this file first, so the loader's chunks, the iframe page and the classic bundle evaluate it
 * before Lit's element class (docs/static-rendering.md).
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
