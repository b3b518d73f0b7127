import { describe, expect, it } from 'vitest';
import { embedCodes, escapeHtml, type EmbedRequest } from '../../../src/embed/embed-code.js';

const base: EmbedRequest = {
  widget: 'seat-bar',
  feed: 'https://results.example.org/feeds/night.json',
  assets: 'https://cdn.example.org/tally/',
  title: 'Seats won',
};

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    );
    expect(escapeHtml('plain')).toBe('plain');
  });
});

describe('embedCodes', () => {
  it('element: stylesheet, module script and the element with its attributes and a fallback link inside', () => {
    const { element, frameUrl } = embedCodes({ ...base, attributes: { layout: 'bars', theme: 'dark', lang: '' } });
    expect(element).toBe(
      [
        '<link rel="stylesheet" href="https://cdn.example.org/tally/tally.css">',
        '<script type="module" src="https://cdn.example.org/tally/tally.js"></script>',
        '<tally-seat-bar src="https://results.example.org/feeds/night.json" layout="bars" theme="dark">',
        `  <a href="${frameUrl.replaceAll('&', '&amp;')}">${base.title}</a>`,
        '</tally-seat-bar>',
      ].join('\n'),
    );
    expect(embedCodes({ ...base, fallbackUrl: 'https://news.example.org/results' }).element).toContain(
      '<a href="https://news.example.org/results">',
    );
  });

  it('placeholder: data-* names mirror the element attributes, with a readable fallback link', () => {
    const codes = embedCodes({
      ...base,
      widget: 'ticker',
      attributes: { mode: 'strip', 'max-items': '6' },
      fallbackUrl: 'https://news.example.org/results',
    });
    expect(codes.placeholder).toBe(
      [
        '<div data-tally-widget="ticker" data-src="https://results.example.org/feeds/night.json" data-mode="strip" data-max-items="6">',
        '  <a href="https://news.example.org/results">Seats won</a>',
        '</div>',
      ].join('\n'),
    );
    expect(codes.placeholderSetup).toBe(
      [
        '<link rel="stylesheet" href="https://cdn.example.org/tally/tally.css">',
        '<script src="https://cdn.example.org/tally/tally.classic.js" defer></script>',
      ].join('\n'),
    );
  });

  it('the fallback link goes to the iframe page unless told otherwise', () => {
    const codes = embedCodes(base);
    expect(codes.placeholder).toContain(`<a href="${escapeHtml(codes.frameUrl)}">`);
  });

  it('iframe: tally-frame.js first, then the frame with initial heights per width from the reserved boxes', () => {
    const codes = embedCodes(base);
    expect(codes.frameUrl).toBe(
      'https://cdn.example.org/tally/embed.html?widget=seat-bar&src=https%3A%2F%2Fresults.example.org%2Ffeeds%2Fnight.json',
    );
    expect(codes.iframe).toBe(
      [
        '<script src="https://cdn.example.org/tally/tally-frame.js"></script>',
        // The stacked seat bar's box: 26rem below 360 px, 21rem from 360, 18.5rem from 480, 16rem from 640 (16 px to the rem).
        '<iframe data-tally-frame data-tally-heights="0:416,360:336,480:296,640:256" src="https://cdn.example.org/tally/embed.html?widget=seat-bar&amp;src=https%3A%2F%2Fresults.example.org%2Ffeeds%2Fnight.json" title="Seats won" width="100%" height="416" frameborder="0" loading="lazy"></iframe>',
      ].join('\n'),
    );
  });

  it('iframe heights follow the variant: the parliament layout grows with the width', () => {
    const { iframe } = embedCodes({ ...base, attributes: { layout: 'parliament' } });
    expect(iframe).toContain('data-tally-heights="0:544,360:528,480:584,640:640,800:752"');
    expect(iframe).toContain('&amp;layout=parliament');
  });

  it('AMP: a fixed-height amp-iframe as tall as a phone needs, resizable, with its overflow button', () => {
    const { amp, ampSetup } = embedCodes({ ...base, attributes: { layout: 'parliament' } });
    expect(ampSetup).toBe(
      '<script async custom-element="amp-iframe" src="https://cdn.ampproject.org/v0/amp-iframe-0.1.js"></script>',
    );
    expect(amp.split('\n')).toEqual([
      '<amp-iframe src="https://cdn.example.org/tally/embed.html?widget=seat-bar&amp;src=https%3A%2F%2Fresults.example.org%2Ffeeds%2Fnight.json&amp;layout=parliament" title="Seats won" layout="fixed-height" height="544" sandbox="allow-scripts allow-same-origin" frameborder="0" resizable>',
      '  <div overflow tabindex="0" role="button" aria-label="Show all results">Show all results</div>',
      '</amp-iframe>',
    ]);
  });

  it('escapes everything a producer types, so nothing breaks out of an attribute or adds markup', () => {
    const hostile = '"><script>alert(1)</script>';
    const codes = embedCodes({
      ...base,
      feed: 'https://results.example.org/feed.json?night=1&edition="2"',
      title: hostile,
      attributes: { area: `x" onload="alert(1)`, 'others-below': "5' onerror='x" },
    });
    for (const code of [codes.element, codes.placeholder, codes.iframe, codes.amp]) {
      expect(code).not.toContain('<script>alert');
      expect(code).not.toMatch(/" onload="|' onerror='/);
      // Every attribute value is a quoted run without a raw quote inside.
      for (const [, value] of code.matchAll(/=("[^"]*"|'[^']*')/g)) expect(value).not.toMatch(/[<>]/);
    }
    expect(codes.element).toContain('area="x&quot; onload=&quot;alert(1)"');
    expect(codes.element).toContain('src="https://results.example.org/feed.json?night=1&amp;edition=%222%22"');
    expect(codes.placeholder).toContain('>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a>');
    expect(codes.iframe).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('normalises the assets address to a folder', () => {
    const { element } = embedCodes({ ...base, assets: 'https://cdn.example.org/tally?v=1#x' });
    expect(element).toContain('href="https://cdn.example.org/tally/tally.css"');
  });

  it('refuses what cannot make a safe embed, saying why', () => {
    expect(() => embedCodes({ ...base, widget: 'pie-chart' as never })).toThrow('unknown widget "pie-chart"');
    expect(() => embedCodes({ ...base, widget: 'constructor' as never })).toThrow('unknown widget "constructor"');
    expect(() => embedCodes({ ...base, feed: 'javascript:alert(1)' })).toThrow(
      'The feed must be an http or https URL, not javascript:',
    );
    expect(() => embedCodes({ ...base, feed: '/feeds/night.json' })).toThrow('The feed must be an absolute URL');
    expect(() => embedCodes({ ...base, assets: 'ftp://cdn.example.org/' })).toThrow('must be an http or https URL');
    expect(() => embedCodes({ ...base, fallbackUrl: 'javascript:void 0' })).toThrow(
      'The fallback link must be an http or https URL',
    );
    for (const name of ['onclick', 'style', 'slot', 'part', 'is', 'src', 'data-x', 'widget', 'frame', 'childid']) {
      expect(() => embedCodes({ ...base, attributes: { [name]: 'x' } }), name).toThrow(
        `the ${name} attribute cannot be set`,
      );
    }
    expect(() => embedCodes({ ...base, attributes: { 'Bad Name': 'x' } })).toThrow(
      '"Bad Name" is not an attribute name',
    );
  });

  it('gives the iframe a title even when none was typed', () => {
    expect(embedCodes({ ...base, title: '  ' }).iframe).toContain('title="Election results"');
  });
});
