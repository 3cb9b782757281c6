/**
 * Rating delivery under a hostile network: 1,000 ratings made through the real <zw-rating> in Chromium, on pages
 * that are closed or reloaded at random moments, over a path that fails 30% of requests (before or after they
 * reach the server) with random delays. The reference server (in-memory) answers; the figure that matters is
 * `stored`, which must equal `made`: nothing lost, nothing doubled.
 */
import { getRequestListener } from '@hono/node-server';
import { createApp } from '../api/server/app.ts';
import { runInBrowser } from './harness.ts';

async function delivery() {
  const { app, db, close } = await createApp({
    simulatorSpeed: 0,
    alwaysOpen: true,
    // The bench's pages make up their case numbers and rate as fast as a flaky network lets them.
    acceptUnsignedCaseIds: true,
    limits: { ratingsPerMinute: 1_000_000 },
  });
  try {
    const listener = getRequestListener(app.fetch);
    const result = await runInBrowser<{ service: string; made: number; stored: number } & Record<string, unknown>>(
      'bench/rating-flaky.ts',
      (req, res) => void listener(req, res),
    );
    // Read back from the database as well: one row per case, none without its case.
    const { rows } = await db.query<{ n: number; cases: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT case_id)::int AS cases FROM ratings WHERE service_code = $1',
      [result.service],
    );
    const row = rows[0]!;
    if (result.stored !== result.made || row.n !== result.made || row.cases !== result.made) {
      throw new Error(`made ${result.made} ratings but ${row.n} were stored (${row.cases} cases)`);
    }
    return { ...result, storedInDb: row.n, msPerRating: Number((Number(result.deliveredMs) / result.made).toFixed(1)) };
  } finally {
    await close();
  }
}

export const suites = [{ name: 'rating delivery (1,000 through a 30% failing path with reloads)', run: delivery }];
