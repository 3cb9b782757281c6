import { css } from 'lit';

/**
 * The kiosk: a touch screen first (targets of 64 px and more, big words kept whole, one column on a narrow screen),
 * colours only from the private tokens (contrast schemes, forced colours). The QR code keeps black on white in every
 * mode (scanners need it). In print, only the ticket shows, as a receipt 72 mm wide (an 80 mm roll; it also fits
 * 58 mm printers that scale to their width), black on white, on one page.
 */
export const kioskStyles = css`
  :host {
    --_target: max(64px, var(--zw-target-size, 64px));
    container-type: inline-size;
  }
  .kiosk {
    display: grid;
    gap: var(--_gap);
    padding: var(--_gap);
    background: var(--_bg);
    min-block-size: 100%;
  }
  h1,
  h2 {
    margin: 0;
    line-height: 1.3;
    word-break: keep-all;
  }
  h1 {
    font-size: var(--_fs-large);
    color: var(--_muted);
  }
  h2 {
    font-size: calc(var(--_fs-large) * 1.2);
  }
  p {
    margin: 0;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .choices {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14em), 1fr));
  }
  button {
    font: inherit;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding: 0.5em 1em;
    border-radius: var(--_radius);
    border: 2px solid var(--_primary);
    background: var(--_bg);
    color: var(--_primary);
    cursor: pointer;
    touch-action: manipulation;
  }
  .choice,
  .priority {
    display: grid;
    align-content: center;
    gap: 0.25em;
    inline-size: 100%;
    min-block-size: calc(var(--_target) * 1.5);
    text-align: center;
    font-weight: 700;
    background: var(--_fill);
    color: var(--_on-fill);
    border-color: var(--_primary);
  }
  .name {
    font-size: var(--_fs-large);
  }
  .count,
  .hint {
    font-weight: 400;
  }
  .priority {
    background: var(--_bg);
    color: var(--_success);
    border: 4px solid var(--_success);
  }
  .back {
    justify-self: start;
  }
  .problem {
    color: var(--_danger);
    font-weight: 700;
    border-inline-start: 6px solid var(--_danger);
    padding-inline-start: 0.5em;
  }
  .reason {
    color: var(--_success);
    font-weight: 700;
  }
  .ticket {
    display: grid;
    justify-items: center;
    gap: 0.25em;
    text-align: center;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
    max-inline-size: 28rem;
    justify-self: center;
    inline-size: 100%;
  }
  .number {
    font-size: calc(var(--_fs-large) * 2.5);
    font-weight: 700;
    line-height: 1.1;
  }
  .mark {
    font-weight: 700;
    border: 2px solid currentColor;
    padding: 0 0.5em;
  }
  .ticket dl {
    margin: 0;
    display: grid;
    gap: 0.25em;
  }
  .ticket dl div {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0 0.5em;
  }
  .ticket dt {
    color: var(--_muted);
  }
  .ticket dd {
    margin: 0;
  }
  .qr {
    inline-size: min(60cqi, 12rem);
    block-size: auto;
    forced-color-adjust: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    justify-content: center;
  }
  .actions .choice {
    inline-size: auto;
  }
  /* A kiosk's own screen (a 1080 px portrait panel or wider): everything larger, for residents reading it standing
     back, many of them elderly. Container-relative, so a kiosk in a narrow column or in print is not affected. */
  @container (min-width: 1000px) {
    .kiosk {
      zoom: 1.5;
    }
  }
  @media print {
    :host,
    :host([data-zw-elder]) {
      --_text: #000;
      --_muted: #000;
      --_bg: #fff;
      --_border: #000;
      --_fs: 12pt;
      --_fs-small: 10pt;
      --_fs-large: 14pt;
      --_line: 1.3;
      --_gap: 1.5mm;
    }
    .kiosk {
      padding: 0;
      min-block-size: 0;
    }
    .kiosk > :not(.ticket) {
      display: none !important;
    }
    .ticket {
      inline-size: 72mm;
      max-inline-size: 72mm;
      border: 0;
      padding: 0;
      break-inside: avoid;
      color: #000;
      background: #fff;
    }
    .ticket {
      gap: 0;
    }
    .number {
      font-size: 32pt;
    }
    .qr {
      inline-size: 30mm;
    }
  }
`;
