/**
 * The `tally` command: one commander program, one module per command under commands/. A new
 * command (`tally render`, `tally snapshot`) is a module exporting `xxxCommand(context, setExit)`
 * and one line in COMMANDS.
 */
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { CliError, EXIT, type CliContext } from './context.js';
import { convertCommand } from './commands/convert.js';
import { publishCommand } from './commands/publish.js';
import { renderCommand } from './commands/render.js';
import { snapshotCommand } from './commands/snapshot.js';
import { rollbackCommand } from './commands/rollback.js';
import { serveCommand } from './commands/serve.js';
import { validateCommand } from './commands/validate.js';

type CommandFactory = (context: CliContext, setExit: (code: number) => void) => Command;

/** In the order `tally --help` lists them. */
const COMMANDS: readonly CommandFactory[] = [
  validateCommand,
  convertCommand,
  publishCommand,
  rollbackCommand,
  serveCommand,
  renderCommand,
  snapshotCommand,
];

export function createProgram(context: CliContext, setExit: (code: number) => void): Command {
  const program = new Command('tally')
    .description(
      'Election results in, Tally feeds out: convert the sources newsrooms use into tally-feed/1, publish a live feed all night, serve it like a CDN, render widgets as HTML and images.',
    )
    .version(VERSION, '-V, --version', 'print the version of Tally')
    .helpOption('-h, --help', 'show help: tally --help, tally <command> --help')
    .helpCommand('help [command]', 'show help for a command, e.g. tally help publish')
    .configureOutput({
      writeOut: (text) => context.out(text.replace(/\n$/, '')),
      writeErr: (text) => context.err(text.replace(/\n$/, '')),
    })
    .showHelpAfterError('(tally <command> --help shows its options and examples)')
    .exitOverride();
  for (const factory of COMMANDS) {
    const command = factory(context, setExit);
    command.copyInheritedSettings(program);
    program.addCommand(command);
  }
  program.addHelpText(
    'after',
    `
Examples:
  $ tally validate https://results.example.org/feeds/locals-2026.json
  $ tally convert hoc-csv results.csv --config ge.json -o ge.json
  $ tally publish pa-local --watch /srv/pa-mirror/results --out feeds --config locals-2026.json
  $ tally serve feeds
  $ tally render seat-bar --feed feeds/locals-2026.json > seat-bar.html
  $ tally snapshot seat-bar --feed feeds/locals-2026.json --format png -o seats.png

Exit status: 0 success, 1 the data has problems, 2 something could not be read or the command line is wrong.
Documentation: docs/data-in.md (in the package: node_modules/tally-widgets/docs/data-in.md).`,
  );
  return program;
}

/** Run the command line `argv` (without "node tally"); resolves to the exit status. */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = createProgram(context, (code) => (exitCode = code));
  const name = program.commands.find((command) => command.name() === argv[0])?.name();
  const prefix = name ? `tally ${name}` : 'tally';
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; a wrong command line (already explained by commander) exits 2.
      return error.exitCode === 0 ? EXIT.ok : EXIT.unreadable;
    }
    if (error instanceof CliError) {
      context.err(`${prefix}: ${error.message}`);
      if (error.hint) context.err(`  ${error.hint}`);
      return error.exitCode;
    }
    context.err(
      `${prefix}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    context.err('  This is a bug in Tally: please report it with the command and, if you can, the source.');
    return 70;
  }
}
