import { css, html, svg, nothing, type ReactiveController } from 'lit';
import type { Forecast } from '../core/api/types.gen.js';
import { defineStrings, pickStrings } from '../core/i18n.js';
import { hallHour } from './hall-time.js';
import { hallPath, type QueueHost } from './queue-host.js';

/** The levels this version names; one a newer server adds is left unnamed (its bar still shows the wait). */
const LEVELS: readonly string[] = ['low', 'medium', 'high'];

/** What busy hours say, in zh-CN (the English table comes only to English pages). */
export const busyStrings = defineStrings(
  {
    busyCaption: '今日各时段预计等候时间',
    hour: (h: number) => `${h}:00–${h + 1}:00`,
    hourCol: '时段',
    waitCol: '预计等候',
    now: '现在',
    quietest: (hour: string, wait: string) => `接下来最空闲的时段是 ${hour}，预计等候${wait}。`,
    low: '空闲',
    medium: '适中',
    high: '繁忙',
  },
  () => import('./busy-hours.en.js'),
);

/**
 * The bar chart (the table beside it is for screen readers only). Its hour labels shrink with a narrow card rather
 * than push it wider (the chart is a picture; the quietest hour is said in words above it).
 */
export const busyStyles = css`
  .busy .wait {
    display: inline-block;
    max-width: 100%;
    word-break: keep-all;
  }
  .chart svg {
    display: block;
    width: 100%;
    height: 5em;
  }
  rect {
    fill: var(--_muted);
  }
  rect.high {
    fill: var(--_warning);
  }
  rect.now {
    fill: var(--_primary);
    stroke: var(--_text);
    stroke-width: 1;
  }
  .chart ol {
    display: flex;
    text-align: center;
    font-size: min(var(--_fs-small), 9cqi);
  }
  .chart li {
    flex: 1;
    min-width: 0;
    white-space: nowrap;
  }
  .chart .now {
    font-weight: 700;
    border-top: 4px solid var(--_primary);
  }
  .chart b {
    display: block;
  }
  @media (forced-colors: active) {
    rect,
    rect.high {
      fill: CanvasText;
    }
    rect.now {
      fill: Highlight;
      stroke: CanvasText;
    }
  }
`;

/**
 * 繁忙时段: today's expected wait by hour. The chart is a picture for sighted residents (hidden from screen
 * readers); the same figures are in a table for screen readers, and the one thing most residents want — the quietest
 * hour still to come — is said in words for everyone.
 */
export class BusyHours implements ReactiveController {
  forecast?: Forecast;
  private life = new AbortController();

  constructor(private readonly host: QueueHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.life = new AbortController();
  }

  hostDisconnected(): void {
    this.life.abort();
  }

  /** The sentence with its wait kept as one piece on a line (约 10 分钟 is never broken inside 分钟). */
  private quietest(sentence: string, wait: string) {
    const at = sentence.lastIndexOf(wait);
    if (at < 0) return sentence;
    return html`${sentence.slice(0, at)}<span class="wait">${wait}</span>${sentence.slice(at + wait.length)}`;
  }

  async load(): Promise<void> {
    const hall = this.host.hallId;
    this.forecast = undefined;
    if (!hall) return;
    try {
      const { data } = await this.host.feedApi().get<Forecast>(`${hallPath(hall)}/forecast`, {
        schema: 'Forecast',
        signal: this.life.signal,
      });
      if (hall === this.host.hallId) this.forecast = data;
    } catch {
      // The forecast is a nicety: without it the section is simply not shown.
    }
    this.host.requestUpdate();
  }

  render() {
    const hours = this.forecast?.hours;
    if (!hours?.length) return nothing;
    const q = this.host.text();
    const s = pickStrings(busyStrings, this.host.locale);
    const now = hallHour();
    const max = Math.max(10, ...hours.map((h) => h.expectedWaitMinutes));
    const quiet = hours
      .filter((h) => h.hour >= now)
      .reduce<(typeof hours)[number] | undefined>(
        (best, h) => (!best || h.expectedWaitMinutes < best.expectedWaitMinutes ? h : best),
        undefined,
      );
    const quietWait = quiet ? q.wait(quiet.expectedWaitMinutes) : '';
    // The table is hidden from sight inside a clipping box: hidden itself, it would still be as wide as its text and
    // widen the page.
    return html`<section class="busy" aria-labelledby="busy">
      <h3 id="busy">${q.busy}</h3>
      ${quiet ? html`<p>${this.quietest(s.quietest(s.hour(quiet.hour), quietWait), quietWait)}</p>` : nothing}
      <div class="chart" aria-hidden="true">
        <svg viewBox="0 0 ${hours.length * 10} 100" preserveAspectRatio="none">
          ${hours.map(
            (h, n) =>
              svg`<rect class="${h.level} ${h.hour === now ? 'now' : ''}" x=${n * 10 + 1.5} width="7"
                y=${100 - (h.expectedWaitMinutes / max) * 96} height=${(h.expectedWaitMinutes / max) * 96 + 0.5}></rect>`,
          )}
        </svg>
        <ol>
          ${hours.map((h) => html`<li class=${h.hour === now ? 'now' : ''}>${h.hour}${h.hour === now ? html`<b>${s.now}</b>` : ''}</li>`)}
        </ol>
      </div>
      <div class="visually-hidden">
        <table>
          <caption>
            ${s.busyCaption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${s.hourCol}</th>
              <th scope="col">${s.waitCol}</th>
            </tr>
          </thead>
          <tbody>
            ${hours.map(
              (h) =>
                html`<tr>
                  <th scope="row">${s.hour(h.hour)}${h.hour === now ? ` · ${s.now}` : ''}</th>
                  <td>${q.wait(h.expectedWaitMinutes)}${LEVELS.includes(h.level) ? ` · ${s[h.level]}` : ''}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }
}
