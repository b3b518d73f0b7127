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
                (option) => ts.isPropertyAssignment(option) && option.name.getText() === 'state' && option.initializer.kind === ts.SyntaxKind.TrueKeyword,
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
        declaration.attributes = (declaration.attributes ?? []).filter((attribute) => !states.has(attribute.fieldName ?? attribute.name));
        for (const member of declaration.members ?? []) if (states.has(member.name)) member.privacy = 'private';
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
  plugins: [litInternalState()],
};
