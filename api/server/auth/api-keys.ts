/**
 * API keys for machines of one hall (a kiosk, the hall's own queuing system): role `ingest`, in that hall only.
 *
 *   tsx api/server/auth/api-keys.ts create --hall guangan-zwzx [--label "1 楼自助取号机"]
 *   tsx api/server/auth/api-keys.ts list
 *   tsx api/server/auth/api-keys.ts revoke <id>
 *
 * The CLI uses the server's database (DATABASE_URL, else PGlite in ZW_DATA_DIR or .data/pglite; a PGlite directory
 * can be open in one process only, so stop a server that uses it first). A key is `zwk_<id>_<secret>`, 256 random
 * bits of secret; the database keeps its SHA-256 only, and the key is printed once, when it is made.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { asDate, openDb, type Queryable } from '../db.ts';
import { HALLS } from '../queue/halls.ts';
import type { Principal } from './principal.ts';

export const API_KEY_HEADER = 'x-api-key';
const KEY = /^zwk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

const hashOf = (key: string) => createHash('sha256').update(key).digest();

export interface ApiKeyInfo {
  id: string;
  hallId: string;
  label: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** Makes a key for a hall; the key itself is returned here and never again. */
export async function createApiKey(db: Queryable, hallId: string, label: string, now: Date): Promise<{ id: string; key: string }> {
  if (!HALLS.some((h) => h.id === hallId)) throw new Error(`There is no hall ${hallId} (halls: ${HALLS.map((h) => h.id).join(', ')}).`);
  const id = randomBytes(6).toString('hex');
  const key = `zwk_${id}_${randomBytes(32).toString('base64url')}`;
  await db.query('INSERT INTO api_keys (id, hall_id, label, key_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [
    id,
    hallId,
    label,
    hashOf(key).toString('hex'),
    now.toISOString(),
  ]);
  return { id, key };
}

export async function listApiKeys(db: Queryable): Promise<ApiKeyInfo[]> {
  const { rows } = await db.query<{ id: string; hall_id: string; label: string; created_at: Date | string; revoked_at: Date | string | null }>(
    'SELECT id, hall_id, label, created_at, revoked_at FROM api_keys ORDER BY created_at',
  );
  return rows.map((r) => ({
    id: r.id,
    hallId: r.hall_id,
    label: r.label,
    createdAt: asDate(r.created_at),
    revokedAt: r.revoked_at === null ? null : asDate(r.revoked_at),
  }));
}

/** Revokes a key at once, on every replica (they read the table at each request); false if there is none. */
export async function revokeApiKey(db: Queryable, id: string, now: Date): Promise<boolean> {
  const { rows } = await db.query('UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id, now.toISOString()]);
  return rows.length > 0;
}

/** The machine a presented key belongs to, or null for a malformed, unknown or revoked key. */
export async function verifyApiKey(db: Queryable, presented: string): Promise<Principal | null> {
  const match = KEY.exec(presented.trim());
  if (!match) return null;
  const { rows } = await db.query<{ hall_id: string; label: string; key_hash: string }>(
    'SELECT hall_id, label, key_hash FROM api_keys WHERE id = $1 AND revoked_at IS NULL',
    [match[1]],
  );
  const row = rows[0];
  if (!row) return null;
  const expected = Buffer.from(row.key_hash, 'hex');
  const actual = hashOf(presented.trim());
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return { sub: `api-key:${match[1]}`, name: row.label, roles: ['ingest'], halls: [row.hall_id], via: 'api-key' };
}

// ------------------------------------------------------------------ the command line

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const option = (name: string) => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  if (!command || !['create', 'list', 'revoke'].includes(command)) {
    console.error('usage: tsx api/server/auth/api-keys.ts create --hall <hallId> [--label <text>] | list | revoke <id>');
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = databaseUrl ? undefined : resolve(process.env.ZW_DATA_DIR ?? '.data/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await openDb({ databaseUrl, dataDir });
  try {
    if (command === 'create') {
      const hall = option('hall');
      if (!hall) {
        console.error('create needs --hall <hallId>');
        return 2;
      }
      const label = option('label') ?? `${hall} machine`;
      const { id, key } = await createApiKey(db, hall, label, new Date());
      console.log(`API key ${id} for hall ${hall} (${label}), role ingest. It is shown this once; store it now:\n`);
      console.log(key);
      console.log(`\nSend it as the X-Api-Key header. Revoke it with: tsx api/server/auth/api-keys.ts revoke ${id}`);
    } else if (command === 'list') {
      for (const k of await listApiKeys(db)) {
        console.log(`${k.id}  ${k.hallId}  ${k.createdAt.toISOString()}  ${k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active'}  ${k.label}`);
      }
    } else {
      const id = rest[0] ?? '';
      if (!(await revokeApiKey(db, id, new Date()))) {
        console.error(`No active API key ${id}.`);
        return 1;
      }
      console.log(`API key ${id} revoked.`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
