/**
 * `tally render <widget> --feed <file|url> [--attr name=value…]`: one widget as HTML, rendered
 * on the server (declarative shadow DOM), for a page that shows results before any script runs.
 * The server code loads only when this command runs.
 */
import { Command, Option } from 'commander';
import { parseFeed } from '../../feed/validate.js';
import type { Feed } from '../../feed/schema.js';
import { CliError, count, EXIT, resolvePath, type CliContext } from '../context.js';
import { hintFor } from '../feed-hints.js';
import { writeFileAtomic } from '../publish/atomic-write.js';
import { readText } from './validate.js';

export const WIDGET_NAMES = ['seat-bar', 'party-table', 'council-list', 'ticker', 'area-result'] as const;

/** Repeatable `--attr name=value`. */
export function collectAttribute(value: string, previous: Record<string, string>): Record<string, string> {
  const at = value.indexOf('=');
  const name = (at === -1 ? value : value.slice(0, at)).trim();
  if (!name)
    throw new CliError(
      `--attr "${value}": no attribute name`,
      EXIT.unreadable,
      'Write --attr name=value, e.g. --attr layout=bars.',
    );
  if (Object.prototype.hasOwnProperty.call(previous, name.toLowerCase())) {
    throw new CliError(`--attr ${name} is given twice`, EXIT.unreadable, 'Give each attribute once.');
  }
  // `--attr paused` alone sets a boolean attribute.
  return { ...previous, [name.toLowerCase()]: at === -1 ? '' : value.slice(at + 1) };
}

/** Read and check a feed named on the command line; its problems end the command (exit 1). */
export async function loadFeed(context: CliContext, location: string): Promise<Feed> {
  const result = parseFeed(await readText(context, location));
  for (const warning of result.warnings) context.err(`warning: ${location}: ${warning.path}: ${warning.message}`);
  if (result.ok) return result.feed;
  context.err(`${location}: not a valid feed (${count(result.errors.length, 'problem')}):`);
  for (const error of result.errors)
    context.err(`  ${error.path ? `${error.path}: ` : ''}${error.message} — ${hintFor(error)}`);
  throw new CliError('nothing was rendered', EXIT.invalid, `Check it with: tally validate ${location}`);
}

/** A HexJSON layout from a file or URL, for the council list's map. */
export async function loadLayout(context: CliContext, location: string): Promise<unknown> {
  const text = await readText(context, location);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `${location}: not JSON (${(error as Error).message})`,
      EXIT.invalid,
      'The map layout is a HexJSON file, e.g. node_modules/tally-widgets/dist/layouts/uk-local-authority-districts.hexjson.',
    );
  }
}

/** The server renderer, loaded on first use (it brings Lit and the elements). */
export const loadServer = () => import('../../server/index.js');

export function renderCommand(context: CliContext, setExit: (code: number) => void): Command {
  return new Command('render')
    .summary('render a widget to HTML on the server, readable without JavaScript')
    .description(
      `Render one widget from a feed to an HTML fragment: the element with its content in a declarative shadow root, readable with no script at all (search engines, AMP, readers on slow phones), and hydrated in place when Tally's script arrives. Widgets: ${WIDGET_NAMES.join(', ')}. The feed goes inside the element too, so it hydrates from the same data; with --attr src=… it then follows the live feed.\n\nExit status: 0 rendered, 1 the feed is not valid, 2 something could not be read or the command line is wrong.`,
    )
    .argument('<widget>', `the widget: ${WIDGET_NAMES.join(', ')}`)
    .requiredOption(
      '-f, --feed <file|url>',
      'the feed to render: a file, an http(s) URL or - for standard input, e.g. --feed feeds/locals-2026.json',
    )
    .addOption(
      new Option(
        '-a, --attr <name=value>',
        'an attribute of the element, repeatable, e.g. --attr layout=bars --attr lang=cy --attr src=https://results.example.org/feeds/night.json',
      )
        .argParser(collectAttribute)
        .default({}, 'none'),
    )
    .option(
      '--layout <file|url>',
      'the council list map: a HexJSON layout drawn on the server, e.g. --layout dist/layouts/uk-local-authority-districts.hexjson (default: the file or URL of --attr layout-src)',
    )
    .option(
      '-o, --out <file>',
      'write the fragment to a file (whole or not at all) instead of standard output, e.g. -o fragment.html',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ tally render seat-bar --feed feeds/locals-2026.json > seat-bar.html
  $ tally render seat-bar --feed feeds/ge.json --attr layout=parliament --attr theme=dark -o hemicycle.html
  $ tally render party-table --feed https://results.example.org/feeds/locals-2026.json --attr lang=cy
  $ tally render council-list --feed feeds/locals-2026.json --attr layout-src=https://cdn.example.org/tally/layouts/uk-local-authority-districts.hexjson --layout layouts/uk-local-authority-districts.hexjson

Clock times are in Europe/London unless --attr time-zone=… says otherwise, and the language is
en-GB unless --attr lang=… does (a server does not know the reader's). See docs/static-rendering.md.`,
    )
    .action(
      async (
        widget: string,
        options: { feed: string; attr: Record<string, string>; layout?: string; out?: string },
      ) => {
        const server = await loadServer();
        if (!server.isServerWidget(widget)) {
          throw new CliError(`unknown widget '${widget}'`, EXIT.unreadable, `Use one of: ${WIDGET_NAMES.join(', ')}.`);
        }
        const feed = await loadFeed(context, options.feed);
        const layoutFrom = options.layout ?? (widget === 'council-list' ? options.attr['layout-src'] : undefined);
        const layout = layoutFrom ? await loadLayout(context, layoutFrom) : undefined;
        let html: string;
        try {
          html = await server.renderWidget(widget, feed, options.attr, { layout });
        } catch (error) {
          if (error instanceof server.RenderWidgetError) {
            const attribute = error.kind === 'attribute';
            throw new CliError(
              error.message,
              attribute ? EXIT.unreadable : EXIT.invalid,
              attribute
                ? `tally render ${widget} --help; the attributes of each element are in docs/ and custom-elements.json.`
                : undefined,
            );
          }
          throw error;
        }
        if (options.out) {
          await writeFileAtomic(resolvePath(context, options.out), `${html}\n`, { beforeRename: context.beforeRename });
          context.err(
            `${options.out}: <tally-${widget}> from ${options.feed}, revision ${feed.meta.revision} (${count(Buffer.byteLength(html), 'byte')})`,
          );
        } else {
          context.out(html);
        }
        setExit(EXIT.ok);
      },
    );
}
