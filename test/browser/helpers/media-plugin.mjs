/**
 * Web Test Runner plugin: emulates the reader's media features through the Chrome DevTools
 * Protocol (`Emulation.setEmulatedMedia`), including `forced-colors`, which
 * `@web/test-runner-commands`' `emulateMedia` does not reach with puppeteer. The browser side
 * is `media.ts`.
 *
 * Command:
 *   tally-media:emulate { colorScheme?, reducedMotion?, forcedColors? } → true
 *     Each feature is a value (`'dark'`, `'reduce'`, `'active'`) or absent for the browser's
 *     own. Every call sets all three, so a test always says the whole state it wants.
 */
const COMMAND = 'tally-media:emulate';

const FEATURES = {
  colorScheme: ['prefers-color-scheme', ['light', 'dark']],
  reducedMotion: ['prefers-reduced-motion', ['reduce', 'no-preference']],
  forcedColors: ['forced-colors', ['active', 'none']],
};

export function mediaPlugin() {
  /** session id → CDP session */
  const sessions = new Map();

  return {
    name: 'tally-media',

    async executeCommand({ command, payload, session }) {
      if (command !== COMMAND) return undefined;
      if (session.browser.type !== 'puppeteer')
        throw new Error(`media emulation needs Chromium through puppeteer, not ${session.browser.type}`);
      const features = [];
      for (const [key, [name, allowed]] of Object.entries(FEATURES)) {
        const value = payload?.[key];
        if (value === undefined || value === null) {
          features.push({ name, value: '' });
          continue;
        }
        if (!allowed.includes(value))
          throw new Error(`${key} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
        features.push({ name, value });
      }
      let cdp = sessions.get(session.id);
      if (!cdp) {
        cdp = await session.browser.getPage(session.id).createCDPSession();
        sessions.set(session.id, cdp);
      }
      await cdp.send('Emulation.setEmulatedMedia', { features });
      return true;
    },

    async stopSession(session) {
      const cdp = sessions.get(session.id);
      sessions.delete(session.id);
      await cdp?.detach().catch(() => {});
    },
  };
}
