import { describe, expect, it } from 'vitest';
import { FRAME_MESSAGE_TYPE, frameHeightMessages, MAX_FRAME_HEIGHT, pymHeightMessage, readFrameHeight } from '../../../src/embed/frame-protocol.js';
import { feedRefusal } from '../../../src/embed/frame-page.js';

describe('frameHeightMessages', () => {
  it('speaks Tally, AMP and (with a child id) pym.js', () => {
    expect(frameHeightMessages(412.3, { frame: 'results-1', pymChildId: 'pym-7' })).toEqual([
      { type: FRAME_MESSAGE_TYPE, height: 413, frame: 'results-1' },
      { sentinel: 'amp', type: 'embed-size', height: 413 },
      'pymxPYMxpym-7xPYMxheightxPYMx413',
    ]);
    expect(frameHeightMessages(300)).toHaveLength(2);
  });
  it('writes pym messages the way pym.js parents parse them', () => {
    // pym.js splits on "xPYMx": ["pym", id, messageType, message]
    expect(pymHeightMessage('a', 10).split('xPYMx')).toEqual(['pym', 'a', 'height', '10']);
  });
});

describe('readFrameHeight', () => {
  it('reads only Tally messages with a sane height', () => {
    expect(readFrameHeight({ type: FRAME_MESSAGE_TYPE, height: 250 })).toBe(250);
    expect(readFrameHeight({ type: FRAME_MESSAGE_TYPE, height: -1 })).toBeUndefined();
    expect(readFrameHeight({ type: FRAME_MESSAGE_TYPE, height: MAX_FRAME_HEIGHT + 1 })).toBeUndefined();
    expect(readFrameHeight({ type: FRAME_MESSAGE_TYPE, height: Number.NaN })).toBeUndefined();
    expect(readFrameHeight({ type: FRAME_MESSAGE_TYPE, height: '250' })).toBeUndefined();
    expect(readFrameHeight({ sentinel: 'amp', type: 'embed-size', height: 250 })).toBeUndefined();
    expect(readFrameHeight('pymxPYMxaxPYMxheightxPYMx250')).toBeUndefined();
    expect(readFrameHeight(null)).toBeUndefined();
  });
});

describe('feedRefusal', () => {
  const page = 'https://results.example.org/embed.html?widget=ticker';
  it('allows the page’s own origin and listed origins only', () => {
    expect(feedRefusal('/feeds/night.json', page, [])).toBeUndefined();
    expect(feedRefusal('https://cdn.example.net/feed.json', page, ['https://cdn.example.net'])).toBeUndefined();
    expect(feedRefusal('https://evil.example/feed.json', page, ['https://cdn.example.net'])).toBe('feeds from https://evil.example are not allowed on this page');
    expect(feedRefusal('javascript:alert(1)', page, [])).toBe('javascript: feeds are not allowed');
    expect(feedRefusal('data:application/json,{}', page, [])).toBe('data: feeds are not allowed');
    expect(feedRefusal('http://[bad', page, [])).toBe('"http://[bad" is not a URL');
  });
});
