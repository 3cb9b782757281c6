import { html } from 'lit';
import type { ApiClient } from '../core/api/client.js';
import type { RatingFigures, RatingFiguresRow } from '../core/api/types.gen.js';
import type { FiguresStrings } from './figures-strings.js';

/*
 * The 好差评 figures of `<zw-rating-summary by="hall|department|month">`: 好评率, 差评整改率, 回访率 and the on-time
 * rate per group. Fetched the first time a page asks for them, so a summary of levels never ships this.
 */

export { figuresStrings } from './figures-strings.js';

const RATES = ['goodRate', 'rectificationRate', 'revisitRate', 'onTimeRate'] as const;

/** The figures of `by`, optionally for one hall and a range of local days. */
export async function fetchFigures(
  api: ApiClient,
  scope: { by?: string; hall?: string; from?: string; to?: string },
  signal: AbortSignal,
): Promise<RatingFigures> {
  const query = new URLSearchParams(Object.entries(scope).filter((e): e is [string, string] => !!e[1]));
  return (await api.get<RatingFigures>(`/api/v1/ratings/figures?${query}`, { schema: 'RatingFigures', signal })).data;
}

const pct = (rate: number | null, s: FiguresStrings) =>
  rate === null ? s.notApplicable : `${(rate * 100).toFixed(1)}%`;

/**
 * The figures as a chart that is a list of labelled numbers (each group, then its four rates; the bars are
 * decoration), what each rate means, and the same figures as a table on request. A group with too few ratings to
 * publish says so instead of numbers (the server withholds them).
 */
export function renderFigures(f: RatingFigures, s: FiguresStrings) {
  const shown = (r: RatingFiguresRow) => !r.suppressed && r.ratings !== null;
  return html`<p class="rate">${s.title(f.by)}</p>
    ${
      f.rows.length
        ? html`<ul class="groups">
              ${f.rows.map(
                (r) =>
                  html`<li>
                    <span class="group">${r.label}</span>
                    ${
                      shown(r)
                        ? html`<span class="hint">${s.counts(r.ratings ?? 0, r.bad ?? 0)}</span>
                            <ul>
                              ${RATES.map(
                                (k) =>
                                  html`<li>
                                    <span>${s[k]}</span>
                                    <meter aria-hidden="true" min="0" max="1" .value=${r[k] ?? 0}></meter>
                                    <span>${pct(r[k], s)}</span>
                                  </li>`,
                              )}
                            </ul>`
                        : html`<span class="hint">${s.suppressed(f.minimumCount)}</span>`
                    }
                  </li>`,
              )}
            </ul>
            <details>
              <summary>${s.definitions}</summary>
              <dl>
                ${RATES.map(
                  (k) =>
                    html`<dt>${s[k]}</dt>
                      <dd>${s[`${k}Is`]}</dd>`,
                )}
              </dl>
            </details>
            <details>
              <summary>${s.table}</summary>
              <div class="table" role="region" tabindex="0" aria-labelledby="figures">
                <table>
                  <caption id="figures">
                    ${s.title(f.by)}
                  </caption>
                  <tr>
                    <th scope="col">${s.group(f.by)}</th>
                    <th scope="col">${s.ratings}</th>
                    <th scope="col">${s.bad}</th>
                    ${RATES.map((k) => html`<th scope="col">${s[k]}</th>`)}
                  </tr>
                  ${f.rows.map(
                    (r) =>
                      html`<tr>
                        <th scope="row">${r.label}</th>
                        ${
                          shown(r)
                            ? html`<td>${r.ratings}</td>
                                <td>${r.bad}</td>
                                ${RATES.map((k) => html`<td>${pct(r[k], s)}</td>`)}`
                            : html`<td colspan="6">${s.suppressed(f.minimumCount)}</td>`
                        }
                      </tr>`,
                  )}
                </table>
              </div>
            </details>`
        : html`<p>${s.none}</p>`
    }`;
}
