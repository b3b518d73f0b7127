/**
 * The CSP-safe styleMap (src/components/shared/style-map.ts) behaves like Lit's: the widgets
 * depend on it for geometry and party colours. Its first render never writes a style attribute
 * string (embed-csp.test.ts checks that under a real policy).
 */
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { styleMap, type StyleInfo } from '../../src/components/shared/style-map.js';

describe('styleMap (CSSOM only)', () => {
  const host = document.createElement('div');
  const draw = (styles: StyleInfo) => render(html`<span style=${styleMap(styles)}></span>`, host);
  const span = () => host.querySelector('span')!;

  it('sets custom, dashed and camelCase properties from the first render, and updates and removes them', () => {
    const setAttribute = Element.prototype.setAttribute;
    const written: string[] = [];
    Element.prototype.setAttribute = function (name: string, value: string) {
      if (name === 'style') written.push(value);
      return setAttribute.call(this, name, value);
    };
    try {
      draw({ '--x0': '12.5', 'font-weight': '700', backgroundColor: 'rgb(1, 2, 3)', '--gone': null });
    } finally {
      Element.prototype.setAttribute = setAttribute;
    }
    expect(written).to.deep.equal([]);
    expect(span().style.getPropertyValue('--x0')).to.equal('12.5');
    expect(span().style.fontWeight).to.equal('700');
    expect(span().style.backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(span().style.getPropertyValue('--gone')).to.equal('');

    draw({ '--x0': '40', backgroundColor: undefined, color: 'red !important' });
    expect(span().style.getPropertyValue('--x0')).to.equal('40');
    expect(span().style.fontWeight).to.equal('');
    expect(span().style.backgroundColor).to.equal('');
    expect(span().style.getPropertyPriority('color')).to.equal('important');
  });

  it('refuses a place other than the whole style attribute', () => {
    expect(() => render(html`<span title=${styleMap({})}></span>`, document.createElement('div'))).to.throw(
      'styleMap must be the whole value of a style attribute',
    );
  });
});
