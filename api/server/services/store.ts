import type { Db } from '../db.ts';
import type { ServiceDetail } from '../payloads.ts';
import type { ServiceData } from './catalogue.ts';

/**
 * Writes the enriched items into `services` when the stored data version differs, in one transaction, and
 * returns when the stored version was generated (the catalogue's `generatedAt`, stable across restarts).
 */
export async function seedServices(db: Db, data: ServiceData, now: Date): Promise<Date> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('zhengwu-widgets:seed-services'))`);
    const { rows } = await tx.query<{ key: string; value: string }>(
      `SELECT key, value FROM meta WHERE key IN ('services.version', 'services.generatedAt')`,
    );
    const meta = Object.fromEntries(rows.map((r) => [r.key, r.value]));
    if (meta['services.version'] === data.version && meta['services.generatedAt']) {
      return new Date(meta['services.generatedAt']);
    }
    const items = data.records.map((r) => ({
      code: r.detail.code,
      name: r.detail.name,
      department: r.detail.department,
      task_type: r.detail.type,
      popularity: r.popularity,
      detail: r.detail,
    }));
    await tx.query('DELETE FROM services');
    // One statement for all rows: the array travels as a single JSON parameter.
    await tx.query(
      `INSERT INTO services (code, name, department, task_type, popularity, detail, data_version)
       SELECT x.code, x.name, x.department, x.task_type, x.popularity, x.detail, $2
       FROM jsonb_to_recordset($1::jsonb)
         AS x(code text, name text, department text, task_type integer, popularity integer, detail jsonb)`,
      [JSON.stringify(items), data.version],
    );
    const upsert = `INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`;
    await tx.query(upsert, ['services.version', data.version]);
    await tx.query(upsert, ['services.generatedAt', now.toISOString()]);
    return now;
  });
}

export async function findService(db: Db, code: string): Promise<ServiceDetail | null> {
  const { rows } = await db.query<{ detail: ServiceDetail | string }>('SELECT detail FROM services WHERE code = $1', [code]);
  const detail = rows[0]?.detail;
  if (detail === undefined) return null;
  return typeof detail === 'string' ? (JSON.parse(detail) as ServiceDetail) : detail;
}
