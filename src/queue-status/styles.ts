import { css } from 'lit';

/**
 * Card styles; the followed ticket, the board, busy hours and online take bring their own. Colours and sizes come only from the private
 * `--_*` tokens (elder, contrast, motion, forced colours). The card is laid out for its own width, a 320 px phone
 * first (docs/decisions/037): rows wrap, short phrases (等候 7 人, 约 6 分钟, 正在办理, what the followed ticket and busy
 * hours say) stay whole; the host is a container too, so that the card's own padding gives way on the narrowest
 * screens. A button that is on says so by its edge too, not by its colour alone (forced colours make every button
 * alike). Comments outside the CSS: it ships as written.
 */
export const queueStyles = css`
  :host {
    container-type: inline-size;
  }
  .card {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap) min(var(--_gap), 4cqi);
    container-type: inline-size;
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
  .mine > p,
  .busy > p {
    word-break: keep-all;
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
  .meta,
  .badge {
    word-break: keep-all;
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
    word-break: keep-all;
  }
  .rows li > span {
    min-width: 0;
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
  form,
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em var(--_gap);
    align-items: end;
    margin-top: 0.5em;
  }
  label {
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
    padding: 0 min(1em, 3cqi);
    border-radius: var(--_radius);
    border: 2px solid var(--_primary);
    background: var(--_fill);
    color: var(--_on-fill);
    cursor: pointer;
  }
  button.plain,
  [aria-pressed='false'] {
    background: var(--_bg);
    color: var(--_primary);
  }
  [aria-pressed='true'] {
    border-width: 4px;
  }
`;
