import { expect, fixture, html, waitUntil } from '@open-wc/testing';
// `<zw-config>` is never defined on this page: no module here may import src/core/index.ts.
import '../src/queue-status/index.ts';
import { CONFIG_WAIT_MS } from '../src/core/zw-base.ts';
import type { ZwQueueStatus } from '../src/queue-status/queue-status.ts';

const text = (el: Node | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('a <zw-config> that is never defined', () => {
  it('holds the element only for a while, then it works from its own attributes and the page warns once', async function () {
    this.timeout(CONFIG_WAIT_MS + 15_000);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const root = await fixture(html`<zw-config hall="guangan-zwzx"><zw-queue-status hall="guangan-zwzx"></zw-queue-status></zw-config>`);
      const queue = root.querySelector<ZwQueueStatus>('zw-queue-status')!;
      expect(customElements.get('zw-config')).to.equal(undefined);
      await waitUntil(() => text(queue.shadowRoot?.querySelector('h2')) === '广安区政务服务中心', 'the hall, from its own attribute', {
        timeout: CONFIG_WAIT_MS + 10_000,
      });
      expect(warnings.filter((w) => w.includes("'zhengwu-widgets/config.js'"))).to.have.length(1);
      await expect(queue).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });
});
