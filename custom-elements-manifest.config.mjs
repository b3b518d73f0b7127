import { join } from 'node:path';

/** Config for `cem analyze` (@custom-elements-manifest/analyzer): custom-elements.json, the single source for element docs. */

/**
 * Lit's `static properties = { zoom: { state: true } }` declares internal reactive state: no
 * attribute, not public API. The analyzer lists such entries as attributes; this drops them
 * from the attributes and marks their fields private.
 */
function litInternalState() {
  const stateByClass = new Map();
  return {
    name: 'tally-lit-internal-state',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const isStaticProperties =
          ts.isPropertyDeclaration(member) &&
          member.name.getText() === 'properties' &&
          member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) &&
          member.initializer &&
          ts.isObjectLiteralExpression(member.initializer);
        if (!isStaticProperties) continue;
        const states = member.initializer.properties
          .filter(
            (property) =>
              ts.isPropertyAssignment(property) &&
              ts.isObjectLiteralExpression(property.initializer) &&
              property.initializer.properties.some(
                (option) =>
                  ts.isPropertyAssignment(option) &&
                  option.name.getText() === 'state' &&
                  option.initializer.kind === ts.SyntaxKind.TrueKeyword,
              ),
          )
          .map((property) => property.name.getText());
        stateByClass.set(node.name.getText(), new Set(states));
      }
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        const states = stateByClass.get(declaration.name);
        if (!states?.size) continue;
        declaration.attributes = (declaration.attributes ?? []).filter(
          (attribute) => !states.has(attribute.fieldName ?? attribute.name),
        );
        for (const member of declaration.members ?? []) if (states.has(member.name)) member.privacy = 'private';
      }
    },
  };
}

/**
 * The manifest names an attribute's type (`SeatBarLayout`) but not the values that type allows.
 * This asks the TypeScript checker, over the same files, for each attribute's field type and,
 * when it is a union of string literals (an alias or `(typeof LIST)[number]` of an `as const`
 * array), writes them to the attribute as `values` (a Tally extension of the schema, read by
 * `scripts/write-element-attributes.mjs`). Inherited attributes keep the values of the base class.
 */
function stringLiteralValues() {
  let checker;
  let program;
  return {
    name: 'tally-string-literal-values',
    initialize({ ts, customElementsManifest }) {
      void customElementsManifest;
      const configPath = ts.findConfigFile(process.cwd(), ts.sys.fileExists, 'tsconfig.json');
      const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
      const parsed = ts.parseJsonConfigFileContent(config, ts.sys, process.cwd());
      const roots = parsed.fileNames.filter((file) => /\/src\/components\/[^/]+\/[^/]+\.ts$/.test(file));
      program = ts.createProgram(roots, { ...parsed.options, noEmit: true });
      checker = program.getTypeChecker();
    },
    moduleLinkPhase({ ts, moduleDoc }) {
      const source = program.getSourceFile(join(process.cwd(), moduleDoc.path));
      if (!source) return;
      const classes = [];
      const collect = (node) => {
        if (ts.isClassLike(node)) classes.push(node);
        ts.forEachChild(node, collect);
      };
      collect(source);
      for (const declaration of moduleDoc.declarations ?? []) {
        if (!declaration.attributes?.length) continue;
        // The element class, or the class a mixin returns (the shared feed element is one).
        const named = classes.filter((node) => node.name?.text === declaration.name);
        const candidates = named.length ? named : classes;
        for (const attribute of declaration.attributes) {
          const field = attribute.fieldName ?? attribute.name;
          const member = candidates
            .flatMap((node) => [...node.members])
            .find(
              (candidate) =>
                candidate.name &&
                !ts.isComputedPropertyName(candidate.name) &&
                candidate.name.getText(source) === field,
            );
          if (!member) continue;
          const type = checker.getTypeAtLocation(member);
          const parts = (type.isUnion() ? type.types : [type]).filter(
            (part) => !(part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)),
          );
          if (parts.length > 1 && parts.every((part) => part.isStringLiteral()))
            attribute.values = parts.map((part) => part.value);
        }
      }
    },
  };
}

export default {
  globs: ['src/components/*/*.ts'],
  // Of the shared modules only the element setup: its properties are every element's.
  exclude: ['src/components/*/*.styles.ts', 'src/components/shared/!(feed-element).ts'],
  litelement: true,
  // Never rewrite package.json (its customElements field is set by hand).
  packagejson: false,
  plugins: [litInternalState(), stringLiteralValues()],
};
