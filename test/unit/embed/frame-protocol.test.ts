import { describe, expect, it } from 'vitest';
import {
  FRAME_MESSAGE_TYPE,
  frameHeightMessages,
  heightForWidth,
  MAX_FRAME_HEIGHT,
  pymHeightMessage,
  readFrameHeight,
} from '../../../src/embed/frame-protocol.js';
import { describeRefusal, feedRefusal } from '../../../src/embed/frame-page.js';
// Welsh is fetched on first use on a page; these tests read it at once.
import '../../../src/components/shared/welsh.js';
import '../../../src/embed/messages.cy.js';

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
    // pym.js 1.3.2, Parent: new RegExp('^pym' + 'xPYMx' + id + 'xPYMx' + '(\\S+)' + 'xPYMx' + '(.*)$'),
    // then parseInt(message) for a 'height' message.
    const match = pymHeightMessage('results', 10).match(new RegExp('^pymxPYMxresultsxPYMx(\\S+)xPYMx(.*)$'));
    expect(match?.[1]).toBe('height');
    expect(Number.parseInt(match![2]!, 10)).toBe(10);
  });
});

describe('readFrameHeight', () => {
  it('reads only Tally messages with a sane height', () => {
    expect(readFrameHeight({ type: FRAME_MESSAGE_TYPE, height: 250 })).toBe(250);
    expect(readFrameHeight({ type: FRAME_MESSAGE_TYPE, height: 250.2 })).toBe(251);
    expect(readFrameHeight({ type: FRAME_MESSAGE_TYPE, height: -1 })).toBeUndefined();
    expect(readFrameHeight({ type: FRAME_MESSAGE_TYPE, height: MAX_FRAME_HEIGHT + 1 })).toBeUndefined();
    expect(readFrameHeight({ type: FRAME_MESSAGE_TYPE, height: Number.NaN })).toBeUndefined();
    expect(readFrameHeight({ type: FRAME_MESSAGE_TYPE, height: Number.POSITIVE_INFINITY })).toBeUndefined();
    expect(readFrameHeight({ type: FRAME_MESSAGE_TYPE, height: '250' })).toBeUndefined();
    expect(readFrameHeight({ sentinel: 'amp', type: 'embed-size', height: 250 })).toBeUndefined();
    expect(readFrameHeight('pymxPYMxaxPYMxheightxPYMx250')).toBeUndefined();
    expect(readFrameHeight(null)).toBeUndefined();
  });
});

describe('heightForWidth', () => {
  it('takes the entry with the largest minimum width that fits, in any order', () => {
    expect(heightForWidth('0:416,360:336,480:296', 320)).toBe(416);
    expect(heightForWidth('0:416,360:336,480:296', 360)).toBe(336);
    expect(heightForWidth('480:296,0:416,360:336', 1000)).toBe(296);
    expect(heightForWidth(' 0 : 416 , 360 : 336 ', 400)).toBe(336);
  });
  it('skips malformed or absurd entries and gives undefined when none applies', () => {
    expect(heightForWidth('360:336', 320)).toBeUndefined();
    expect(heightForWidth('', 320)).toBeUndefined();
    expect(heightForWidth('0:abc,0:-5,0:0,:300,0:,0:1:2', 320)).toBeUndefined();
    expect(heightForWidth(`0:${MAX_FRAME_HEIGHT + 1}`, 320)).toBeUndefined();
    expect(heightForWidth('0:200,oops,400:100', 500)).toBe(100);
  });
});

describe('feedRefusal', () => {
  const page = 'https://results.example.org/embed.html?widget=ticker';
  it('allows the page’s own origin and listed origins only', () => {
    expect(feedRefusal('/feeds/night.json', page, [])).toBeUndefined();
    expect(feedRefusal('https://results.example.org/feeds/night.json', page, [])).toBeUndefined();
    expect(feedRefusal('https://cdn.example.net/feed.json', page, ['https://cdn.example.net'])).toBeUndefined();
    expect(feedRefusal('https://evil.example/feed.json', page, ['https://cdn.example.net'])).toEqual({
      reason: 'origin',
      params: { origin: 'https://evil.example' },
    });
    // Same host, other scheme or port: another origin.
    expect(feedRefusal('http://results.example.org/feed.json', page, [])?.reason).toBe('origin');
    expect(feedRefusal('https://results.example.org:8443/feed.json', page, [])?.reason).toBe('origin');
    expect(feedRefusal('javascript:alert(1)', page, [])).toEqual({
      reason: 'protocol',
      params: { protocol: 'javascript' },
    });
    expect(feedRefusal('data:application/json,{}', page, [])?.reason).toBe('protocol');
    expect(feedRefusal('http://[bad', page, [])).toEqual({ reason: 'notUrl', params: { src: 'http://[bad' } });
  });
  it('says why in English for the console and in the reader’s language on the page', () => {
    const refusal = feedRefusal('https://evil.example/feed.json', page, [])!;
    expect(describeRefusal(refusal)).toBe(
      'feeds from https://evil.example are not allowed on this page. To allow them, add https://evil.example to the feed origins of embed.html: TALLY_FEED_ORIGINS when building Tally, or its tally-feed-origins meta tag when deploying',
    );
    expect(describeRefusal(refusal, 'cy')).toMatch(
      /^ni chaniateir ffrydiau o https:\/\/evil\.example ar y dudalen hon\. I’w caniatáu, ychwanegwch https:\/\/evil\.example at .*tally-feed-origins/,
    );
  });
});
