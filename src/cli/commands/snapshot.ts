/**
 * `tally snapshot <widget> --feed … --format svg|png`: an image of a widget for social posts and
 * newsletters, with when and how far ("Results at 02:41 · 130 of 150 councils declared") and the
 * source. SVG needs no browser (the seat bar and the council map); PNG uses the system Chromium.
 */
import { Command, Option } from 'commander';
import { CliError, count, EXIT, resolvePath, type CliContext } from '../context.js';
import { writeFileAtomic } from '../publish/atomic-write.js';
import { collectAttribute, loadFeed, loadLayout, loadServer, WIDGET_NAMES } from './render.js';

const positiveWidth = (value: string): number => {
  const width = Number(value);
  if (!Number.isInteger(width) || width < 320 || width > 4000)
    throw new CliError(
      `--width ${value}: a whole number of pixels from 320 to 4000`,
      EXIT.unreadable,
      'e.g. --width 1200 (a social card) or --width 600 (a newsletter).',
    );
  return width;
};

export function snapshotCommand(context: CliContext, setExit: (code: number) => void): Command {
  return new Command('snapshot')
    .summary('an SVG or PNG image of a widget, with the time, progress and source')
    .description(
      'Draw a widget as an image for social posts and newsletters: the widget, a caption of when and how far ("Results at 02:41 · 130 of 150 councils declared") and the source. SVG is written without a browser for the charts (seat-bar, and council-list as a hex map with --layout); PNG photographs any widget in the system Chromium (with puppeteer-core installed).\n\nExit status: 0 written, 1 the feed is not valid or has nothing to draw, 2 something could not be read, is missing (Chromium, puppeteer-core) or the command line is wrong.',
    )
    .argument('<widget>', `the widget: ${WIDGET_NAMES.join(', ')}`)
    .requiredOption(
      '-f, --feed <file|url>',
      'the feed: a file, an http(s) URL or - for standard input, e.g. --feed feeds/locals-2026.json',
    )
    .addOption(
      new Option('--format <format>', 'svg (charts only, no browser) or png (any widget, Chromium), e.g. --format png')
        .choices(['svg', 'png'])
        .default('svg'),
    )
    .option(
      '--width <pixels>',
      'the image width, 320 to 4000, e.g. --width 1200 (a social card) or --width 600 (a newsletter)',
      positiveWidth,
      1200,
    )
    .addOption(
      new Option('--theme <theme>', 'light or dark, e.g. --theme dark').choices(['light', 'dark']).default('light'),
    )
    .option('--lang <tag>', 'the language, e.g. --lang cy (default en-GB)')
    .option('--time-zone <zone>', 'the zone of the clock times, e.g. --time-zone Europe/London (the default)')
    .option('--source <text>', 'who the figures are from, when the feed does not say, e.g. --source "PA Media"')
    .addOption(
      new Option('-a, --attr <name=value>', 'an attribute of the widget, repeatable, e.g. --attr layout=parliament')
        .argParser(collectAttribute)
        .default({}, 'none'),
    )
    .option(
      '--layout <file|url>',
      'the council map: a HexJSON layout, e.g. --layout dist/layouts/uk-local-authority-districts.hexjson',
    )
    .option('--scale <factor>', 'PNG pixel density, e.g. --scale 2 for sharp text on phones (default 1)', (value) => {
      const scale = Number(value);
      if (!(scale >= 1 && scale <= 3))
        throw new CliError(`--scale ${value}: 1 to 3`, EXIT.unreadable, 'e.g. --scale 2');
      return scale;
    })
    .option('-o, --out <file>', 'the image file (a PNG must go to a file), e.g. -o seats.png')
    .addHelpText(
      'after',
      `
Examples:
  $ tally snapshot seat-bar --feed feeds/ge.json --attr layout=parliament -o seats.svg
  $ tally snapshot seat-bar --feed feeds/locals-2026.json --format png --width 1200 --theme dark -o seats.png
  $ tally snapshot council-list --feed feeds/ge.json --layout dist/layouts/uk-constituencies-2019.hexjson -o map.svg
  $ tally snapshot party-table --feed feeds/locals-2026.json --format png --lang cy -o tabl.png`,
    )
    .action(
      async (
        widget: string,
        options: {
          feed: string;
          format: 'svg' | 'png';
          width: number;
          theme: 'light' | 'dark';
          lang?: string;
          timeZone?: string;
          source?: string;
          attr: Record<string, string>;
          layout?: string;
          scale?: number;
          out?: string;
        },
      ) => {
        const server = await loadServer();
        if (!server.isServerWidget(widget))
          throw new CliError(`unknown widget '${widget}'`, EXIT.unreadable, `Use one of: ${WIDGET_NAMES.join(', ')}.`);
        if (options.format === 'svg' && !(server.SVG_SNAPSHOT_WIDGETS as readonly string[]).includes(widget)) {
          throw new CliError(
            `${widget} has no SVG snapshot: it is a table or a list, not a chart`,
            EXIT.unreadable,
            `Use --format png (photographed in Chromium), or snapshot a chart: ${server.SVG_SNAPSHOT_WIDGETS.join(', ')}.`,
          );
        }
        if (options.format === 'png' && !options.out)
          throw new CliError('a PNG goes to a file', EXIT.unreadable, 'Add -o, e.g. -o seats.png.');
        const feed = await loadFeed(context, options.feed);
        const layoutFrom = options.layout ?? (widget === 'council-list' ? options.attr['layout-src'] : undefined);
        if (widget === 'council-list' && options.format === 'svg' && !layoutFrom) {
          throw new CliError(
            'the council map needs its HexJSON layout',
            EXIT.unreadable,
            'Add --layout, e.g. --layout node_modules/tally-widgets/dist/layouts/uk-local-authority-districts.hexjson.',
          );
        }
        const hexLayout = layoutFrom ? await loadLayout(context, layoutFrom) : undefined;
        const snapshot = {
          width: options.width,
          theme: options.theme,
          lang: options.lang,
          timeZone: options.timeZone,
          source: options.source,
          hexLayout,
        };
        let data: string | Uint8Array;
        try {
          data =
            options.format === 'svg'
              ? server.snapshotSvg(widget, feed, { ...snapshot, ...server.snapshotOptionsFromAttributes(options.attr) })
              : await server.snapshotPng(widget, feed, { ...snapshot, attrs: options.attr, scale: options.scale });
        } catch (error) {
          if (error instanceof server.SnapshotToolError) throw new CliError(error.message, EXIT.unreadable);
          if (error instanceof server.RenderWidgetError)
            throw new CliError(error.message, error.kind === 'feed' ? EXIT.invalid : EXIT.unreadable);
          throw error;
        }
        if (options.out) {
          await writeFileAtomic(resolvePath(context, options.out), data, { beforeRename: context.beforeRename });
          const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
          context.err(
            `${options.out}: ${widget} snapshot (${options.format.toUpperCase()}, ${options.width} px wide, ${count(bytes, 'byte')}), revision ${feed.meta.revision}`,
          );
        } else context.out((data as string).trimEnd());
        setExit(EXIT.ok);
      },
    );
}
