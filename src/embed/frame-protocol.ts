/**
 * The resize protocol between an embed iframe (the child, `embed.html`) and the page around
 * it (the parent). The child reports its height in three dialects, so existing auto-resizers
 * work unchanged: Tally's own JSON message, pym.js's string message, and AMP's `embed-size`.
 * Pure: building and reading messages only; posting is the caller's job.
 */

/**
 * Query parameters of the iframe page that steer the frame itself and are never copied onto
 * the widget: ours (`widget`, `frame`) and the ones pym.js adds to a child's URL.
 */
export const FRAME_PARAMETERS: ReadonlySet<string> = new Set([
  'widget',
  'frame',
  'childid',
  'initialwidth',
  'parenttitle',
  'parenturl',
]);

/** `type` of Tally's own message. */
export const FRAME_MESSAGE_TYPE = 'tally:frame-height';

export interface TallyFrameMessage {
  readonly type: typeof FRAME_MESSAGE_TYPE;
  /** Content height in CSS pixels. */
  readonly height: number;
  /** The frame's id when the parent gave one (`?frame=` in the iframe URL). */
  readonly frame?: string | undefined;
}

export interface AmpEmbedSizeMessage {
  readonly sentinel: 'amp';
  readonly type: 'embed-size';
  readonly height: number;
}

/** pym.js child-to-parent message: `pymxPYMx<id>xPYMxheightxPYMx<px>`. */
export function pymHeightMessage(childId: string, height: number): string {
  return ['pym', childId, 'height', String(height)].join('xPYMx');
}

/** Every message a child posts for one height. pym's needs the `childId` pym gave the frame. */
export function frameHeightMessages(
  height: number,
  ids: { frame?: string | undefined; pymChildId?: string | undefined } = {},
): (TallyFrameMessage | AmpEmbedSizeMessage | string)[] {
  const px = Math.ceil(height);
  const messages: (TallyFrameMessage | AmpEmbedSizeMessage | string)[] = [
    { type: FRAME_MESSAGE_TYPE, height: px, ...(ids.frame ? { frame: ids.frame } : {}) },
    { sentinel: 'amp', type: 'embed-size', height: px },
  ];
  if (ids.pymChildId) messages.push(pymHeightMessage(ids.pymChildId, px));
  return messages;
}

/** Largest height accepted from a frame: a runaway child cannot make a page miles long. */
export const MAX_FRAME_HEIGHT = 20_000;

/** The height in a Tally message, or undefined for anything else (including absurd values). */
export function readFrameHeight(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Partial<TallyFrameMessage>;
  if (message.type !== FRAME_MESSAGE_TYPE || typeof message.height !== 'number') return undefined;
  if (!Number.isFinite(message.height) || message.height < 0 || message.height > MAX_FRAME_HEIGHT) return undefined;
  return Math.ceil(message.height);
}

/**
 * The initial height for a frame `width` px wide from a `data-tally-heights` list
 * ("minWidth:height,…", any order): the entry with the largest minimum width that fits.
 * Malformed entries are skipped; undefined when none applies.
 */
export function heightForWidth(table: string, width: number): number | undefined {
  let height: number | undefined;
  let bestMinWidth = -1;
  for (const pair of table.split(',')) {
    const parts = pair.split(':');
    if (parts.length !== 2 || parts.some((part) => part.trim() === '')) continue;
    const [minWidth, value] = parts.map(Number) as [number, number];
    if (!(minWidth >= 0) || !(value > 0 && value <= MAX_FRAME_HEIGHT)) continue;
    if (width >= minWidth && minWidth > bestMinWidth) {
      bestMinWidth = minWidth;
      height = value;
    }
  }
  return height;
}
