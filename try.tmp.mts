import { renderWidget } from './src/server/index.ts';
import { readFileSync } from 'node:fs';
const feed = JSON.parse(readFileSync('test/fixtures/uk-general-2019.final.json', 'utf8'));
const html = await renderWidget('council-list', feed);
console.log(html.match(/<option[^]{0,200}/g)?.slice(0, 3));
