import { css } from 'lit';

/**
 * Styles of `<zw-service-search>`; only the private `--_*` tokens, so elder mode, contrast schemes and forced colours
 * apply (the active result is the system's selection, HighlightText on Highlight, framed). Laid out for the element's
 * own width, a 320 px phone first (docs/decisions/037): the filters stack (a choice list under its label, as wide as
 * the element: department names are long; side by side on a wide element), the guide's facts read as label above
 * value.
 */
export const searchStyles = css`
  :host {
    background: var(--_bg);
  }
  [part='base'] {
    container-type: inline-size;
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
    padding: 0 min(1em, 4cqi);
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
    background: var(--_fill);
    color: var(--_on-fill);
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  @media (forced-colors: active) {
    [role='option'][aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      outline: 3px solid HighlightText;
      outline-offset: -6px;
    }
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
    word-break: keep-all;
  }
  .filters .pick {
    flex: 1 1 100%;
    display: grid;
    align-items: start;
    gap: 0.25em;
    min-width: 0;
  }
  .pick select {
    inline-size: 100%;
    min-inline-size: 0;
    padding-inline: 0.5em;
  }
  @container (min-width: 36em) {
    .filters .pick {
      flex-basis: 14em;
    }
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
    grid-template-columns: minmax(0, 1fr);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0 0 0.5em;
  }
  @container (min-width: 30em) {
    dl {
      grid-template-columns: max-content minmax(0, 1fr);
      gap: 0.25em var(--_gap);
    }
    dd {
      margin: 0;
    }
  }
  a {
    color: var(--_link);
    display: inline-flex;
    align-items: center;
    min-height: var(--_target);
    margin-right: var(--_gap);
    word-break: keep-all;
  }
`;
