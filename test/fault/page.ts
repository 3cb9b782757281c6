/**
 * The script of the fault suite's portal pages (bundled from src/ with esbuild, served by the faulty proxy). The
 * page's markup embeds the widgets with attributes only, as a district portal does; this script registers them and
 * gives the suite what a resident does and sees: `window.zwFault.rate()`, `.take()`, `.forget()` act through the
 * elements' own controls, and `.sample()` reads what the page shows. Events and errors go to the suite at once
 * through `window.zwReport` (a binding the suite installs before the page loads).
 */
import '../../src/core/index.ts';
import '../../src/rating/index.ts';
import '../../src/queue-status/index.ts';
import { OUTBOX_STORAGE_KEY, type OutboxEntry } from '../../src/core/outbox.ts';

export interface RatingView {
  caseId: string;
  /** The status line (提交成功…, 已保存…, 该办件已评价…, or an error; '' on a fresh form). */
  msg: string;
  /** The level radio buttons are on screen. */
  form: boolean;
}

export interface QueueView {
  hall: string;
  /** The card shows the hall (not the loading or failure card). */
  shown: boolean;
  /** The freshness line: 实时更新, 数据可能已过期, 网络已断开, or a failure. */
  freshness: string;
  /** The whole `.meta` line, with 更新于 HH:mm:ss. */
  meta: string;
  /** The category rows' texts, in order. */
  queues: string[];
  /** The followed ticket's number, when the card shows one. */
  mine: string | null;
  /** The take form is on screen, and whether it is sending. */
  takeForm: boolean;
  takeBusy: boolean;
  /** The take form's error line. */
  takeError: string;
  /** The stored, unanswered take attempt of this device for the hall. */
  attempt: { key: string; categoryId: string } | null;
}

export interface PageView {
  ratings: RatingView[];
  queue: QueueView | null;
  /** The cases waiting in this device's outbox. */
  outbox: string[];
}

type Report = (json: string) => void;

const report = (event: Record<string, unknown>) =>
  (window as unknown as { zwReport?: Report }).zwReport?.(JSON.stringify({ ...event, at: Date.now() }));

addEventListener('error', (e) => report({ type: 'error', message: String(e.message), stack: String(e.error?.stack ?? '') }));
addEventListener('unhandledrejection', (e) =>
  report({ type: 'unhandledrejection', message: String((e.reason as Error)?.message ?? e.reason), stack: String((e.reason as Error)?.stack ?? '') }),
);
document.addEventListener('zw-rating-sent', (e) => {
  const receipt = (e as CustomEvent<{ receipt?: { caseId?: string; level?: number } } | undefined>).detail?.receipt;
  report({ type: 'rating-sent', caseId: (e.target as Element).getAttribute('case'), receiptCase: receipt?.caseId, level: receipt?.level });
});
document.addEventListener('zw-rating-queued', (e) => report({ type: 'rating-queued', caseId: (e.target as Element).getAttribute('case') }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/*
 * Observers for the report of a stuck outbox: the requests in flight and the Web Locks asked for, granted and
 * released on this page. They record and call straight through; nothing is changed or faked here.
 */
const inFlight = new Map<number, string>();
let fetches = 0;
const realFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const id = ++fetches;
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  inFlight.set(id, `${init?.method ?? 'GET'} ${url.replace(location.origin, '')} since ${new Date().toISOString().slice(11, 23)}`);
  const answer = realFetch(input, init);
  answer.then(
    () => inFlight.delete(id),
    () => inFlight.delete(id),
  );
  return answer;
};
const lockLog: string[] = [];
if (navigator.locks) {
  const request = navigator.locks.request.bind(navigator.locks) as (...args: unknown[]) => Promise<unknown>;
  const stamp = () => new Date().toISOString().slice(11, 23);
  navigator.locks.request = ((name: string, a: unknown, b?: unknown) => {
    const callback = (typeof a === 'function' ? a : b) as (lock: Lock | null) => unknown;
    const entry = lockLog.push(`${name} asked ${stamp()}`) - 1;
    const observed = async (lock: Lock | null) => {
      lockLog[entry] += `, granted ${stamp()}`;
      try {
        return await callback(lock);
      } finally {
        lockLog[entry] += `, released ${stamp()}`;
      }
    };
    return typeof a === 'function' ? request(name, observed) : request(name, a, observed);
  }) as LockManager['request'];
}

function outbox(): OutboxEntry[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(OUTBOX_STORAGE_KEY) ?? '[]');
    return Array.isArray(list) ? (list as OutboxEntry[]) : [];
  } catch {
    return [];
  }
}

const outboxCases = () => outbox().map((e) => String((e.body as { caseId?: string } | null)?.caseId));

function rating(caseId: string): (HTMLElement & { updateComplete: Promise<boolean> }) | undefined {
  return [...document.querySelectorAll('zw-rating')].find((e) => e.getAttribute('case') === caseId) as never;
}

function ratingView(el: Element): RatingView {
  const root = el.shadowRoot;
  return {
    caseId: el.getAttribute('case') ?? '',
    msg: root?.querySelector('.msg')?.textContent?.trim() ?? '',
    form: !!root?.querySelector('input[name=level]'),
  };
}

function queueView(el: Element): QueueView {
  const root = el.shadowRoot;
  const hall = el.getAttribute('hall') ?? '';
  const rows = root?.querySelector('ul.rows');
  const mine = root?.querySelector('section.mine');
  const number = mine && /\b[A-Z]\d{3}\b/.exec(mine.querySelector('.num, .called')?.textContent ?? '');
  const take = root?.querySelector('section.take');
  let attempt: QueueView['attempt'];
  try {
    const stored = JSON.parse(localStorage.getItem(`zw-queue:${hall}:take`) ?? 'null') as { v?: QueueView['attempt'] } | null;
    attempt = stored?.v ?? null;
  } catch {
    attempt = null;
  }
  return {
    hall,
    shown: !!root?.querySelector('header'),
    freshness: root?.querySelector('.meta span[role=status]')?.textContent?.trim() ?? '',
    meta: root?.querySelector('.meta')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    queues: rows ? [...rows.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '') : [],
    mine: number ? number[0] : null,
    takeForm: !!take?.querySelector('form'),
    takeBusy: take?.querySelector('form button')?.getAttribute('aria-disabled') === 'true',
    takeError: take?.querySelector('.err')?.textContent?.trim() ?? '',
    attempt,
  };
}

/** What a resident does to rate a case: choose a level, tick a reason (needed for a 差评), press submit. */
async function rate(caseId: string, level: number, reasonWaitMs: number): Promise<'submitted' | 'no-form' | 'no-reasons' | 'not-stored'> {
  const el = rating(caseId);
  if (!el) return 'no-form';
  await customElements.whenDefined('zw-rating');
  await el.updateComplete;
  const root = el.shadowRoot!;
  const radio = root.querySelector<HTMLInputElement>(`input[name=level][value="${level}"]`);
  if (!radio || radio.disabled) return 'no-form';
  radio.click();
  await el.updateComplete;
  if (level <= 2) {
    // The reasons come through the faulty path too: wait for them, pressing 重试 when the element offers it.
    const until = Date.now() + reasonWaitMs;
    for (;;) {
      const box = root.querySelector<HTMLInputElement>('.rs input[type=checkbox]');
      if (box) {
        box.click();
        break;
      }
      if (Date.now() > until) return 'no-reasons';
      root.querySelector<HTMLButtonElement>('.rs button')?.click();
      await sleep(500);
      await el.updateComplete;
    }
    await el.updateComplete;
  }
  root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  // The element writes the rating to the outbox before its first attempt, in the click itself.
  return outboxCases().includes(caseId) ? 'submitted' : 'not-stored';
}

/** Presses 取号 with the `index`-th category chosen (what a resident does once the take form is there). */
function take(index: number): 'pressed' | 'no-form' | 'busy' {
  const root = document.querySelector('zw-queue-status')?.shadowRoot;
  const form = root?.querySelector<HTMLFormElement>('section.take form');
  if (!form) return 'no-form';
  const button = form.querySelector('button')!;
  if (button.getAttribute('aria-disabled') === 'true') return 'busy';
  const radios = [...form.querySelectorAll<HTMLInputElement>('input[name=cat]')];
  if (!radios.length) return 'no-form';
  if (!radios.some((r) => r.checked)) radios[index % radios.length]!.click();
  button.click();
  return 'pressed';
}

/** Presses 不再关注此号 (to take another ticket later). */
function forget(): boolean {
  const root = document.querySelector('zw-queue-status')?.shadowRoot;
  const button = [...(root?.querySelectorAll<HTMLButtonElement>('section.mine button') ?? [])].find((b) => b.textContent?.includes('不再关注'));
  button?.click();
  return !!button;
}

function sample(): PageView {
  const queue = document.querySelector('zw-queue-status');
  return {
    ratings: [...document.querySelectorAll('zw-rating')].map(ratingView),
    queue: queue ? queueView(queue) : null,
    outbox: outboxCases(),
  };
}

/**
 * Whether the card shows the hall as the server has it: the same 更新于 time and the same waiting count in every
 * category, computed here with the element's own time format.
 */
function shows(expected: { updatedAt: string; waiting: number[] }): boolean {
  const el = document.querySelector('zw-queue-status');
  if (!el) return false;
  const view = queueView(el);
  const time = new Date(expected.updatedAt).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hourCycle: 'h23' });
  return (
    view.meta.includes(`更新于 ${time}`) &&
    view.queues.length === expected.waiting.length &&
    expected.waiting.every((n, i) => view.queues[i]!.includes(`等候 ${n} 人`))
  );
}

/**
 * What holds this device's outbox back: its entries (tries, next attempt), the Web Locks held and waited for, and
 * this page: its lock client id, the requests it has in flight and its lock history.
 */
async function outboxState(): Promise<string> {
  const probe = `zw-fault-probe-${Math.random()}`;
  const self = navigator.locks
    ? await navigator.locks.request(probe, async () => (await navigator.locks.query()).held?.find((l) => l.name === probe)?.clientId)
    : undefined;
  const locks = navigator.locks ? await navigator.locks.query() : undefined;
  const entries = outbox().map((e) => `${String((e.body as { caseId?: string } | null)?.caseId)} tries ${e.tries} next in ${Math.round((e.next - Date.now()) / 1000)} s`);
  const names = (list?: { name?: string; clientId?: string }[]) =>
    (list ?? [])
      .filter((l) => !l.name?.startsWith('zw-fault-probe'))
      .map((l) => `${l.name} (${l.clientId === self ? 'this page' : l.clientId})`)
      .join(', ') || 'none';
  return [
    `page ${location.search} (client ${self}, ${document.visibilityState}, ${navigator.onLine ? 'online' : 'offline'})`,
    `entries: ${entries.join('; ') || 'none'}`,
    `locks held: ${names(locks?.held)}; waiting: ${names(locks?.pending)}`,
    `requests in flight: ${[...inFlight.values()].join('; ') || 'none'}`,
    `lock history: ${lockLog.slice(-6).join(' | ') || 'none'}`,
  ].join('\n  ');
}

/**
 * The outbox's Web Lock cannot be had: nobody holds it, yet flushes wait for it, twice a second apart. (Chromium
 * leaves a lock so while a page that was waiting for it sits in the back/forward cache.)
 */
async function outboxLockStuck(): Promise<boolean> {
  const name = `${OUTBOX_STORAGE_KEY}:flush`;
  const stuck = async () => {
    const q = await navigator.locks.query();
    return !q.held?.some((l) => l.name === name) && !!q.pending?.some((l) => l.name === name);
  };
  if (!navigator.locks || !(await stuck())) return false;
  await sleep(1_000);
  return stuck();
}

/** This origin's localStorage, to carry over to a restarted browser. */
const storage = (): Record<string, string> => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)!]));

(window as unknown as { zwFault: unknown }).zwFault = { rate, take, forget, sample, shows, outboxState, outboxLockStuck, storage };
