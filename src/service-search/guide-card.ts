import { html, nothing } from 'lit';
import type { ServiceDetail, ServiceSummary } from '../core/api/types.gen.js';
import type { SearchStrings } from './strings.js';

/**
 * The guide of the chosen item: what a resident needs before leaving home. Its own module, fetched with the first
 * choice alongside the item's details, since many visitors only search.
 *
 * `detail` is the item's details, or the message of why they could not be had; until they come, the summary's
 * facts show and the rest reads `loadingText`.
 */
export function guideCard(
  s: SearchStrings,
  item: ServiceSummary,
  detail: ServiceDetail | string | undefined,
  loadingText: string,
  hrefTemplate: string | undefined,
) {
  const d = typeof detail === 'object' && detail.code === item.code ? detail : undefined;
  const loading = typeof detail === 'string' ? detail : loadingText;
  const online = (hrefTemplate && portalLink(hrefTemplate, item.code)) || safe(d?.onlineUrl);
  const fee = d && (d.fee.charged ? d.fee.items.map((f) => `${f.name} ${f.amount}`).join('；') : s.free);
  return html`<section class="card" part="details" aria-labelledby="title">
    <h3 id="title">${item.name}</h3>
    <span class="meta">${item.dept}</span>
    <dl>
      <dt>${s.visitsLabel}</dt>
      <dd>${s.visits(item.visits)}${item.fullyOnline ? `，${s.fullyOnline}` : ''}</dd>
      <dt>${s.limits}</dt>
      <dd>
        ${d ? s.limit(d.legalLimit, d.promisedLimit) : item.promisedDays === null ? loading : s.promised(item.promisedDays)}
      </dd>
      <dt>${s.fee}</dt>
      <dd>${fee ?? loading}</dd>
      ${
        item.crossRegion === 'none'
          ? nothing
          : html`<dt>${s.crossRegion}</dt>
              <dd>
                ${s.scope(item.crossRegion)}${d?.crossRegionNote ? html`<span class="meta">${d.crossRegionNote}</span>` : ''}
              </dd>`
      }
    </dl>
    ${online ? html`<a href=${online}>${s.online}</a>` : nothing}
    ${safe(d?.guideUrl) ? html`<a href=${safe(d?.guideUrl)!} target="_blank" rel="noopener noreferrer">${s.guide}</a>` : nothing}
    <details>
      <summary>${s.details}</summary>
      ${
        d
          ? html`<h4>${s.materials}</h4>
              <ol>
                ${d.materials.map(
                  (m) =>
                    html`<li>
                      ${m.name}<span class="meta">${s.material(m.form, m.copies, m.required)} ${m.note ?? ''}</span>
                    </li>`,
                )}
              </ol>
              <h4>${s.where}</h4>
              <ul>
                ${d.locations.map(
                  (l) =>
                    html`<li>
                      ${l.name}<span class="meta">${l.address} · ${l.window} · ${l.hours} · ${l.phone}</span>
                    </li>`,
                )}
              </ul>`
          : html`<p>${loading}</p>`
      }
    </details>
  </section>`;
}

/**
 * The portal's link for an item from `href-template`, only when it is a web link: http, https or relative to the
 * page (resolved as the browser will resolve it). A `javascript:`, `data:` or other template gives none.
 */
function portalLink(template: string, code: string): string | undefined {
  const url = template.replace(/\{code\}/g, encodeURIComponent(code));
  try {
    return /^https?:$/.test(new URL(url, document.baseURI).protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Only web links from the server become hrefs (never `javascript:`). */
const safe = (url: string | null | undefined): string | undefined =>
  url && /^https?:\/\//i.test(url) ? url : undefined;
