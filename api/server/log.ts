import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * The server's structured log: one JSON object per line on stdout (pino), with the time, the level by name, and for
 * requests their id (`reqId`, the X-Request-Id answered), method, route pattern, status and duration. Routes are
 * logged as patterns (`/api/v1/ratings/follow-up/:trackingCode`), never as the requested URL, so no tracking code,
 * case id or other query value of a resident reaches the log. Credentials are never logged.
 * ZW_LOG_LEVEL sets the level (`npm run api`: info; servers made by createApp without a logger: warn).
 */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.ZW_LOG_LEVEL ?? 'info',
      base: { service: 'zhengwu-widgets-api', pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}

/** The message of anything thrown, for a log line (stacks go to the log as `err`, never to a client). */
export function errorOf(err: unknown): { err: Error } {
  return { err: err instanceof Error ? err : new Error(String(err)) };
}
