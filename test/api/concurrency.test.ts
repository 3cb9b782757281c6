import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { signed, startLocal, storage } from './local-server.ts';
import { call } from './responses.ts';

const HALL = 'guangan-zwzx';
const local = await startLocal({ alwaysOpen: true });
after(() => local.stop());
const { baseUrl, ref } = local;

// PGlite has one connection, so its requests never overlap in the database: a few trials show the answers are
// right there; the races themselves happen on PostgreSQL, where each trial is a fresh chance to lose one.
const TRIALS = storage === 'postgres' ? 20 : 3;

/** Sends `n` identical requests at once and returns the answers. */
const burst = <T>(n: number, send: () => Promise<T>) => Promise.all(Array.from({ length: n }, send));

describe(`idempotency under concurrency (${storage})`, () => {
  it('concurrent retries of one rating with one key all get the same receipt, stored once', async () => {
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const key = `cc-${randomUUID()}`;
      const caseNumber = `CC-${randomUUID().slice(0, 12)}`;
      const body = { caseId: signed(caseNumber), channel: 'mobile', level: trial % 2 ? 4 : 2, reasons: trial % 2 ? [] : ['213'] };
      const answers = await burst(8, () => call(baseUrl, 'post', '/ratings', { headers: { 'Idempotency-Key': key }, body }));
      const statuses = answers.map((a) => a.status).sort();
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 200, 201], `trial ${trial}: ${statuses}`);
      assert.equal(new Set(answers.map((a) => a.text)).size, 1, 'one and the same receipt');
      const { rows } = await ref.db.query('SELECT id FROM ratings WHERE case_id = $1', [caseNumber]);
      assert.equal(rows.length, 1);
    }
  });

  it('concurrent retries of one online take with one key all get the same ticket, issued once', async () => {
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const key = `cc-${randomUUID()}`;
      const answers = await burst(8, () =>
        call(baseUrl, 'post', '/halls/{hallId}/tickets', { path: { hallId: HALL }, headers: { 'Idempotency-Key': key }, body: { categoryId: 'B' } }),
      );
      const statuses = answers.map((a) => a.status).sort();
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 200, 201], `trial ${trial}: ${statuses}`);
      assert.equal(new Set(answers.map((a) => a.body.number)).size, 1, 'one ticket number');
      const { rows } = await ref.db.query('SELECT number FROM online_tickets WHERE idempotency_key = $1', [key]);
      assert.equal(rows.length, 1);
      // The retries used up no numbers: the next ticket is the very next one.
      const next = await call(baseUrl, 'post', '/halls/{hallId}/tickets', { path: { hallId: HALL }, headers: { 'Idempotency-Key': `cc-${randomUUID()}` }, body: { categoryId: 'B' }, expect: 201 });
      assert.equal(Number(next.body.number.slice(1)), Number(answers[0]!.body.number.slice(1)) + 1, `trial ${trial}: no gap after ${answers[0]!.body.number}`);
    }
  });

  it('concurrent ratings of one case with different keys record one and refuse the others', async () => {
    for (let trial = 0; trial < Math.ceil(TRIALS / 2); trial += 1) {
      const caseId = signed(`CC-${randomUUID().slice(0, 12)}`);
      const answers = await burst(6, () =>
        call(baseUrl, 'post', '/ratings', { headers: { 'Idempotency-Key': `cc-${randomUUID()}` }, body: { caseId, channel: 'pc', level: 5, reasons: [] } }),
      );
      assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409, 409, 409, 409, 409]);
    }
  });

  it('numbers concurrent takes with different keys without gaps or repeats', async () => {
    const answers = await burst(12, () =>
      call(baseUrl, 'post', '/halls/{hallId}/tickets', { path: { hallId: HALL }, headers: { 'Idempotency-Key': `cc-${randomUUID()}` }, body: { categoryId: 'D' } }),
    );
    assert.ok(answers.every((a) => a.status === 201), answers.map((a) => a.status).join());
    const seqs = answers.map((a) => Number(a.body.number.slice(1))).sort((a, b) => a - b);
    assert.equal(new Set(seqs).size, 12, 'no number twice');
  });
});
