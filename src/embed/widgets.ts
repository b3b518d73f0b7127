/**
 * Every element and the code that defines it: THE list the script-tag loader (`dist/tally.js`)
 * and the iframe page fetch a widget's code from. Each `import()` here becomes that element's own
 * chunk in the builds (content-hashed, fetched the first time the element appears), so adding an
 * element is one line here (and its placeholder name in ./loader.ts, its box in ./boxes.ts).
 */
export const WIDGET_CODE = {
  'tally-seat-bar': () => import('../components/seat-bar/register.js'),
  'tally-party-table': () => import('../components/party-table/register.js'),
  'tally-council-list': () => import('../components/council-list/register.js'),
  'tally-ticker': () => import('../components/ticker/register.js'),
  'tally-area-result': () => import('../components/area-result/register.js'),
} as const satisfies Readonly<Record<string, () => Promise<unknown>>>;

export type WidgetTag = keyof typeof WIDGET_CODE;

/** Whether `tag` is one of Tally's elements (never a property inherited from Object). */
export function isWidgetTag(tag: string): tag is WidgetTag {
  return Object.hasOwn(WIDGET_CODE, tag);
}
