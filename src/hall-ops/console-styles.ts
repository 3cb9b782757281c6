import { css } from 'lit';

/**
 * The console: big buttons with their keys shown, the current resident large, the line beside it on a wide screen
 * and under it on a narrow one (container queries on the element). Status words are never colour alone: each has
 * its text, and the pending and refused notices an edge. Colours only from the private tokens.
 */
export const consoleStyles = css`
  :host {
    container-type: inline-size;
  }
  .console {
    display: grid;
    gap: var(--_gap);
    padding: var(--_gap);
    background: var(--_bg);
  }
  h1,
  h2,
  h3 {
    margin: 0;
    line-height: 1.3;
    word-break: keep-all;
  }
  h1 {
    font-size: var(--_fs-large);
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
  }
  .hall {
    font-weight: 400;
    color: var(--_muted);
  }
  h2 {
    font-size: var(--_fs-large);
  }
  h3 {
    font-size: var(--_fs);
  }
  p {
    margin: 0;
  }
  ol,
  ul {
    margin: 0;
    padding-inline-start: 1.5em;
  }
  .counts,
  .missed {
    list-style: none;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
  }
  button,
  select,
  input {
    font: inherit;
  }
  button {
    min-block-size: var(--_target);
    padding: 0.25em 1em;
    border-radius: var(--_radius);
    border: 2px solid var(--_primary);
    background: var(--_bg);
    color: var(--_primary);
    cursor: pointer;
  }
  button.primary {
    background: var(--_fill);
    color: var(--_on-fill);
  }
  button:disabled {
    border-style: dashed;
    color: var(--_muted);
    border-color: var(--_muted);
    background: var(--_bg);
    cursor: not-allowed;
  }
  button.small {
    min-block-size: max(44px, var(--_target));
  }
  select {
    min-block-size: var(--_target);
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .who,
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .status,
  .net,
  .mark {
    border: 2px solid currentColor;
    border-radius: var(--_radius);
    padding: 0 0.5em;
    word-break: keep-all;
  }
  .status.open,
  .net.on {
    color: var(--_success);
  }
  .status.paused,
  .status.closed,
  .net.off {
    color: var(--_warning);
    font-weight: 700;
  }
  .mark {
    display: inline-block;
    margin-inline-start: 0.5em;
    font-size: var(--_fs-small);
  }
  .mark.priority {
    color: var(--_success);
    font-weight: 700;
  }
  .grid {
    display: grid;
    gap: var(--_gap);
  }
  @container (min-width: 48rem) {
    .grid {
      grid-template-columns: 3fr 2fr;
    }
  }
  .current,
  .line,
  .pending,
  .notice,
  .pick {
    display: grid;
    gap: calc(var(--_gap) / 2);
    align-content: start;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
  }
  .pending {
    border: 3px solid var(--_warning);
  }
  .number {
    font-size: calc(var(--_fs-large) * 2.2);
    font-weight: 700;
    line-height: 1.1;
  }
  .meta {
    color: var(--_muted);
  }
  .said {
    font-weight: 700;
  }
  .actions {
    display: grid;
    gap: calc(var(--_gap) / 2);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 9em), 1fr));
  }
  .act {
    min-block-size: max(64px, var(--_target));
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.25em;
    font-weight: 700;
  }
  kbd {
    font: inherit;
    font-size: var(--_fs-small);
    font-weight: 400;
    border: 1px solid currentColor;
    border-radius: 4px;
    padding: 0 0.25em;
  }
  .problem {
    color: var(--_danger);
    font-weight: 700;
    border-inline-start: 6px solid var(--_danger);
    padding-inline-start: 0.5em;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    min-block-size: max(44px, var(--_target));
    word-break: keep-all;
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1.25em;
    block-size: 1.25em;
  }
  form.open,
  form.pick {
    display: grid;
    gap: calc(var(--_gap) / 2);
  }
  summary {
    min-block-size: max(44px, var(--_target));
    cursor: pointer;
    color: var(--_link);
  }
  dialog {
    color: var(--_text);
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    max-inline-size: min(40rem, 95vw);
  }
  dialog form {
    display: grid;
    gap: var(--_gap);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }
`;
