/**
 * The API page: custom-elements.json drawn by render.ts.
 */
import { render, type Manifest } from './render.js';

async function start(): Promise<void> {
  try {
    const response = await fetch('custom-elements.json');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    render((await response.json()) as Manifest);
  } catch (error) {
    const message = `Could not load custom-elements.json (${error instanceof Error ? error.message : String(error)}). Run "npm run build:demo" to generate it.`;
    console.error(`[demo] ${message}`);
    const paragraph = document.createElement('p');
    paragraph.textContent = message;
    document.getElementById('elements')!.replaceChildren(paragraph);
  }
}

void start();
