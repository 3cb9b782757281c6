import { css, html, type TemplateResult } from 'lit';
import type { Category, Window } from '../core/api/types.gen.js';

/** The wall board: everything sized from the board's own box, so 40 windows fit a screen without scrolling. */
export const boardStyles = css`
  :host([variant='board']) {
    height: var(--board-height, 100vh);
  }
  .board {
    height: 100%;
    display: flex;
    flex-direction: column;
    gap: 1cqh;
    padding: 1cqh 1cqw;
    background: var(--_bg);
    container-type: size;
    overflow: hidden;
  }
  .board header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 2cqw;
    font-size: max(var(--_fs), 2.6cqh);
  }
  .board .meta {
    font-size: inherit;
  }
  .board h2 {
    font-size: max(var(--_fs-large), 4.5cqh);
  }
  .grid {
    flex: 1;
    min-height: 0;
    display: grid;
    grid-template-columns: repeat(var(--_cols, 4), 1fr);
    grid-template-rows: repeat(var(--_rows, 1), 1fr);
    gap: 0.8cqh 0.6cqw;
  }
  .grid li {
    container-type: size;
    display: flex;
    flex-direction: column;
    justify-content: center;
    align-items: center;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg-alt);
    overflow: hidden;
  }
  .grid .lbl {
    font-size: min(22cqh, 15cqi);
  }
  .grid .num {
    font-size: min(50cqh, 30cqi);
    line-height: 1.05;
    letter-spacing: 0;
  }
  .grid .new {
    border: 0.4em double var(--_primary);
  }
  .board .cats {
    display: flex;
    flex-wrap: wrap;
    gap: 0 3cqw;
    font-size: max(var(--_fs), 2.6cqh);
    /* As on the card: a line may break at a space, never inside 约 16 至 45 分钟. */
    word-break: keep-all;
  }
`;

/** Sets the grid's columns and rows on the host (about 1.6 columns per row: 40 windows are 8 × 5 on a 16:9 screen). */
export function layBoard(host: HTMLElement, windows: number): void {
  if (!windows) return;
  const cols = Math.ceil(Math.sqrt(windows * 1.6));
  host.style.setProperty('--_cols', String(cols));
  host.style.setProperty('--_rows', String(Math.ceil(windows / cols)));
}

/**
 * The hall's wall display: no controls, the number each window serves (or its `note`: paused, closed), each
 * category's `queue` in words; `changed` windows stand out.
 */
export function renderBoard(
  head: TemplateResult,
  windows: Window[],
  categories: Category[],
  changed: Set<string>,
  note: (w: Window) => string,
  queue: (c: Category) => unknown,
): TemplateResult {
  return html`<div class="board" part="base">
    <header>${head}</header>
    <ol class="grid">
      ${windows.map((w) => {
        const said = note(w);
        return html`<li class="${w.status} ${changed.has(w.id) ? 'new' : ''}">
          <span class="lbl">${w.label}</span>
          ${said ? html`<span class="lbl">${said}</span>` : html`<span class="num">${w.serving}</span>`}
        </li>`;
      })}
    </ol>
    <ul class="cats">
      ${categories.map((c) => html`<li>${c.name} ${queue(c)}</li>`)}
    </ul>
  </div>`;
}
