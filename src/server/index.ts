/**
 * `tally-widgets/server`: Tally's widgets rendered in Node (Lit SSR), for pages that show
 * results before any script runs, and for readers and apps with none (docs/static-rendering.md).
 */
export {
  renderWidget,
  isServerWidget,
  widgetAttributes,
  RenderWidgetError,
  SERVER_WIDGETS,
  DEFAULT_SERVER_LANG,
  DEFAULT_SERVER_TIME_ZONE,
  type ServerWidgetName,
  type WidgetAttributes,
  type RenderWidgetOptions,
} from './render-widget.js';
export {
  snapshotSvg,
  seatBarSnapshotSvg,
  councilMapSnapshotSvg,
  snapshotCaption,
  snapshotSource,
  SVG_SNAPSHOT_WIDGETS,
  type SnapshotOptions,
  type SvgSnapshotWidget,
} from './snapshot-svg.js';
export {
  snapshotPng,
  snapshotPage,
  findChromium,
  SnapshotToolError,
  CHROMIUM_PATHS,
  snapshotOptionsFromAttributes,
  rasterizeSvgs,
  pngSupport,
} from './snapshot-png.js';
export {
  areaPages,
  areaFeed,
  areaContentKey,
  pageAreas,
  pagePaths,
  slug,
  type AreaPage,
  type AreaPagesOptions,
} from './area-pages.js';
