import { html, type TemplateResult } from 'lit';
import encodeQR from 'qr';

/**
 * The QR code of a ticket's live page, as an inline SVG drawn from the encoder's module grid: one path of unit
 * squares (runs of dark modules merged), bound as an attribute, never markup from a string. Medium error correction
 * survives a smudged thermal print; the 4-module quiet zone is what scanners need.
 */
export function ticketQr(text: string, label: string): TemplateResult {
  const grid = encodeQR(text, 'raw', { ecc: 'medium', border: 4 });
  let d = '';
  grid.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (row[x + run]) run++;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  });
  const size = grid.length;
  return html`<svg
    class="qr"
    part="qr"
    role="img"
    aria-label=${label}
    viewBox="0 0 ${size} ${size}"
    shape-rendering="crispEdges"
  >
    <rect width=${size} height=${size} fill="#fff"></rect>
    <path d=${d} fill="#000"></path>
  </svg>`;
}
