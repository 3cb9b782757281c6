// Finds a Chrome or Chromium for the browser tests and benchmarks. Run directly, it exits with one line of help
// (not a stack trace) when there is none.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** The browser to use: CHROME_PATH when set, else the first known install; undefined when none is found. */
export function findChrome() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      /* not on PATH */
    }
  }
  return undefined;
}

/** Flags for a headless Chromium on a CI box or a closed network (see docs/decisions/002-browser-tests.md). */
export const chromeArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && !findChrome()) {
  console.error(
    process.env.CHROME_PATH
      ? `No browser at CHROME_PATH=${process.env.CHROME_PATH}; point it at a Chrome or Chromium executable.`
      : 'The browser tests need Chrome or Chromium: install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to its executable.',
  );
  process.exit(1);
}
