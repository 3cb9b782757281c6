import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import type { ZwRating } from '../src/rating/rating.ts';

/** A portal that loads the library twice (two script tags, two bundles, two copies of Lit) keeps working. */
describe('loaded twice on one page', () => {
  it('the second copy registers nothing twice, throws nothing and shares the preference store', async function () {
    this.timeout(30_000);
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    const firstRating = customElements.get('zw-rating');
    try {
      // A URL the test runner cannot resolve statically: the second bundle is built and served on request.
      const url = '/__second-copy.js';
      const second = (await import(/* @vite-ignore */ url)) as { pagePrefsStore: typeof pagePrefsStore };
      expect(second.pagePrefsStore, 'a separate copy of the code').not.to.equal(pagePrefsStore);
      expect(customElements.get('zw-rating')).to.equal(firstRating);
      // Both copies talk to the one store: a change made through the second reaches elements of the first.
      expect(second.pagePrefsStore()).to.equal(pagePrefsStore());
      const el = await fixture<ZwRating>(html`<zw-rating case="TWICE-${Date.now()}" channel="pc"></zw-rating>`);
      second.pagePrefsStore().set({ elder: true });
      await waitUntil(() => el.hasAttribute('data-zw-elder'), 'the element follows elder mode set by the second copy');
      expect(document.documentElement.hasAttribute('data-zw-elder')).to.be.true;
      expect(errors).to.deep.equal([]);
    } finally {
      pagePrefsStore().reset();
      window.removeEventListener('error', onError);
    }
  });
});
