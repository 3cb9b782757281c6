import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ssrFixtures, type SsrFixture } from './fixtures.ts';

// Whatever the elements try on the server shows here: a request, or a warning or error printed while rendering.
const requests: string[] = [];
const printed: string[] = [];
globalThis.fetch = ((input: RequestInfo | URL) => {
  requests.push(String(input));
  return Promise.reject(new Error('no network on the server'));
}) as typeof fetch;
for (const level of ['warn', 'error'] as const) {
  const original = console[level];
  console[level] = (...args: unknown[]) => {
    printed.push(args.map(String).join(' '));
    original(...args);
  };
}

/** The declarative shadow root of the first `tag` in `html`, as the browser will attach it. */
function shadowOf(html: string, tag: string): string | undefined {
  const start = html.indexOf(`<${tag}`);
  const open = html.indexOf('<template shadowroot="open" shadowrootmode="open"', start);
  const close = html.indexOf('</template>', open);
  return start < 0 || open < 0 || close < 0 ? undefined : html.slice(open, close);
}

describe('server-side rendering with @lit-labs/ssr', () => {
  const rendered: Record<string, string> = {};
  let renderFixture: (f: SsrFixture) => Promise<string>;
  before(async () => {
    ({ renderFixture } = await import('./render.ts'));
  });

  for (const fixture of ssrFixtures) {
    const { name, says } = fixture;
    it(`renders <${name}> to HTML with its shadow DOM, nothing thrown`, async () => {
      const html = (rendered[name] = await renderFixture(fixture));
      const shadow = shadowOf(html, name);
      assert.ok(shadow, `<${name}> has a declarative shadow root`);
      assert.match(shadow, /<style>[^<]*:host/, 'its styles travel with it');
      for (const words of says) assert.ok(html.includes(words), `<${name}> says ${words}`);
    });
  }

  it('the queue inside <zw-config> does not claim a missing hall it cannot know on the server', () => {
    assert.ok(rendered['zw-config'], 'rendered above');
    assert.ok(!rendered['zw-config'].includes('未指定服务大厅'));
  });

  it('asks nothing of the network and prints no warning or error', async () => {
    await new Promise((resolve) => setTimeout(resolve, 50)); // anything started while rendering has begun by now
    assert.deepEqual(requests, []);
    assert.deepEqual(printed, []);
  });
});
