/**
 * Components stay server-safe: no `window`, `document`, observers, layout reads or frame
 * callbacks outside code that only runs in a browser. Lit SSR runs an element's constructor,
 * property setters, `willUpdate` and `render` (and what they call); it never runs
 * `connectedCallback`, `firstUpdated`, `updated`, a controller's `hostConnected`/`hostUpdated`
 * or an event handler. This reads the sources (TypeScript's parser) and lists every use of a
 * browser-only global that is neither inside such a callback nor behind a check (`typeof X`,
 * `isServer`, `rendersAsServer`). The render tests (render-widget.test.ts) run the rest.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** Code a server render runs: the elements and everything they use. */
const FOLDERS = ['src/components', 'src/derive', 'src/layout', 'src/i18n', 'src/theme', 'src/feed'];

/** Globals that do not exist in Node (or in Lit's DOM shim). */
const BROWSER_GLOBALS = new Set([
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'matchMedia',
  'getComputedStyle',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'ResizeObserver',
  'MutationObserver',
  'IntersectionObserver',
  'CSS',
  'HTMLScriptElement',
  'ShadowRoot',
  'Element',
  'Node',
  'HTMLElement',
  'getSelection',
]);

/** Methods that only ever run in a browser. */
const BROWSER_ONLY_METHODS = new Set([
  'connectedCallback',
  'disconnectedCallback',
  'firstUpdated',
  'updated',
  'hostConnected',
  'hostDisconnected',
  'hostUpdated',
]);

/**
 * Functions that only browser-only code calls, checked by reading them: each with its reason.
 * A new entry needs one.
 */
const REVIEWED: Readonly<Record<string, string>> = {
  // src/feed/source.ts and registry.ts: the shared feed source runs only once an element joins
  // it, from FeedController.sync (hostConnected); a server render takes the `feed` property.
  'src/feed/source.ts': 'polling source, joined from hostConnected only',
  'src/feed/registry.ts': 'feed sources, joined from hostConnected only',
  'src/feed/fetch-policy.ts': 'fetch rules for the browser sources',
  'src/feed/turns.ts': 'scheduling of browser updates (scheduleUpdate never runs on the server)',
  'src/components/seat-bar/text-measure.ts': 'called from measureFor, which returns before it in a server view',
  'src/components/party-table/fit-columns.ts#overflows':
    'measures the table, from hostUpdated and its ResizeObserver only',
  // Roving focus: `element` finds a control to focus; RovingFocus.move calls it from key handlers only.
  'src/components/council-list/council-list.ts#TallyCouncilList.hexRoving':
    'RovingFocus element(), called by move() from key handlers',
  'src/components/council-list/council-list.ts#TallyCouncilList.rowRoving':
    'RovingFocus element(), called by move() from key handlers',
  'src/components/seat-bar/seat-bar.ts#TallySeatBar.controlElement': 'called by RovingFocus.move() and onClick only',
  // Event handlers gathered in an object for the templates: they run on events only.
  'src/components/council-list/map-interaction.ts#MapInteraction.handlers': "the map's event handlers",
  'src/components/ticker/attention.ts#ReaderAttention.handlers': "the ticker's focus and pointer handlers",
};

interface Use {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly where: string;
}

function sourceFiles(): string[] {
  return FOLDERS.flatMap((folder) =>
    readdirSync(join(ROOT, folder), { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.build.ts'))
      .map((name) => join(folder, name)),
  );
}

/** Is `node` a reference to a global of that name (not a property, a type, a declaration)? */
function isGlobalReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return false;
  if (ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isParameter(parent)) return false;
  if (ts.isImportSpecifier(parent) || ts.isVariableDeclaration(parent)) return false;
  // Types vanish at run time.
  for (let at: ts.Node = node; at.parent; at = at.parent) {
    if (ts.isTypeNode(at) || ts.isTypeAliasDeclaration(at) || ts.isInterfaceDeclaration(at) || ts.isHeritageClause(at))
      return false;
  }
  return true;
}

const GUARD = /typeof\s+\w+\s*[!=]==?\s*'(undefined|function)'|\bisServer\b|\brendersAsServer\(/;

/** `cond ? use : other`, `cond && use`, `if (cond) use`, or an early `if (guard) return` before it. */
function isGuarded(node: ts.Node, source: ts.SourceFile, stop: ts.Node): boolean {
  for (let at: ts.Node = node; at.parent && at !== stop; at = at.parent) {
    const parent = at.parent;
    if (ts.isTypeOfExpression(parent)) return true;
    const condition =
      ts.isConditionalExpression(parent) && at !== parent.condition
        ? parent.condition
        : ts.isBinaryExpression(parent) &&
            [
              ts.SyntaxKind.AmpersandAmpersandToken,
              ts.SyntaxKind.QuestionQuestionToken,
              ts.SyntaxKind.BarBarToken,
            ].includes(parent.operatorToken.kind) &&
            at === parent.right
          ? parent.left
          : ts.isIfStatement(parent) && at !== parent.expression
            ? parent.expression
            : undefined;
    if (condition && GUARD.test(condition.getText(source))) return true;
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      const statements = parent.statements as ts.NodeArray<ts.Statement>;
      const index = statements.indexOf(at as ts.Statement);
      for (const statement of statements.slice(0, Math.max(0, index))) {
        if (
          ts.isIfStatement(statement) &&
          GUARD.test(statement.expression.getText(source)) &&
          /\breturn\b/.test(statement.thenStatement.getText(source))
        )
          return true;
      }
    }
  }
  return false;
}

type Member = ts.ClassElement & { name?: ts.PropertyName };

const memberName = (member: Member): string | undefined =>
  member.name && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name)) ? member.name.text : undefined;
const isFunctionField = (member: Member) =>
  ts.isPropertyDeclaration(member) &&
  member.initializer !== undefined &&
  (ts.isArrowFunction(member.initializer) || ts.isFunctionExpression(member.initializer));
const isPrivate = (member: Member) =>
  ts.getCombinedModifierFlags(member as ts.Declaration) & ts.ModifierFlags.Private ||
  (member.name !== undefined && ts.isPrivateIdentifier(member.name));
const browserOnly = (name: string | undefined) =>
  name !== undefined && (BROWSER_ONLY_METHODS.has(name) || /^on[A-Z]/.test(name));

/**
 * The members of a class a server render can run: from its roots (an element's constructor,
 * fields, willUpdate and render; any other class's public members), through `this.x` uses,
 * never into browser-only callbacks or event handlers.
 */
function serverReachable(node: ts.ClassLikeDeclaration): Set<Member> {
  const members = node.members as ts.NodeArray<Member>;
  const byName = new Map<string, Member[]>();
  for (const member of members) {
    const name = memberName(member);
    if (name) byName.set(name, [...(byName.get(name) ?? []), member]);
  }
  const element = (node.heritageClauses ?? []).some((clause) => /LitElement/.test(clause.getText()));
  const roots = members.filter((member) => {
    const name = memberName(member);
    if (browserOnly(name)) return false;
    if (ts.isConstructorDeclaration(member)) return true;
    if (ts.isPropertyDeclaration(member)) return !isFunctionField(member);
    if (element) return name === 'willUpdate' || name === 'render';
    return !isPrivate(member);
  });
  const reached = new Set<Member>();
  const queue = [...roots];
  while (queue.length > 0) {
    const member = queue.pop()!;
    if (reached.has(member)) continue;
    reached.add(member);
    const visit = (child: ts.Node) => {
      // A call behind `isServer` (or another guard) is not a server path.
      if (
        ts.isPropertyAccessExpression(child) &&
        child.expression.kind === ts.SyntaxKind.ThisKeyword &&
        !isGuarded(child, child.getSourceFile(), member)
      ) {
        const name = child.name.text;
        if (!browserOnly(name))
          for (const target of byName.get(name) ?? []) if (!reached.has(target)) queue.push(target);
      }
      ts.forEachChild(child, visit);
    };
    ts.forEachChild(member, visit);
  }
  return reached;
}

function unguardedUses(): Use[] {
  const uses: Use[] = [];
  for (const file of sourceFiles()) {
    if (REVIEWED[file]) continue;
    const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node, scope: { where: string; stop: ts.Node } | undefined) => {
      if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
        const reachable = serverReachable(node);
        for (const member of node.members as ts.NodeArray<Member>) {
          if (reachable.has(member))
            ts.forEachChild(member, (child) =>
              visit(child, {
                where: `${node.name?.text ?? 'class'}.${memberName(member) ?? 'constructor'}`,
                stop: member,
              }),
            );
        }
        return;
      }
      const here = scope ?? {
        where: ts.isFunctionDeclaration(node) && node.name ? node.name.text : '(module)',
        stop: source,
      };
      if (REVIEWED[`${file}#${here.where}`]) return;
      if (
        ts.isIdentifier(node) &&
        BROWSER_GLOBALS.has(node.text) &&
        isGlobalReference(node) &&
        !isGuarded(node, source, here.stop)
      ) {
        uses.push({
          file,
          line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
          name: node.text,
          where: here.where,
        });
      }
      ts.forEachChild(node, (child) =>
        visit(
          child,
          ts.isFunctionDeclaration(node) && !scope ? { where: node.name?.text ?? 'function', stop: node } : scope,
        ),
      );
    };
    visit(source, undefined);
  }
  return uses;
}

describe('server safety', () => {
  it('no browser-only global is used where a server render can reach it', () => {
    const uses = unguardedUses().map((use) => `${use.file}:${use.line} ${use.name} in ${use.where}`);
    expect(uses).toEqual([]);
  });

  it('the check tells a server path from a browser-only one (it can fail)', () => {
    const code = `class A extends LitElement {
      render() { return this.measure(); }
      private measure() { return getComputedStyle(this).width; }
      private guarded() { return typeof document === 'undefined' ? 0 : document.title.length; }
      updated() { this.later(); document.title = 'x'; }
      private later() { window.scrollTo(0, 0); }
      private onClick = () => { navigator.vibrate(1); };
    }`;
    const source = ts.createSourceFile('x.ts', code, ts.ScriptTarget.ES2022, true);
    const node = source.statements[0] as ts.ClassDeclaration;
    const reachable = [...serverReachable(node)].map((member) => memberName(member));
    expect(reachable.sort()).toEqual(['measure', 'render']);
    const measure = node.members.find((member) => memberName(member) === 'measure')!;
    const uses: string[] = [];
    const visit = (child: ts.Node) => {
      if (
        ts.isIdentifier(child) &&
        BROWSER_GLOBALS.has(child.text) &&
        isGlobalReference(child) &&
        !isGuarded(child, source, measure)
      )
        uses.push(child.text);
      ts.forEachChild(child, visit);
    };
    visit(measure);
    expect(uses).toEqual(['getComputedStyle']);
  });
});
