/**
 * Switching elder mode on a page with every widget: the time from the switch to the next rendered frame, median
 * over 40 switches in headless Chromium (bench/a11y-toolbar-page.ts). The page holds the toolbar and the elements
 * of every family under src/ (found at run time, so the figure follows the families as they are built); a family
 * that does not exist yet is replaced by a stand-in zw element. The reference server answers the widgets' API
 * calls, as on the demo portal. The toolbar's size is reported by the size suite.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { runInBrowser } from './harness.ts';

async function elderSwitch() {
  const families = readdirSync('src', { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'core' && existsSync(`src/${d.name}/index.ts`))
    .map((d) => d.name);
  // The browser entry imports the families that exist now, so it is written for this run.
  const dir = mkdtempSync(join(tmpdir(), 'zw-a11y-bench-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    families.map((f, i) => `import * as m${i} from ${JSON.stringify(resolve(`src/${f}/index.ts`))};\n`).join('') +
      `import { measure } from ${JSON.stringify(resolve('bench/a11y-toolbar-page.ts'))};\n` +
      `export default () => measure({ ${families.map((f, i) => `${JSON.stringify(f)}: m${i}`).join(', ')} });\n`,
  );
  let close = async () => {};
  let api: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  try {
    const { createApp } = await import('../api/server/app.ts');
    const ref = await createApp({ simulatorSpeed: 0, alwaysOpen: true });
    const listener = getRequestListener(ref.app.fetch);
    api = (req, res) => void listener(req, res);
    close = ref.close;
  } catch (error) {
    console.warn(`elder-mode benchmark without the reference API: ${(error as Error).message}`);
  }
  try {
    return { ...(await runInBrowser<Record<string, unknown>>(entry, api)), api: Boolean(api) };
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const suites = [{ name: 'a11y-toolbar: switch elder mode on a page with every widget (Chromium)', run: elderSwitch }];
