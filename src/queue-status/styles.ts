import { css } from 'lit';

/** Card and board styles. Colours and sizes come only from the private `--_*` tokens (elder, contrast, motion). */
export const queueStyles = css`
  .card {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
  }
  h2,
  h3 {
    margin: 0;
    font-size: var(--_fs-large);
    line-height: 1.3;
  }
  h3 {
    font-size: var(--_fs);
    margin-top: var(--_gap);
  }
  p {
    margin: 0.25em 0;
  }
  ul,
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .meta,
  .hint {
    color: var(--_muted);
    font-size: var(--_fs-small);
  }
  .badge {
    font-weight: 700;
    color: var(--_success);
  }
  .badge.off,
  .paused,
  .warn {
    color: var(--_warning);
  }
  .warn,
  .err {
    font-weight: 700;
  }
  /* Not live: said in full-size words with a bar, not only in the small print. */
  .meta .warn {
    display: block;
    font-size: var(--_fs);
    border-inline-start: 4px solid;
    padding-inline-start: 0.5em;
  }
  .err {
    color: var(--_danger);
  }
  .warn::before,
  .err::before {
    content: '⚠ ';
  }
  .rows li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 var(--_gap);
    padding: 0.25em 0;
    border-bottom: 1px solid var(--_bg-alt);
  }
  .rows b {
    font-variant-numeric: tabular-nums;
  }
  .closed {
    color: var(--_muted);
  }
  .mine,
  .take,
  .busy {
    border-top: 1px solid var(--_border);
    margin-top: var(--_gap);
  }
  .num {
    font-size: calc(var(--_fs-large) * 1.4);
    font-weight: 700;
    letter-spacing: 0.05em;
  }
  .near {
    font-weight: 700;
    color: var(--_primary);
  }
  .called {
    background: var(--_primary);
    color: var(--_on-primary);
    border: 4px double var(--_on-primary);
    outline: 3px solid var(--_primary);
    border-radius: var(--_radius);
    padding: var(--_gap);
    margin-top: 0.5em;
    text-align: center;
  }
  .called .go {
    font-size: calc(var(--_fs-large) * 1.6);
    font-weight: 800;
    line-height: 1.2;
  }
  form,
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em var(--_gap);
    align-items: end;
    margin-top: 0.5em;
  }
  label,
  legend {
    display: block;
    font-weight: 600;
  }
  input[type='text'] {
    display: block;
    font: inherit;
    text-transform: uppercase;
    width: 7em;
    min-height: var(--_target);
    padding: 0 0.5em;
    color: var(--_text);
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  button {
    font: inherit;
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0 1em;
    border-radius: var(--_radius);
    border: 2px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    cursor: pointer;
  }
  button.plain,
  [aria-pressed='false'] {
    background: var(--_bg);
    color: var(--_primary);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    width: 100%;
  }
  .opt {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: var(--_target);
    font-weight: 400;
  }
  .opt input {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
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
    font-size: var(--_fs-small);
  }
  .chart li {
    flex: 1;
  }
  .chart .now {
    font-weight: 700;
    border-top: 4px solid var(--_primary);
  }
  .chart b {
    display: block;
  }

  /* The wall board: everything sized from the board's own box, so 40 windows fit a screen without scrolling. */
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
  }
`;
