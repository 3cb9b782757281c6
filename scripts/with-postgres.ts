/**
 * Runs a command against a throwaway PostgreSQL cluster:
 *   tsx scripts/with-postgres.ts <command> [args…]
 * Finds the PostgreSQL server binaries, creates a cluster in a temporary directory (as the `postgres` user when
 * run as root, since PostgreSQL refuses to run as root), starts it on a free loopback port, runs the command with
 * DATABASE_URL pointing at it, and always stops and removes the cluster afterwards, whatever the command did.
 * The exit code is the command's.
 *
 * Without PostgreSQL it fails with a one-line hint on how to install it; ZW_SKIP_POSTGRES=1 skips the run instead
 * (with a warning), for a quick local loop. PG_BIN names the directory of the binaries when they are elsewhere.
 */
import { execFileSync, spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const INSTALL_HINT =
  'PostgreSQL is not installed, and the API suite also runs against it: install it (Debian/Ubuntu: apt-get install postgresql; ' +
  'other systems: the postgresql server package, or set PG_BIN to its bin directory), or set ZW_SKIP_POSTGRES=1 to skip that run.';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: tsx scripts/with-postgres.ts <command> [args…]');
  process.exit(2);
}

if (process.env.ZW_SKIP_POSTGRES === '1') {
  const bar = '!'.repeat(100);
  console.warn(`\n${bar}\n!! ZW_SKIP_POSTGRES=1: NOT running \`${[command, ...args].join(' ')}\` against PostgreSQL.`);
  console.warn('!! Bugs that only real concurrency shows (PGlite has one connection) go unseen. Never set this in CI.');
  console.warn(`${bar}\n`);
  process.exit(0);
}

/** The directory holding initdb, pg_ctl and postgres: PG_BIN, pg_config, Debian's layout, then PATH. */
function findBinaries(): string | null {
  const has = (dir: string) => ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(dir, b)));
  if (process.env.PG_BIN) {
    if (has(process.env.PG_BIN)) return process.env.PG_BIN;
    console.error(`PG_BIN=${process.env.PG_BIN} holds no initdb, pg_ctl and postgres.`);
    process.exit(1);
  }
  const candidates: string[] = [];
  const config = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (config.status === 0) candidates.push(config.stdout.trim());
  // Debian and Ubuntu keep each major version apart; the newest wins.
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debian, v, 'bin')));
  }
  candidates.push('/usr/local/pgsql/bin', '/opt/homebrew/bin', '/usr/local/bin', ...(process.env.PATH ?? '').split(delimiter));
  return candidates.find((dir) => dir && has(dir)) ?? null;
}

const bin = findBinaries();
if (!bin) {
  console.error(INSTALL_HINT);
  process.exit(1);
}

/** PostgreSQL will not run as root: then the cluster belongs to the `postgres` user (or PG_USER). */
function clusterOwner(): { uid: number; gid: number; name: string } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const name = process.env.PG_USER ?? 'postgres';
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid, name };
  } catch {
    console.error(`Running as root, PostgreSQL needs an unprivileged user to own its cluster, and there is no user "${name}" (set PG_USER).`);
    process.exit(1);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const owner = clusterOwner();
const root = mkdtempSync(join(tmpdir(), 'zw-pg-'));
const data = join(root, 'data');
const sockets = join(root, 'run');
const log = join(root, 'postgres.log');
mkdirSync(sockets);
writeFileSync(log, '');
if (owner) for (const path of [root, sockets, log]) chownSync(path, owner.uid, owner.gid);

const asOwner: SpawnSyncOptions = {
  encoding: 'utf8',
  cwd: root,
  env: { ...process.env, HOME: root, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
  ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
};

let started = false;
let cleaned = false;
/** Stops the cluster and removes its directory; synchronous, so that it also runs from an exit handler. */
function cleanUp(): void {
  if (cleaned) return;
  cleaned = true;
  if (started) spawnSync(join(bin!, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-w', '-s'], asOwner);
  rmSync(root, { recursive: true, force: true });
}
process.on('exit', cleanUp);
// A signal is passed on to the command, which then ends and the cluster goes with it (Ctrl-C reaches the command
// through the terminal's process group as well). Before the command runs, the signal ends the setup right away.
const running: { child?: ReturnType<typeof spawn> } = {};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    const { child } = running;
    if (child && child.exitCode === null) child.kill(signal);
    else if (!child) {
      cleanUp();
      process.exit(128 + (constants.signals[signal] ?? 0));
    }
  });
}

function run(tool: string, toolArgs: string[]): void {
  const result = spawnSync(join(bin!, tool), toolArgs, asOwner);
  if (result.status !== 0) {
    const out = `${String(result.stdout ?? '')}${String(result.stderr ?? '')}`.trim();
    const tail = tool === 'pg_ctl' && existsSync(log) ? spawnSync('tail', ['-n', '20', log], { encoding: 'utf8' }).stdout : '';
    console.error(`with-postgres: ${tool} failed (${result.error?.message ?? `exit ${result.status}`})\n${out}\n${tail}`.trim());
    process.exit(1);
  }
}

const startedAt = Date.now();
// Durability is worthless in a cluster that is deleted at the end: turning it off makes the suite much faster.
run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
const port = await freePort();
const serverOptions = [
  `-p ${port}`,
  `-k ${sockets}`,
  '-c listen_addresses=127.0.0.1',
  '-c fsync=off',
  '-c synchronous_commit=off',
  '-c full_page_writes=off',
  '-c max_connections=200',
].join(' ');
started = true;
run('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '60', '-s', '-o', serverOptions]);

const version = spawnSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).stdout.trim();
const databaseUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
console.log(`with-postgres: ${version} on 127.0.0.1:${port}, a throwaway cluster in ${root} (${Date.now() - startedAt} ms)`);

const child = (running.child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: databaseUrl } }));
const code = await new Promise<number>((resolve) => {
  child.once('error', (err) => {
    console.error(`with-postgres: could not run ${command}: ${err.message}`);
    resolve(127);
  });
  child.once('exit', (status, signal) => resolve(status ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0)));
});
cleanUp();
process.exit(code);
