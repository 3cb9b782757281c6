// A portal's server as @lit-labs/ssr sees the library: Lit's DOM shim on the global object first, so that the
// elements register in Node. The shim finishes asynchronously, so the library is imported only once it has.
import '@lit-labs/ssr/lib/install-global-dom-shim.js';
import { pathToFileURL } from 'node:url';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import type { SsrFixture } from './fixtures.ts';

await import('../../src/index.ts');
const { ssrFixtures } = await import('./fixtures.ts');

/** The server-rendered HTML of a fixture: declarative shadow DOM and Lit's hydration markers. */
export const renderFixture = (f: SsrFixture): Promise<string> => collectResult(render(f.template));

/** Every fixture's HTML, by name. */
export async function renderFixtures(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of ssrFixtures) out[f.name] = await renderFixture(f);
  return out;
}

// As a command, for the browser's hydration test (test/support/ssr-plugin.ts): the same HTML as JSON.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(JSON.stringify(await renderFixtures()));
}
