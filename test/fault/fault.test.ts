/**
 * "Never lose a rating, never claim 'live' when it isn't": the widgets from src/ in headless Chromium, behind a
 * seeded faulty path to the reference server (test/fault/faulty-proxy.ts), with residents who rate, take tickets,
 * reload, close tabs and go offline (test/fault/scenario.ts). One run, then one test per rule.
 *
 * `npm run test:fault` is the CI run (60 ratings, 20 tickets, about two minutes). `ZW_FAULT_SCALE=5` makes it five
 * times longer (`npm run bench:fault`); `ZW_FAULT_SEED=<n>` replays another draw of faults and residents' choices;
 * `ZW_FAULT_REPORT=<file>` writes everything the run saw to that file as JSON.
 */
import { writeFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FAULT_KINDS } from './faulty-proxy.ts';
import {
  RECOVERY_MS,
  STALL_WINDOW_MS,
  runFaultScenario,
  summarize,
  type FaultReport,
  type Recovery,
  type Violation,
} from './scenario.ts';

const scale = Number(process.env.ZW_FAULT_SCALE ?? 1);
const seed = Number(process.env.ZW_FAULT_SEED ?? 20261123);
const again = `(replay: ZW_FAULT_SEED=${seed}${scale === 1 ? '' : ` ZW_FAULT_SCALE=${scale}`} npm run test:fault)`;

let report: FaultReport;

before(
  async () => {
    report = await runFaultScenario({ scale, seed, log: (line) => console.log(line) });
    console.log(summarize(report));
    if (process.env.ZW_FAULT_REPORT) writeFileSync(process.env.ZW_FAULT_REPORT, JSON.stringify(report, null, 2));
  },
  { timeout: 30 * 60_000 },
);

const list = (violations: Violation[]) => violations.map((v) => `${v.rule} [${v.page}]: ${v.detail}`).join('\n');
const slow = (recoveries: Recovery[]) =>
  recoveries
    .map(
      (x) =>
        `heal ${x.heal} ${x.page} (stream ${x.streamAtHeal}): ${x.ms === null ? 'never' : `${x.ms} ms`}; last seen "${x.last ?? ''}"\n    ${(x.requests ?? []).join('\n    ')}`,
    )
    .join('\n');

describe('fault injection: ratings, tickets and the live feed over a faulty path', () => {
  it('injected every kind of fault, on requests and on event streams', () => {
    const missing = FAULT_KINDS.filter((k) => !report.faults[k]);
    assert.deepEqual(missing, [], `fault kinds that never fired: ${missing.join(', ')} ${again}`);
    assert.ok(
      report.actions.reloadsMidRequest > 0 && report.actions.closes > 0 && report.actions.offlineSpells > 0,
      'reloads, closed tabs and offline spells happened',
    );
  });

  it('no page had an uncaught error or an unhandled rejection', () => {
    assert.equal(report.violations.pageErrors.length, 0, `${list(report.violations.pageErrors)}\n${again}`);
  });

  it('a rating shown as sent (or as rated) is stored on the server, and a submitted rating never offers its form again', () => {
    assert.equal(report.violations.ratingTruth.length, 0, `${list(report.violations.ratingTruth)}\n${again}`);
  });

  it("a ticket shown as the resident's is an online ticket the server issued for that resident", () => {
    assert.equal(report.violations.ticketTruth.length, 0, `${list(report.violations.ticketTruth)}\n${again}`);
  });

  it(`a card says 实时更新 only while live data reaches it (within ${STALL_WINDOW_MS / 1000} s)`, () => {
    assert.equal(report.violations.liveTruth.length, 0, `${list(report.violations.liveTruth)}\n${again}`);
  });

  it(`after healing, every card whose stream survived is live and correct within ${RECOVERY_MS / 1000} s`, () => {
    const cards = report.recoveries.filter((x) => x.streamAtHeal === 'open' || x.streamAtHeal === 'none');
    assert.ok(cards.length > 0, 'cards were open at the healings');
    const late = cards.filter((x) => x.ms === null || x.ms > RECOVERY_MS);
    assert.equal(late.length, 0, `${slow(late)}\n${again}`);
  });

  it(`after healing, a card whose stream the path left stalled or hung is live and correct within ${RECOVERY_MS / 1000} s`, () => {
    const late = report.recoveries.filter(
      (x) => (x.streamAtHeal === 'stalled' || x.streamAtHeal === 'hung') && (x.ms === null || x.ms > RECOVERY_MS),
    );
    assert.equal(late.length, 0, `${slow(late)}\n${again}`);
  });

  it('every rating the residents made is stored exactly once (after a browser restart where an outbox was stuck)', () => {
    const r = report.ratings;
    assert.ok(r.made >= 60 * scale * 0.9, `the residents made ${r.made} ratings`);
    assert.deepEqual(
      { stored: r.stored, lost: r.lost, doubled: r.doubled, resubmitted: r.resubmitted },
      { stored: r.made, lost: 0, doubled: 0, resubmitted: 0 },
      `made ${r.made}; lost:\n${r.lostDetail.join('\n')}\n${r.stuck.join('\n')}\n${again}`,
    );
  });

  it('no rating waits in its outbox for a lock that nobody holds', () => {
    const r = report.ratings;
    assert.equal(
      r.deliveredAfterRestart,
      0,
      `${r.deliveredAfterRestart} ratings reached the server only after a browser restart:\n${r.stuck.join('\n')}\n${again}`,
    );
  });

  it('every online ticket the residents took is issued exactly once', () => {
    const t = report.tickets;
    assert.ok(t.made >= 20 * scale * 0.9, `the residents took ${t.made} tickets`);
    assert.deepEqual(
      { stored: t.stored, lost: t.lost, doubled: t.doubled, refused: t.refused },
      { stored: t.made, lost: 0, doubled: 0, refused: 0 },
      `${t.detail.join('\n')}\n${again}`,
    );
  });
});
