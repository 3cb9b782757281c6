/**
 * Installs the package the way an integrator does: `npm run build`, `npm pack`, then `npm install` of that tarball
 * into a scratch app folder (`test/packaged/.work/`), with its dependencies (lit, @lit/*) installed beside it from
 * the registry or npm's cache. The fixture apps resolve `zhengwu-widgets` from there, never from `src/`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = resolve(import.meta.dirname, '../..');
export const work = join(root, 'test/packaged/.work');
/** Where the installed package lives, as in any app's node_modules. */
export const installed = join(work, 'node_modules/zhengwu-widgets');

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

export function installPackedPackage(): void {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  npm(['run', 'build', '--silent'], root);
  npm(['pack', '--silent', '--pack-destination', work], root);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'zw-fixture-apps', private: true, type: 'module' }));
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', `./${tarball}`], work);
}

/** The fixture tests expect the package installed by `npm run test:packaged` (which runs this file first). */
export function assertInstalled(): void {
  if (!existsSync(join(installed, 'package.json'))) {
    throw new Error('The packed package is not installed: run `npm run test:packaged` (or `tsx test/packaged/install.ts`) first.');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) installPackedPackage();
