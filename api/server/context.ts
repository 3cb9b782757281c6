import type { Authenticator } from './auth/require-role.ts';
import type { Db } from './db.ts';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import type { Limiters } from './http/limits.ts';
import type { OnlineTickets } from './queue/online-tickets.ts';
import type { QueueSimulator } from './queue/simulator.ts';
import type { RatingStore } from './ratings/store.ts';
import type { ProvincialPush } from './reporting/provincial-push.ts';
import type { SerializedCatalogue, ServiceData } from './services/catalogue.ts';
import type { ApiSpec } from './spec.ts';

/** What the route modules share; built once by createApp. */
export interface AppContext {
  spec: ApiSpec;
  db: Db;
  now: () => Date;
  simulator: QueueSimulator;
  online: OnlineTickets;
  ratings: RatingStore;
  services: ServiceData;
  catalogue: SerializedCatalogue;
  /** Who a request comes from, and what each client may do. */
  limiters: Limiters;
  /** How staff and machines prove who they are (auth/require-role.ts). */
  auth: Authenticator;
  /** Days a resident's phone number is kept after their rating (ZW_PERSONAL_DATA_DAYS). */
  personalDataDays: number;
  /** The push of ratings to the provincial 好差评 platform, when one is configured (ZW_PROVINCE_URL). */
  provincialPush: ProvincialPush | null;
  log: Logger;
  metrics: Metrics;
  /** Whether the replica is stopping (readiness then answers 503). */
  draining: () => boolean;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** The request's id: its X-Request-Id if it sent a usable one, else a new one; echoed in the answer. */
    requestId: string;
  }
}
