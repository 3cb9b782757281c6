import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { Task } from '@lit/task';
import { ZwElement } from '../core/zw-element.js';
import { Lazy } from '../core/lazy.js';
import type { ApiClient } from '../core/api/client.js';
import { tokenStyles, visuallyHidden } from '../core/tokens.js';
import { coreStrings, describeError } from '../core/strings.js';
import type { RatingSummary } from '../core/api/types.gen.js';
import { ratingStrings } from './strings.js';
import { summaryStrings } from './summary-strings.js';

const LEVELS = [5, 4, 3, 2, 1] as const;

/** The figures per hall, department or month (`by`): fetched the first time a page asks for them. */
type FiguresArgs = [
  by: string | undefined,
  hall: string | undefined,
  from: string | undefined,
  to: string | undefined,
  api: ApiClient,
];
const figuresPart = new Lazy(() => import('./figures.js'));

/**
 * The ratings of a service item, a window or a hall: 好评率 and the count at each level, as a bar chart that is a
 * plain list of labelled numbers (the bars are decoration) with the same figures as a table on request.
 *
 * 好评率 (positive rate) is the share of ratings that are not 差评: ratings at levels 3–5 (非常满意, 满意,
 * 基本满意) divided by all ratings. It is the API's `goodRate`; with no ratings it is not shown.
 *
 * @summary 好差评 summary: 好评率 and ratings per level.
 * @tag zw-rating-summary
 *
 * @attr service - Only ratings of this 事项编码.
 * @attr window - Only ratings at this window id.
 * @attr hall - Only ratings in this hall; defaults to `<zw-config hall>` when no other scope is given.
 * @attr {'hall' | 'department' | 'month'} by - Instead of the levels, the figures the national rules ask a district
 *   to publish (好评率, 差评整改率, 回访率, on-time rate) per hall, department or month, as a chart and a table.
 * @attr from - With `by`: the first local day counted (`2026-10-01`).
 * @attr to - With `by`: the last local day counted.
 * @attr lang - `zh-CN` (default) or `en`.
 *
 * @csspart base - The element's content.
 */
export class ZwRatingSummary extends ZwElement {
  static override tables = [coreStrings, ratingStrings, summaryStrings];
  // Laid out for its own width, a 320 px phone first (docs/decisions/037): on a narrow element each level's name and
  // count share a line and its bar spans the whole width below them; from 30 em one row per level, in aligned
  // columns. The table may scroll sideways inside its own region where its whole words do not fit (elder mode on the
  // narrowest phones; WCAG 1.4.10 exempts data tables); the page never does.
  static override styles = [
    tokenStyles,
    visuallyHidden,
    css`
      :host {
        background: var(--_bg);
      }
      p {
        margin: 0 0 0.5em;
      }
      .rate {
        font-size: var(--_fs-large);
        font-weight: 600;
      }
      .hint {
        color: var(--_muted);
        font-size: var(--_fs-small);
      }
      .rate .hint {
        white-space: nowrap;
      }
      [part='base'] {
        container-type: inline-size;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0 0 var(--_gap);
        display: grid;
        gap: 0.5em var(--_gap);
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        column-gap: var(--_gap);
        word-break: keep-all;
      }
      meter {
        order: 1;
        flex: 1 0 100%;
        inline-size: 100%;
        block-size: 1em;
      }
      @container (min-width: 30em) {
        ul {
          grid-template-columns: max-content 1fr max-content;
        }
        li {
          grid-column: 1 / -1;
          display: grid;
          grid-template-columns: max-content 1fr max-content;
          grid-template-columns: subgrid;
          align-items: center;
        }
        meter {
          order: 0;
        }
      }
      meter::-webkit-meter-bar {
        background: var(--_bg-alt);
        border: 1px solid var(--_border);
      }
      meter::-webkit-meter-optimum-value {
        background: var(--_primary);
      }
      summary {
        cursor: pointer;
        min-block-size: var(--_target);
        display: flex;
        align-items: center;
        color: var(--_primary);
      }
      .table {
        max-inline-size: 100%;
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
      }
      caption {
        text-align: start;
      }
      th,
      td {
        border: 1px solid var(--_border);
        padding: 0.25em 0.5em;
        text-align: start;
      }
      td {
        white-space: nowrap;
      }
      .groups > li {
        display: block;
      }
      .group {
        font-weight: 600;
        margin-inline-end: var(--_gap);
      }
      button {
        font: inherit;
        min-block-size: var(--_target);
        padding: 0 min(1em, 4cqi);
        border: 2px solid var(--_primary);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_primary);
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    service: {},
    window: {},
    hall: {},
    by: {},
    from: {},
    to: {},
  };

  /** Only ratings of this 事项编码. */
  service?: string;
  /** Only ratings at this window id. */
  window?: string;
  /** Only ratings in this hall. */
  hall?: string;
  /** Show the figures per `hall`, `department` or `month` instead of the levels. */
  by?: 'hall' | 'department' | 'month';
  /** With `by`: the first local day counted. */
  from?: string;
  /** With `by`: the last local day counted. */
  to?: string;

  /** The summary of the current scope; a run for a scope that changed meanwhile is aborted and its answer ignored. */
  private task = new Task(this, {
    task: async ([path, api]: [string, typeof this.api], { signal }) =>
      (await api.get<RatingSummary>(path, { schema: 'RatingSummary', signal })).data,
    args: (): [string, typeof this.api] => {
      const hall = this.hall ?? (this.service || this.window ? undefined : this.config.hall);
      const query = new URLSearchParams(
        Object.entries({ service: this.service, window: this.window, hall }).filter(
          (e): e is [string, string] => !!e[1],
        ),
      );
      return [`/api/v1/ratings/summary?${query}`, this.api];
    },
  });

  /** The figures of `by` (fetching their part first); nothing runs while `by` is not set. */
  private figuresTask = new Task(this, {
    // Flat arguments: the task runs again only when one of them changes.
    task: async ([by, hall, from, to, api]: FiguresArgs, { signal }) =>
      by ? (await figuresPart.load()).fetchFigures(api, { by, hall, from, to }, signal) : undefined,
    args: (): FiguresArgs => [this.by, this.hall ?? this.config.hall, this.from, this.to, this.api],
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // A rating recorded on this page (beside this summary, or delivered later from the outbox) changes the figures.
    document.addEventListener('zw-rating-sent', () => void this.load(), { signal: this.signal });
  }

  /** Fetches the summary (or the figures) again (after a rating was sent, for example). */
  load(): Promise<void> {
    return this.by ? this.figuresTask.run() : this.task.run();
  }

  override render() {
    const s = this.strings(summaryStrings);
    const level = this.strings(ratingStrings).level;
    const core = this.strings(coreStrings);
    if (this.by) return this.renderFigures(core);
    const { value: d, error } = this.task;
    if (error)
      return html`<p role="alert">${describeError(error, core)}</p>
        <button @click=${() => void this.load()}>${core.retry}</button>`;
    if (!d) return html`<p>${core.loading}</p>`;
    const pct = (n: number) => `${((n / (d.count || 1)) * 100).toFixed(1)}%`;
    const rows = LEVELS.map((n) => [n, level(n), d.byLevel[n], pct(d.byLevel[n])] as const);
    return html`<div part="base">
      <p class="rate">
        ${d.goodRate === null ? s.none : `${s.goodRate} ${(d.goodRate * 100).toFixed(1)}%`}
        <span class="hint">${d.count ? s.count(d.count) : nothing}</span>
      </p>
      <p class="hint">${s.goodRateIs}</p>
      ${
        d.count
          ? html`<ul>
                ${rows.map(
                  ([, name, count, share]) =>
                    html`<li>
                      <span>${name}</span>
                      <meter aria-hidden="true" min="0" max=${d.count} .value=${count}></meter>
                      <span>${s.countShare(count, share)}</span>
                    </li>`,
                )}
              </ul>
              <details>
                <summary>${s.table}</summary>
                <div class="table" role="region" tabindex="0" aria-labelledby="by-level">
                  <table>
                    <caption id="by-level">
                      ${s.byLevel}
                    </caption>
                    <tr>
                      <th scope="col">${s.levelCol}</th>
                      <th scope="col">${s.number}</th>
                      <th scope="col">${s.share}</th>
                    </tr>
                    ${rows.map(
                      ([, name, count, share]) =>
                        html`<tr>
                          <th scope="row">${name}</th>
                          <td>${count}</td>
                          <td>${share}</td>
                        </tr>`,
                    )}
                  </table>
                </div>
              </details>`
          : nothing
      }
    </div>`;
  }

  /** The figures of `by`, once their part (and, on an English page, its strings) and the answer are here. */
  private renderFigures(core: (typeof coreStrings)['zh-CN']) {
    const m = this.partReady(figuresPart, (part) => part.figuresStrings);
    const { value, error } = this.figuresTask;
    const failed = error ?? (figuresPart.failed ? new Error('part') : undefined);
    if (failed)
      return html`<p role="alert">${describeError(error, core)}</p>
        <button
          @click=${() => {
            if (figuresPart.failed) figuresPart.retry(this);
            void this.figuresTask.run();
          }}
        >
          ${core.retry}
        </button>`;
    if (!m || !value) return html`<p>${core.loading}</p>`;
    return html`<div part="base">${m.renderFigures(value, this.strings(m.figuresStrings))}</div>`;
  }
}
