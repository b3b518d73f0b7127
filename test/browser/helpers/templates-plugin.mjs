/**
 * Web Test Runner plugin: serves our sources with Lit's css/html/svg templates minified by the
 * same code as the production build (vite.templates.ts), so the browser tests check the
 * templates as readers get them (Lit's minifier, white space removed inside SVG and between the
 * tags of compact templates).
 */
import { tsImport } from 'tsx/esm/api';

const { minifyTemplatesInModule } = await tsImport('../../../vite.templates.ts', import.meta.url);

export function templatesPlugin() {
  return {
    name: 'tally-minify-templates',
    async transform(context) {
      if (!/^\/src\/.*\.ts$/.test(context.path)) return undefined;
      const result = await minifyTemplatesInModule(context.body, context.path);
      return result ? { body: result.code } : undefined;
    },
  };
}
