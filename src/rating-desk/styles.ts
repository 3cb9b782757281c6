import { css } from 'lit';

/**
 * The desk's styles. Colours and sizes come only from the private `--_*` tokens (elder mode, contrast schemes,
 * forced colours). Laid out for the element's own width, a 320 px phone first (docs/decisions/037): one column, a
 * case's facts label above value; from 36 em the facts sit in two columns. A flag (overdue, due soon) is a word and
 * a thick edge, never colour alone. Comments stay outside the CSS: it ships as written.
 */
export const deskStyles = css`
  :host {
    background: var(--_bg);
  }
  [part='base'] {
    container-type: inline-size;
  }
  h2,
  h3 {
    margin: 0 0 0.5em;
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
    margin: 0 0 var(--_gap);
    padding: 0;
    list-style: none;
  }
  li {
    margin-block: 0.5em;
  }
  ol > li + li {
    border-block-start: 1px solid var(--_border);
    padding-block-start: 0.5em;
  }
  .case {
    display: block;
    inline-size: 100%;
    text-align: start;
    padding: 0.5em min(var(--_gap), 4cqi);
    border: 1px solid var(--_border);
    border-inline-start-width: 6px;
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    cursor: pointer;
  }
  .case > span {
    display: block;
  }
  .late {
    border-color: var(--_danger);
  }
  .soon {
    border-color: var(--_warning);
  }
  .flag {
    font-weight: 700;
    word-break: keep-all;
  }
  .late .flag,
  .flag.late {
    color: var(--_danger);
  }
  .soon .flag {
    color: var(--_warning);
  }
  .stale {
    color: var(--_warning);
    font-weight: 700;
  }
  .hint,
  .meta {
    color: var(--_muted);
    font-size: var(--_fs-small);
  }
  dl {
    margin: 0 0 var(--_gap);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0 0 0.5em;
  }
  @container (min-width: 36em) {
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25em var(--_gap);
    }
    dd {
      margin: 0;
    }
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 var(--_gap);
    padding: 0.5em min(var(--_gap), 4cqi);
    min-inline-size: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25em;
  }
  label {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: var(--_target);
  }
  .field {
    display: block;
    min-block-size: 0;
    margin-block-start: 0.5em;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
  }
  [type='radio'] {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    flex: none;
    accent-color: var(--_primary);
  }
  select,
  textarea {
    display: block;
    inline-size: 100%;
    min-block-size: var(--_target);
    padding: 0.25em 0.5em;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  textarea {
    min-block-size: 4em;
  }
  button {
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding: 0 min(1.25em, 4cqi);
    margin-block: 0.25em;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_primary);
    cursor: pointer;
  }
  [type='submit'] {
    background: var(--_fill);
    color: var(--_on-fill);
  }
  .preview {
    border-inline-start: 4px solid var(--_border);
    padding-inline-start: 0.5em;
    background: var(--_bg-alt);
  }
  .err {
    color: var(--_danger);
    font-weight: 600;
  }
  .msg {
    font-weight: 600;
  }
  .phone {
    font-size: var(--_fs-large);
    font-weight: 700;
    letter-spacing: 0.05em;
  }
`;
