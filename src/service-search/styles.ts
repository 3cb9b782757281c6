import { css } from 'lit';

/** Styles of `<zw-service-search>`; only the private `--_*` tokens, so elder mode and contrast schemes apply. */
export const searchStyles = css`
  :host {
    background: var(--_bg);
  }
  label,
  summary {
    font-weight: 600;
  }
  input,
  select,
  button {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    min-height: var(--_target);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  #q {
    display: block;
    width: 100%;
    margin-top: 0.25em;
    padding: 0 0.75em;
  }
  button {
    padding: 0 1em;
    cursor: pointer;
  }
  [role='listbox'] {
    margin-top: 0.25em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    max-height: 32em;
    overflow-y: auto;
  }
  [role='option'] {
    padding: 0.4em 0.75em;
    min-height: var(--_target);
    cursor: pointer;
    border-top: 1px solid var(--_bg-alt);
  }
  [role='option'][aria-selected='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  mark {
    background: none;
    color: inherit;
    font-weight: 700;
    text-decoration: underline;
  }
  .meta,
  .note {
    display: block;
    font-size: var(--_fs-small);
    color: var(--_muted);
  }
  [aria-selected='true'] .meta {
    color: inherit;
  }
  .head {
    padding: 0.4em 0.75em;
    font-weight: 600;
    background: var(--_bg-alt);
  }
  /* Nothing found: the top of the list, in the text's own size and colour. */
  .none {
    margin-top: 0.25em;
    padding: 0.5em 0.75em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg-alt);
  }
  .none strong {
    display: block;
  }
  .none + [role='listbox'] {
    margin-top: 0;
  }
  .filters {
    margin-top: var(--_gap);
  }
  .filters > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_gap);
  }
  .filters label,
  summary {
    display: flex;
    align-items: center;
    gap: 0.4em;
    min-height: var(--_target);
    cursor: pointer;
  }
  /* A flex summary loses the browser's disclosure triangle; draw one so residents see it opens. */
  summary::before {
    content: '▸' / '';
    transition: transform 0.15s;
  }
  details[open] > summary::before {
    transform: rotate(90deg);
  }
  [type='checkbox'] {
    min-height: 0;
    width: 1.2em;
    height: 1.2em;
  }
  .error {
    color: var(--_danger);
  }
  .card {
    margin-top: var(--_gap);
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  h3,
  h4 {
    margin: 0;
    font-size: var(--_fs-large);
  }
  h4 {
    font-size: var(--_fs);
    margin-top: var(--_gap);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em var(--_gap);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  a {
    color: var(--_primary);
    display: inline-flex;
    align-items: center;
    min-height: var(--_target);
    margin-right: var(--_gap);
  }
`;
