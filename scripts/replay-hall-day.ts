/**
 * Feeds a recorded day of a hall's own queuing system (a CSV) into a hall through the ingest API, as the hall's
 * adapter would live: the events in batches, at their recorded pace sped up `--speed` times (0: as fast as the
 * server takes them). The day is moved to today, so the board and the queue cards show it now.
 *
 *   npx tsx scripts/replay-hall-day.ts --hall guangan-zwzx --key zwk_… --file docs/hall-day.sample.csv [--speed 60]
 *        [--base http://localhost:8787] [--batch 50]
 *
 * The CSV (docs/hall-operations.md): `seq,time,type,ticket,category,window,priority`, one event a line, `time` the
 * hall's local clock time (HH:MM:SS), `category` a category id (for `window-opened`, the categories it serves,
 * `A|F`), empty cells for what an event does not have.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { localTime } from '../api/server/clock.ts';
import type { IngestEvent } from '../api/server/payloads.ts';

/** The events of a recorded day, moved to the local date of `today`, in sequence order. */
export function readHallDay(file: string | URL, today: Date): IngestEvent[] {
  const date = localTime(today).date;
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const [header, ...rows] = lines;
  const names = (header ?? '').split(',').map((h) => h.trim());
  const expected = ['seq', 'time', 'type', 'ticket', 'category', 'window', 'priority'];
  if (names.join() !== expected.join()) throw new Error(`${String(file)}: the header must be ${expected.join(',')}`);
  return rows
    .map((line, i): IngestEvent => {
      const [seq = '', time = '', type = '', ticket = '', category = '', window = '', priority = ''] = line
        .split(',')
        .map((c) => c.trim());
      if (!/^\d{2}:\d{2}:\d{2}$/.test(time)) throw new Error(`${String(file)}, line ${i + 2}: time must be HH:MM:SS`);
      const event: IngestEvent = { seq: Number(seq), type: type as IngestEvent['type'], at: `${date}T${time}+08:00` };
      if (ticket) event.ticket = ticket;
      if (window) event.windowId = window;
      if (category && type === 'window-opened') event.categoryIds = category.split('|');
      else if (category) event.categoryId = category;
      if (priority) event.priority = priority as IngestEvent['priority'];
      return event;
    })
    .sort((a, b) => a.seq - b.seq);
}

async function main(argv: string[]): Promise<number> {
  const option = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const hall = option('hall');
  const key = option('key') ?? process.env.ZW_INGEST_KEY;
  const file = option('file');
  const speed = Number(option('speed') ?? 60);
  const base = option('base') ?? 'http://localhost:8787';
  const batch = Math.min(500, Math.max(1, Number(option('batch') ?? 50)));
  if (!hall || !key || !file || !(speed >= 0)) {
    console.error(
      'usage: tsx scripts/replay-hall-day.ts --hall <hallId> --key <API key> --file <day.csv> [--speed N] [--base URL] [--batch N]',
    );
    return 2;
  }
  const events = readHallDay(resolve(file), new Date());
  const url = `${base.replace(/\/$/, '')}/api/v1/ingest/halls/${encodeURIComponent(hall)}/events`;
  const send = async (chunk: IngestEvent[]) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Key': key },
      body: JSON.stringify({ events: chunk }),
    });
    const body = (await res.json()) as {
      appliedThrough?: number;
      skipped?: { seq: number; reason: string }[];
      detail?: string;
    };
    if (!res.ok) throw new Error(`${res.status}: ${body.detail ?? JSON.stringify(body)}`);
    for (const s of body.skipped ?? []) console.warn(`event ${s.seq} passed over: ${s.reason}`);
    return body.appliedThrough ?? 0;
  };
  const first = new Date(events[0]?.at ?? 0).getTime();
  const started = Date.now();
  let pending: IngestEvent[] = [];
  for (const event of events) {
    if (speed > 0) {
      // Wait until the event's time on the sped-up clock; what is due meanwhile goes in one batch.
      const due = started + (new Date(event.at).getTime() - first) / speed;
      if (due > Date.now() && pending.length) {
        console.log(`applied through ${await send(pending)}`);
        pending = [];
      }
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    }
    pending.push(event);
    if (pending.length >= batch) {
      console.log(`applied through ${await send(pending)}`);
      pending = [];
    }
  }
  if (pending.length) console.log(`applied through ${await send(pending)}`);
  console.log(`${events.length} events of ${file} fed into ${hall}.`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
