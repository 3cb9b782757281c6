import { backoffDelay } from '../core/api/client.js';
import { ApiError } from '../core/api/errors.js';
import type { OperatorActionInput, OperatorActionResult } from '../core/api/types.gen.js';
import { idempotencyKey } from '../core/outbox.js';

/** One action pressed at the console and not yet answered for good. */
export interface QueuedAction {
  /** Its Idempotency-Key, made at the press and sent unchanged on every attempt: the server acts on it once. */
  key: string;
  input: OperatorActionInput;
  /** `pending` (waits its turn or the network), `sending`, or `held` behind a refused action. */
  state: 'pending' | 'sending' | 'held';
  tries: number;
}

/** An action the server refused for good, with its reason (a problem document). */
export interface RefusedAction {
  input: OperatorActionInput;
  error: ApiError;
}

export interface ActionQueueOptions {
  /** Sends one action (with its key, the lease and the credentials); throws an ApiError. */
  send: (action: QueuedAction) => Promise<OperatorActionResult>;
  /** Told of every change of the queue (to render it). */
  changed: () => void;
  /** Told of each action the server took. */
  done: (result: OperatorActionResult, action: QueuedAction) => void;
  retryBaseMs?: number;
}

const same = (a: OperatorActionInput, b: OperatorActionInput) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The console's actions, sent one at a time in the order they were pressed (decision 067). Through a network drop
 * they wait (the screen counts them), and go out once the network is back, each with the key it got at the press,
 * so a retry whose first attempt did arrive is answered from the server's record instead of acting twice. A press
 * that repeats an action still waiting is ignored (a double-clicked 叫号 queues one call). An action the server
 * refuses (4xx) is kept aside with its problem, and the actions pressed after it are held until the staff member
 * sends or drops them: they were pressed expecting the refused one to have happened.
 */
export class ActionQueue {
  items: QueuedAction[] = [];
  refused?: RefusedAction;
  /** The last failure that made the queue wait (offline, 5xx…), until an action goes through. */
  stalled?: ApiError;
  #running = false;
  #timer?: ReturnType<typeof setTimeout>;
  #stopped = false;

  constructor(private readonly options: ActionQueueOptions) {}

  /** Queues an action; false when the same action is already waiting (nothing is added). */
  add(input: OperatorActionInput): boolean {
    if (this.items.some((a) => a.state !== 'held' && same(a.input, input))) return false;
    const held = this.items.some((a) => a.state === 'held');
    this.items.push({ key: idempotencyKey(), input, state: held ? 'held' : 'pending', tries: 0 });
    this.options.changed();
    void this.flush();
    return true;
  }

  /** How many actions are not answered yet. */
  get count(): number {
    return this.items.length;
  }

  /** Sends what waits, in order; a call while sending makes no second sender. */
  async flush(): Promise<void> {
    if (this.#running || this.#stopped) return;
    this.#running = true;
    clearTimeout(this.#timer);
    try {
      for (let action = this.#next(); action; action = this.#next()) {
        action.state = 'sending';
        this.options.changed();
        try {
          const result = await this.options.send(action);
          this.#remove(action);
          this.stalled = undefined;
          this.options.done(result, action);
        } catch (error) {
          const e = error instanceof ApiError ? error : new ApiError('network', String(error));
          if (e.kind === 'aborted') {
            action.state = 'pending';
            return;
          }
          // 401 waits for a new sign-in; every other refusal is final for this action.
          if (e.transient || e.status === 401) {
            action.state = 'pending';
            action.tries++;
            this.stalled = e;
            this.#retryIn(
              e.details.retryAfterMs ?? backoffDelay(action.tries, this.options.retryBaseMs ?? 1000, 15_000),
            );
            return;
          }
          this.#remove(action);
          this.refused = { input: action.input, error: e };
          for (const later of this.items) later.state = 'held';
        } finally {
          this.options.changed();
        }
      }
    } finally {
      this.#running = false;
    }
  }

  /** Sends the held actions after all. */
  release(): void {
    this.refused = undefined;
    for (const a of this.items) a.state = 'pending';
    this.options.changed();
    void this.flush();
  }

  /** Drops the held actions (and the notice of the refused one). */
  dropHeld(): void {
    this.refused = undefined;
    this.items = this.items.filter((a) => a.state !== 'held');
    this.options.changed();
  }

  /** Forgets the refusal notice (the staff member has read it). */
  dismiss(): void {
    if (this.items.some((a) => a.state === 'held')) return;
    this.refused = undefined;
    this.options.changed();
  }

  /** Drops everything (sign-out, the window was taken over). */
  clear(): void {
    this.items = [];
    this.refused = undefined;
    this.stalled = undefined;
    clearTimeout(this.#timer);
    this.options.changed();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  start(): void {
    this.#stopped = false;
    void this.flush();
  }

  #next(): QueuedAction | undefined {
    return this.items.find((a) => a.state === 'pending');
  }

  #remove(action: QueuedAction): void {
    this.items = this.items.filter((a) => a !== action);
  }

  #retryIn(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), ms);
  }
}
