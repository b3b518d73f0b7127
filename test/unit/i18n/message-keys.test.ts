/**
 * Message keys are typed (src/i18n/messages.ts): a key the code names that no British English
 * table has, a Welsh table missing a key of its English one, or one with a key English lacks, are
 * type errors. This replaces the tests that searched the source text for keys with regular
 * expressions. It compiles a small module with the project's own settings, twice: as written
 * (each mistake marked `@ts-expect-error`, so it compiles clean), and with the marks taken out
 * (so each mistake must be reported, at its line).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FILE = join(ROOT, 'test/unit/i18n/message-keys.check.ts');

function diagnostics(text: string): { line: number; message: string }[] {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name === FILE ? text : readFile(name));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === FILE ? ts.createSourceFile(name, text, language) : getSourceFile(name, language, ...rest);
  const program = ts.createProgram({ rootNames: [FILE], options: { ...options, noEmit: true }, host });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file?.fileName === FILE)
    .map((diagnostic) => ({
      line: diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    }));
}

describe('typed message keys', () => {
  const written = readFileSync(FILE, 'utf8');
  const lines = written.split('\n');
  const isMark = (line: string) => line.trim().startsWith('// @ts-expect-error');
  const marked = lines.flatMap((line, index) => (isMark(line) ? [index + 2] : []));

  it('the check module marks its mistakes (and compiles clean as written)', () => {
    expect(marked.length).toBeGreaterThanOrEqual(4);
    expect(diagnostics(written)).toEqual([]);
  }, 60_000);

  it('reports each mistake once its mark is taken out: unknown keys, a missing Welsh message, an extra one', () => {
    const unmarked = lines.map((line) => (isMark(line) ? '' : line)).join('\n');
    const reported = diagnostics(unmarked);
    // Each marked line (shifted by nothing: the mark's line is left empty) has its error.
    expect([...new Set(reported.map((diagnostic) => diagnostic.line))].sort((a, b) => a - b)).toEqual(marked);
  }, 60_000);
});
