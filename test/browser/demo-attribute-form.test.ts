/** The demo playgrounds' forms take their choices and applied fields from the elements' attribute table. */
import { expect, fixture, html } from '@open-wc/testing';
import { attributeFields, fillChoices } from '../../demo/attribute-form.js';
import { ELEMENT_ATTRIBUTES } from '../../src/embed/element-attributes.js';

describe('demo attribute forms', () => {
  it('fills each select[data-choices] with the attribute’s values, the default as the empty value', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form>
        <select name="feed"><option value="a">A feed</option></select>
        <select name="layout" data-choices></select>
        <select name="theme" data-choices></select>
        <input name="others-below" />
        <select name="width"><option value="">full</option></select>
      </form>
    `);
    fillChoices(form, 'tally-seat-bar');
    const layout = form.querySelector<HTMLSelectElement>('select[name="layout"]')!;
    const values = ELEMENT_ATTRIBUTES['tally-seat-bar'].find((attribute) => attribute.name === 'layout')!.values!;
    expect([...layout.options].map((option) => option.textContent)).to.deep.equal([...values]);
    expect([...layout.options].map((option) => option.value)).to.deep.equal(['', ...values.slice(1)]);
    expect(form.querySelector<HTMLSelectElement>('select[name="feed"]')!.options.length).to.equal(1);
    expect(attributeFields(form, 'tally-seat-bar')).to.deep.equal(['layout', 'theme', 'others-below']);
  });

  it('names an attribute without fixed values', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><select name="area" data-choices></select></form>`);
    expect(() => fillChoices(form, 'tally-seat-bar')).to.throw(
      '<tally-seat-bar> attribute "area" has no string-literal values',
    );
  });
});
