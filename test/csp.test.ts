import { expect, waitUntil } from '@open-wc/testing';

/**
 * The widgets must work on portals with a strict Content-Security-Policy: no inline scripts or styles, no eval,
 * nothing from other origins. A frame with exactly such a policy loads the package entry and every element;
 * the test fails on any policy violation and checks that each element rendered.
 */
const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'";

describe('under a strict Content-Security-Policy', () => {
  it('every element renders with no policy violation', async function () {
    this.timeout(60_000);
    const frame = document.createElement('iframe');
    frame.style.width = '1200px';
    frame.style.height = '900px';
    frame.srcdoc = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="${POLICY}">
      <script type="module" src="${new URL('./support/csp-watch.ts', import.meta.url).pathname}"></script>
      <script type="module" src="${new URL('../src/index.ts', import.meta.url).pathname}"></script></head>
      <body><zw-config hall="guangan-zwzx">
        <zw-a11y-toggle mode="elder">长辈版</zw-a11y-toggle><zw-a11y-toolbar></zw-a11y-toolbar>
        <zw-service-search></zw-service-search>
        <zw-queue-status allow-take show-forecast></zw-queue-status>
        <zw-rating case="CSP-${Date.now()}" channel="pc"></zw-rating>
        <zw-rating-summary hall="guangan-zwzx"></zw-rating-summary>
      </zw-config></body></html>`;
    document.body.append(frame);
    try {
      const tags = ['zw-a11y-toggle', 'zw-a11y-toolbar', 'zw-service-search', 'zw-queue-status', 'zw-rating', 'zw-rating-summary'];
      await waitUntil(() => frame.contentWindow?.customElements?.get('zw-rating'), 'elements defined', { timeout: 30_000 });
      const doc = frame.contentDocument!;
      // Each element has rendered something a resident can read (the queue and rating wait for the API).
      await waitUntil(
        () => tags.every((t) => (doc.querySelector(t)?.shadowRoot?.textContent ?? '').trim().length > 0),
        'every element rendered',
        { timeout: 30_000 },
      );
      await waitUntil(() => /等候|办公中|暂停|未开放/.test(doc.querySelector('zw-queue-status')!.shadowRoot!.textContent!), 'queue data shown', { timeout: 30_000 });
      // Styles applied through constructed style sheets, which the policy allows.
      const input = doc.querySelector('zw-service-search')!.shadowRoot!.querySelector('input')!;
      expect(getComputedStyle(input).minHeight).not.to.equal('0px');
      expect((frame.contentWindow as unknown as { zwViolations: string[] }).zwViolations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
