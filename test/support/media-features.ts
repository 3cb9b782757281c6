/**
 * A test-runner command that emulates CSS media features the stock `emulateMedia` command does not pass on
 * (`forced-colors`, `prefers-contrast`): Chromium's own `Emulation.setEmulatedMedia`, which renders the page as a
 * Windows high-contrast theme would (system colours, the backplate behind text). Browser side: `emulateFeatures()`
 * in ./forced-colors.ts.
 */
type Session = { id: string; browser: { type: string; getPage(id: string): unknown } };
type Feature = { name: string; value: string };
type CdpPage = { _client?: () => { send(method: string, params: unknown): Promise<unknown> } };

export function mediaFeaturesPlugin() {
  return {
    name: 'zw-media-features',
    async executeCommand({ command, payload, session }: { command: string; payload: unknown; session: Session }) {
      if (command !== 'zw-emulate-media-features') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('media features are emulated in Chromium only');
      const features = (payload as { features: Feature[] }).features;
      // The page's own DevTools session (puppeteer's `emulateMediaFeatures` refuses forced-colors), so that the
      // emulation is the page's and is reset with the page.
      const client = (session.browser.getPage(session.id) as CdpPage)._client?.();
      if (!client) throw new Error('no DevTools session for the page');
      await client.send('Emulation.setEmulatedMedia', { features });
      return true;
    },
  };
}
