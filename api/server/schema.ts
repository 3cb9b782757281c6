/** One step of the schema: applied once per database, in order, recorded in schema_migrations. */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

/**
 * The database schema as versioned migrations (db.ts applies the ones a database lacks, at start, under an advisory
 * lock, in one transaction). Their statements are idempotent too, so a database made before versions were recorded
 * takes them as they are.
 * Times are written by the application clock (so tests can set the time), never by the database's now().
 * Dates that are calendar days are selected with to_char so no driver turns them into local-midnight Dates.
 */
const BASE: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS meta (
     key text PRIMARY KEY,
     value text NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS services (
     code text PRIMARY KEY,
     name text NOT NULL,
     department text NOT NULL,
     task_type integer NOT NULL,
     popularity integer NOT NULL,
     detail jsonb NOT NULL,
     data_version text NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS services_department_idx ON services (department)`,
  // Online tickets issued per hall, day and category: the counter the daily quota is checked against.
  `CREATE TABLE IF NOT EXISTS online_quota (
     hall_id text NOT NULL,
     service_date date NOT NULL,
     category_id text NOT NULL,
     issued integer NOT NULL DEFAULT 0,
     PRIMARY KEY (hall_id, service_date, category_id)
   )`,
  `CREATE TABLE IF NOT EXISTS online_tickets (
     hall_id text NOT NULL,
     service_date date NOT NULL,
     number text NOT NULL,
     category_id text NOT NULL,
     idempotency_key text NOT NULL UNIQUE,
     request_hash text NOT NULL,
     -- The ticket as first issued, kept as sent.
     ticket text NOT NULL,
     issued_at timestamptz NOT NULL,
     PRIMARY KEY (hall_id, service_date, number)
   )`,
  // Where the ticket stands, so that a restarted server puts it back as it was (not as the warm-up would have it).
  `ALTER TABLE online_tickets ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'waiting'`,
  `ALTER TABLE online_tickets ADD COLUMN IF NOT EXISTS called_at timestamptz`,
  `ALTER TABLE online_tickets ADD COLUMN IF NOT EXISTS window_id text`,
  // Online tickets issued per hall, day and client (an address in a category, or a device): its daily share.
  `CREATE TABLE IF NOT EXISTS online_client_counts (
     hall_id text NOT NULL,
     service_date date NOT NULL,
     client text NOT NULL,
     issued integer NOT NULL,
     PRIMARY KEY (hall_id, service_date, client)
   )`,
  // Request rate limits (GCRA): per limited key, the theoretical arrival time in epoch milliseconds of the app
  // clock. Kept in the database so that every server process on it enforces one limit.
  `CREATE TABLE IF NOT EXISTS rate_limits (
     key text PRIMARY KEY,
     tat bigint NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS ratings (
     id text PRIMARY KEY,
     case_id text NOT NULL UNIQUE,
     idempotency_key text NOT NULL UNIQUE,
     request_hash text NOT NULL,
     channel text NOT NULL,
     level integer NOT NULL CHECK (level BETWEEN 1 AND 5),
     reasons jsonb NOT NULL,
     comment text,
     phone text,
     contact_consent boolean NOT NULL DEFAULT false,
     service_code text,
     window_id text,
     staff_id text,
     hall_id text,
     tracking_code text UNIQUE,
     -- The receipt as first sent, so a replay returns the same JSON.
     receipt text NOT NULL,
     created_at timestamptz NOT NULL,
     CHECK (phone IS NULL OR contact_consent)
   )`,
  `CREATE INDEX IF NOT EXISTS ratings_service_idx ON ratings (service_code)`,
  `CREATE INDEX IF NOT EXISTS ratings_window_idx ON ratings (hall_id, window_id)`,
  `CREATE TABLE IF NOT EXISTS rating_follow_ups (
     tracking_code text PRIMARY KEY REFERENCES ratings (tracking_code),
     rating_id text NOT NULL REFERENCES ratings (id),
     due_by date NOT NULL,
     plan jsonb NOT NULL,
     created_at timestamptz NOT NULL
   )`,
];

const SHARED_QUEUES: readonly string[] = [
  // The halls' queues, shared by every server process on the database (queue/shared-hall.ts): the head of each
  // hall's log (locked by whoever changes the hall) and the log itself.
  `CREATE TABLE IF NOT EXISTS hall_heads (
     hall_id text PRIMARY KEY,
     version bigint NOT NULL,
     epoch text NOT NULL,
     sim_slot bigint NOT NULL DEFAULT 0
   )`,
  `CREATE TABLE IF NOT EXISTS hall_log (
     hall_id text NOT NULL,
     version bigint NOT NULL,
     commands jsonb,
     state jsonb,
     patch text,
     at timestamptz NOT NULL,
     PRIMARY KEY (hall_id, version)
   )`,
];

const STAFF: readonly string[] = [
  // Whether the simulator plays a hall on its own (paused by a hall admin, for every replica).
  `ALTER TABLE hall_heads ADD COLUMN IF NOT EXISTS sim_paused boolean NOT NULL DEFAULT false`,
  // Keys the server signs with and keeps across restarts and replicas (the development issuer's).
  `CREATE TABLE IF NOT EXISTS signing_keys (
     name text PRIMARY KEY,
     jwk jsonb NOT NULL
   )`,
  // Machines' API keys, one hall each: only a hash of the key is kept (auth/api-keys.ts).
  `CREATE TABLE IF NOT EXISTS api_keys (
     id text PRIMARY KEY,
     hall_id text NOT NULL,
     label text NOT NULL,
     key_hash text NOT NULL,
     created_at timestamptz NOT NULL,
     revoked_at timestamptz
   )`,
  // Every write by staff or a machine, and every reading of personal data: who, in which role, what, when, where.
  `CREATE TABLE IF NOT EXISTS audit_log (
     id bigserial PRIMARY KEY,
     at timestamptz NOT NULL,
     sub text NOT NULL,
     name text,
     role text NOT NULL,
     via text NOT NULL,
     action text NOT NULL,
     hall_id text NOT NULL,
     target text,
     detail jsonb,
     request_id text
   )`,
  `CREATE INDEX IF NOT EXISTS audit_log_hall_idx ON audit_log (hall_id, at DESC)`,
];

const HALL_OPERATIONS: readonly string[] = [
  // Answers to operator actions by Idempotency-Key, per hall (queue/operator-actions.ts): a retry replays them.
  `CREATE TABLE IF NOT EXISTS operator_requests (
     hall_id text NOT NULL,
     idempotency_key text NOT NULL,
     request_hash text NOT NULL,
     status integer NOT NULL,
     response text NOT NULL,
     created_at timestamptz NOT NULL,
     PRIMARY KEY (hall_id, idempotency_key)
   )`,
  `CREATE INDEX IF NOT EXISTS operator_requests_created_idx ON operator_requests (created_at)`,
  // Which console works a window (queue/window-leases.ts); an empty lease is a free window.
  `CREATE TABLE IF NOT EXISTS window_leases (
     hall_id text NOT NULL,
     window_id text NOT NULL,
     lease text NOT NULL,
     sub text NOT NULL,
     name text,
     since timestamptz NOT NULL,
     expires_at timestamptz NOT NULL,
     PRIMARY KEY (hall_id, window_id)
   )`,
  // A hall's own queuing system's events, by the vendor's sequence number per hall and day (routes/ingest.ts).
  `CREATE TABLE IF NOT EXISTS ingest_events (
     hall_id text NOT NULL,
     service_date date NOT NULL,
     seq bigint NOT NULL,
     body_hash text NOT NULL,
     body jsonb NOT NULL,
     applied boolean NOT NULL DEFAULT false,
     received_at timestamptz NOT NULL,
     PRIMARY KEY (hall_id, service_date, seq)
   )`,
  `CREATE TABLE IF NOT EXISTS ingest_heads (
     hall_id text NOT NULL,
     service_date date NOT NULL,
     applied_through bigint NOT NULL,
     PRIMARY KEY (hall_id, service_date)
   )`,
];

const RATING_DESK: readonly string[] = [
  // A 差评 case's standing (ratings/cases.ts); its deadline is due_by, counted in working days at acceptance.
  `ALTER TABLE rating_follow_ups ADD COLUMN IF NOT EXISTS state text NOT NULL DEFAULT 'accepted'`,
  `ALTER TABLE rating_follow_ups ADD COLUMN IF NOT EXISTS working_days integer NOT NULL DEFAULT 10`,
  `ALTER TABLE rating_follow_ups ADD COLUMN IF NOT EXISTS department text`,
  `ALTER TABLE rating_follow_ups ADD COLUMN IF NOT EXISTS appealed_from text`,
  `ALTER TABLE rating_follow_ups ADD COLUMN IF NOT EXISTS appeal_outcome text`,
  `ALTER TABLE rating_follow_ups ADD COLUMN IF NOT EXISTS annul_reason text`,
  `ALTER TABLE rating_follow_ups ADD COLUMN IF NOT EXISTS closed_at timestamptz`,
  `ALTER TABLE rating_follow_ups ADD COLUMN IF NOT EXISTS revisited boolean NOT NULL DEFAULT false`,
  `ALTER TABLE rating_follow_ups ADD COLUMN IF NOT EXISTS verdict text`,
  `ALTER TABLE rating_follow_ups ADD COLUMN IF NOT EXISTS verdict_at timestamptz`,
  `CREATE INDEX IF NOT EXISTS rating_follow_ups_due_idx ON rating_follow_ups (due_by)`,
  // Every step, assignment and 回访 of a case, with who did it; a retried request finds its own by key.
  `CREATE TABLE IF NOT EXISTS rating_case_events (
     id bigserial PRIMARY KEY,
     rating_id text NOT NULL REFERENCES ratings (id),
     kind text NOT NULL CHECK (kind IN ('step', 'assignment', 'revisit')),
     state text,
     at timestamptz NOT NULL,
     note text NOT NULL,
     reply text,
     outcome text,
     annul_reason text,
     department text,
     reached boolean,
     verdict text,
     sub text NOT NULL,
     by_name text,
     idempotency_key text UNIQUE,
     request_hash text
   )`,
  `CREATE INDEX IF NOT EXISTS rating_case_events_rating_idx ON rating_case_events (rating_id, id)`,
  // The push of ratings to the provincial 好差评 platform (reporting/provincial-push.ts): one row per rating.
  `CREATE TABLE IF NOT EXISTS rating_pushes (
     rating_id text PRIMARY KEY REFERENCES ratings (id),
     attempts integer NOT NULL DEFAULT 0,
     next_at timestamptz NOT NULL,
     delivered_at timestamptz,
     failed_at timestamptz,
     last_error text,
     created_at timestamptz NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS rating_pushes_due_idx ON rating_pushes (next_at) WHERE delivered_at IS NULL AND failed_at IS NULL`,
];

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'catalogue, online tickets, limits, ratings', statements: BASE },
  { version: 2, name: 'hall queues shared through a log', statements: SHARED_QUEUES },
  { version: 3, name: 'staff: signing keys, API keys, audit log, simulator pause', statements: STAFF },
  { version: 4, name: 'hall operations: operator answers, window leases, ingest feed', statements: HALL_OPERATIONS },
  { version: 5, name: '差评 desk: case states, steps and 回访, provincial push', statements: RATING_DESK },
];

/** The schema version this code needs (readiness checks the database has at least this one). */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Tables written while serving (as opposed to the seeded catalogue and meta). */
export const RUNTIME_TABLES: readonly string[] = [
  'rating_pushes',
  'rating_case_events',
  'rating_follow_ups',
  'ratings',
  'online_tickets',
  'online_quota',
  'online_client_counts',
  'rate_limits',
  'hall_log',
  'hall_heads',
  'signing_keys',
  'api_keys',
  'audit_log',
  'operator_requests',
  'window_leases',
  'ingest_events',
  'ingest_heads',
];
