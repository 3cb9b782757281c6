import { expect, waitUntil } from '@open-wc/testing';
import { strictCspFrame, violations } from './support/csp-frame.ts';

/**
 * The widgets must work on portals with a strict Content-Security-Policy: no inline scripts or styles, no eval,
 * nothing from other origins. A frame with exactly such a policy loads the package entry and every element;
 * the test fails on any policy violation and checks that each element rendered.
 */
describe('under a strict Content-Security-Policy', () => {
  it('every element renders with no policy violation', async function () {
    this.timeout(60_000);
    const frame = strictCspFrame(
      ['src/index.ts'],
      `<zw-config hall="guangan-zwzx">
        <zw-a11y-toggle mode="elder">长辈版</zw-a11y-toggle><zw-a11y-toolbar></zw-a11y-toolbar>
        <zw-service-search></zw-service-search>
        <zw-queue-status allow-take show-forecast></zw-queue-status>
        <zw-rating case="CSP-${Date.now()}" channel="pc"></zw-rating>
        <zw-rating-summary hall="guangan-zwzx"></zw-rating-summary>
      </zw-config>`,
      [1200, 900],
    );
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
      expect(violations(frame)).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
