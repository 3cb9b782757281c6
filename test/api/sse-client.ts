/** A minimal Server-Sent Events reader over fetch, keeping each frame's raw text (to compare bytes). */
export interface SseFrame {
  raw: string;
  event?: string;
  id?: string;
  data?: string;
  retry?: number;
  comment?: string;
}

export class SseClient {
  readonly response: Response;
  private readonly controller: AbortController;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private readonly frames: SseFrame[] = [];
  private ended = false;

  private constructor(response: Response, controller: AbortController) {
    this.response = response;
    this.controller = controller;
    this.reader = response.body!.getReader();
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const controller = new AbortController();
    const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: controller.signal });
    return new SseClient(response, controller);
  }

  /** The next frame, or null if none arrives within `timeoutMs` (or the stream ends). */
  async next(timeoutMs: number): Promise<SseFrame | null> {
    const deadline = Date.now() + timeoutMs;
    while (this.frames.length === 0 && !this.ended) {
      const left = deadline - Date.now();
      if (left <= 0) return null;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), left);
      });
      const read = this.pending ?? (this.pending = this.reader.read());
      const result = await Promise.race([read, timeout]);
      clearTimeout(timer);
      if (result === 'timeout') return null;
      this.pending = undefined;
      if (result.done) {
        this.ended = true;
        break;
      }
      this.buffer += this.decoder.decode(result.value, { stream: true });
      this.split();
    }
    return this.frames.shift() ?? null;
  }

  /**
   * The next frame that is an event of the hall's state (skipping retry-only frames, comments and heartbeats, which
   * `seen` still hears), within `timeoutMs`.
   */
  async nextEvent(timeoutMs: number, seen?: (frame: SseFrame) => void): Promise<SseFrame | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frame = await this.next(Math.max(0, deadline - Date.now()));
      if (!frame) return null;
      seen?.(frame);
      if (frame.event !== 'heartbeat' && (frame.event || frame.data !== undefined)) return frame;
    }
  }

  private pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;

  private split(): void {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end < 0) return;
      const raw = this.buffer.slice(0, end + 2);
      this.buffer = this.buffer.slice(end + 2);
      const frame: SseFrame = { raw };
      for (const line of raw.split('\n')) {
        if (line === '') continue;
        if (line.startsWith(':')) {
          frame.comment = line.slice(1).trim();
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') frame.event = value;
        else if (field === 'id') frame.id = value;
        else if (field === 'data') frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
        else if (field === 'retry') frame.retry = Number(value);
      }
      this.frames.push(frame);
    }
  }

  close(): void {
    this.controller.abort();
    this.reader.cancel().catch(() => undefined);
  }
}
