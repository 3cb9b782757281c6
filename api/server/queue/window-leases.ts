import { randomBytes } from 'node:crypto';
import { isoLocal } from '../clock.ts';
import { asDate, type Queryable } from '../db.ts';
import type { WindowClaimHolder } from '../payloads.ts';
import { ProblemError } from '../problem.ts';

/**
 * One console per window (docs/decisions/061-window-console-lease.md): a claim gives a console a lease, renewed
 * every RENEW_SECONDS and lost after TTL_SECONDS without renewal, on a takeover, or on release (sign-out). Leases
 * live in the database, so every replica sees the same holder.
 */
export const RENEW_SECONDS = 30;
export const TTL_SECONDS = 90;

interface LeaseRow {
  lease: string;
  sub: string;
  name: string | null;
  since: Date | string;
  expires_at: Date | string;
}

export interface Lease {
  lease: string;
  holder: WindowClaimHolder;
  live: boolean;
}

const holderOf = (r: LeaseRow): WindowClaimHolder => ({
  sub: r.sub,
  ...(r.name ? { name: r.name } : {}),
  since: isoLocal(asDate(r.since)),
  expiresAt: isoLocal(asDate(r.expires_at)),
});

async function read(q: Queryable, hallId: string, windowId: string, lock: boolean): Promise<LeaseRow | undefined> {
  const { rows } = await q.query<LeaseRow>(
    `SELECT lease, sub, name, since, expires_at FROM window_leases WHERE hall_id = $1 AND window_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [hallId, windowId],
  );
  return rows[0];
}

/** Who holds the window's console now (null: nobody, or a lease that expired). */
export async function leaseHolder(
  q: Queryable,
  hallId: string,
  windowId: string,
  now: Date,
): Promise<WindowClaimHolder | null> {
  const row = await read(q, hallId, windowId, false);
  return row && asDate(row.expires_at) > now ? holderOf(row) : null;
}

const claimed = (holder: WindowClaimHolder, label: string) =>
  new ProblemError('conflict', {
    detail: {
      zh: `${label}已由${holder.name ?? holder.sub}的工作台使用（自 ${holder.since.slice(11, 16)} 起）。如需接管，请确认后再试。`,
      en: `${label} is worked from ${holder.name ?? holder.sub}'s console (since ${holder.since.slice(11, 16)}). Take it over only after checking.`,
    },
    extensions: { code: 'window-claimed', holder },
  });

const lost = (label: string) =>
  new ProblemError('conflict', {
    detail: {
      zh: `本工作台已不再占用${label}（租约已过期或已被接管），请重新占用窗口。`,
      en: `This console no longer holds ${label} (its lease expired or was taken over): claim the window again.`,
    },
    extensions: { code: 'lease-lost' },
  });

/**
 * Takes, renews or takes over a window's lease, in a transaction: renewing needs the lease still held; a new claim
 * needs the window free (or `takeover`). Returns the lease and whom it was taken from.
 */
export async function claimWindow(
  tx: Queryable,
  args: {
    hallId: string;
    windowId: string;
    label: string;
    sub: string;
    name?: string;
    lease?: string;
    takeover: boolean;
    now: Date;
  },
): Promise<{ lease: string; holder: WindowClaimHolder; tookOverFrom: WindowClaimHolder | null }> {
  const { hallId, windowId, now } = args;
  const expires = new Date(now.getTime() + TTL_SECONDS * 1000);
  // The row exists from the first claim on, so that concurrent claims queue on its lock.
  await tx.query(
    `INSERT INTO window_leases (hall_id, window_id, lease, sub, name, since, expires_at) VALUES ($1, $2, '', '', NULL, $3, $3)
     ON CONFLICT (hall_id, window_id) DO NOTHING`,
    [hallId, windowId, now.toISOString()],
  );
  const row = (await read(tx, hallId, windowId, true))!;
  const live = row.lease !== '' && asDate(row.expires_at) > now;
  if (args.lease !== undefined) {
    if (!live || row.lease !== args.lease) throw lost(args.label);
    await tx.query('UPDATE window_leases SET expires_at = $3 WHERE hall_id = $1 AND window_id = $2', [
      hallId,
      windowId,
      expires.toISOString(),
    ]);
    return { lease: row.lease, holder: holderOf({ ...row, expires_at: expires }), tookOverFrom: null };
  }
  if (live && !args.takeover) throw claimed(holderOf(row), args.label);
  const lease = randomBytes(16).toString('base64url');
  await tx.query(
    'UPDATE window_leases SET lease = $3, sub = $4, name = $5, since = $6, expires_at = $7 WHERE hall_id = $1 AND window_id = $2',
    [hallId, windowId, lease, args.sub, args.name ?? null, now.toISOString(), expires.toISOString()],
  );
  return {
    lease,
    holder: holderOf({ lease, sub: args.sub, name: args.name ?? null, since: now, expires_at: expires }),
    tookOverFrom: live ? holderOf(row) : null,
  };
}

/** Ends a lease if it is still the window's; true if it was. */
export async function releaseWindow(
  tx: Queryable,
  hallId: string,
  windowId: string,
  lease: string,
  now: Date,
): Promise<boolean> {
  const { rows } = await tx.query(
    `UPDATE window_leases SET lease = '', expires_at = $4 WHERE hall_id = $1 AND window_id = $2 AND lease = $3 AND lease <> '' RETURNING window_id`,
    [hallId, windowId, lease, now.toISOString()],
  );
  return rows.length > 0;
}

/**
 * May an action with this lease (or none) act at the window? A live lease must be presented; without a live
 * lease, a window takes actions from anyone with the role (scripts, the simulator), but a stale lease is refused,
 * so a console that lost the window notices.
 */
export async function assertLease(
  tx: Queryable,
  hallId: string,
  windowId: string,
  label: string,
  presented: string | undefined,
  now: Date,
): Promise<void> {
  const row = await read(tx, hallId, windowId, false);
  const live = row && row.lease !== '' && asDate(row.expires_at) > now;
  if (presented === undefined) {
    if (live) throw claimed(holderOf(row), label);
    return;
  }
  if (!live || row.lease !== presented) throw lost(label);
}

/** Windows a console holds now (the simulator leaves them to their staff). */
export async function heldWindows(q: Queryable, hallId: string, now: Date): Promise<Set<string>> {
  const { rows } = await q.query<{ window_id: string }>(
    `SELECT window_id FROM window_leases WHERE hall_id = $1 AND lease <> '' AND expires_at > $2`,
    [hallId, now.toISOString()],
  );
  return new Set(rows.map((r) => r.window_id));
}
