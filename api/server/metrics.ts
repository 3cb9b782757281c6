import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * What the server counts for Prometheus (`GET /metrics`, outside /api/: a reverse proxy that publishes /api/ only
 * keeps it internal). Each replica counts its own; Prometheus adds them up across replicas.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'zw_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: 'zw_http_request_duration_seconds',
    help: 'Time to the response headers (for an event stream: to its opening), by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly liveClients = new Gauge({
    name: 'zw_sse_clients',
    help: 'Event-stream clients connected to this replica, by hall.',
    labelNames: ['hall'] as const,
    registers: [this.registry],
  });
  readonly events = new Counter({
    name: 'zw_hall_events_published_total',
    help: "Hall patches sent to this replica's event streams, by hall (made here or by another replica).",
    labelNames: ['hall'] as const,
    registers: [this.registry],
  });
  readonly replays = new Counter({
    name: 'zw_idempotent_replays_total',
    help: 'Requests answered with the outcome of an earlier one with the same Idempotency-Key, by operation.',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });
  readonly ratings = new Counter({
    name: 'zw_ratings_stored_total',
    help: 'Ratings stored (not replays), by level.',
    labelNames: ['level'] as const,
    registers: [this.registry],
  });

  /** `process`: also the Node.js process's own metrics (CPU, memory, event loop lag), for a server of its own. */
  constructor(options: { process?: boolean } = {}) {
    if (options.process) collectDefaultMetrics({ register: this.registry });
  }
}
