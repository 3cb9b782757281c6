import type { Context } from 'hono';
import { isoLocal } from '../clock.ts';
import { asDate, type Queryable } from '../db.ts';
import type { Principal, Role } from './principal.ts';

/** One thing staff or a machine did (or read), written in the same transaction as what it records. */
export interface AuditRecord {
  principal: Principal;
  /** The role the action was allowed in. */
  role: Role;
  /** `<area>.<verb>`: `window.call`, `window.status`, `walk-in.issue`, `simulator.pause`, `contact.read`, … */
  action: string;
  hallId: string;
  target?: string;
  detail?: Record<string, unknown>;
  at: Date;
  requestId?: string;
}

/**
 * What a staff request did, for the audit log: who (the request's principal, in the role it was allowed in), what,
 * where, when and which request.
 */
export function auditEntry(
  c: Context,
  at: Date,
  action: string,
  hallId: string,
  target?: string,
  detail?: Record<string, unknown>,
): AuditRecord {
  return { principal: c.get('principal'), role: c.get('role'), action, hallId, target, detail, at, requestId: c.get('requestId') };
}

export async function audit(q: Queryable, r: AuditRecord): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (at, sub, name, role, via, action, hall_id, target, detail, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
    [
      r.at.toISOString(),
      r.principal.sub,
      r.principal.name ?? null,
      r.role,
      r.principal.via,
      r.action,
      r.hallId,
      r.target ?? null,
      r.detail ? JSON.stringify(r.detail) : null,
      r.requestId ?? null,
    ],
  );
}

export interface AuditEntryView {
  at: string;
  sub: string;
  name: string | null;
  role: Role;
  via: 'token' | 'api-key';
  action: string;
  hallId: string;
  target: string | null;
  detail: Record<string, unknown> | null;
  requestId: string | null;
}

/** A hall's audit log, newest first. */
export async function auditEntries(q: Queryable, hallId: string, limit: number): Promise<AuditEntryView[]> {
  const { rows } = await q.query<{
    at: Date | string;
    sub: string;
    name: string | null;
    role: Role;
    via: 'token' | 'api-key';
    action: string;
    hall_id: string;
    target: string | null;
    detail: Record<string, unknown> | string | null;
    request_id: string | null;
  }>(
    `SELECT at, sub, name, role, via, action, hall_id, target, detail, request_id FROM audit_log
     WHERE hall_id = $1 ORDER BY at DESC, id DESC LIMIT $2`,
    [hallId, limit],
  );
  return rows.map((r) => ({
    at: isoLocal(asDate(r.at)),
    sub: r.sub,
    name: r.name,
    role: r.role,
    via: r.via,
    action: r.action,
    hallId: r.hall_id,
    target: r.target,
    detail: typeof r.detail === 'string' ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail,
    requestId: r.request_id,
  }));
}
