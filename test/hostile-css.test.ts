import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import { describe as named, layoutProblems, shadowElements, shadowTexts, unseen } from './support/layout.ts';
import { fakeQueueNetwork, mountWidgets, openSearchList, restoreNetwork, settle, type Widgets } from './support/widget-page.ts';

// A portal whose stylesheet was written for its own pages only: a universal rule that shrinks every element's text and
// line height and changes the box model, and a rule for every button. `*` matches each widget's host element (page
// rules beat the widget's own `:host` rules), but reaches nothing inside its shadow root: the widgets' text must keep
// their own sizes, lines and boxes, and their buttons their own look.

const HOSTILE = `
  * { font-size: 12px; box-sizing: content-box; line-height: 1; }
  button { font: 30px serif; background: red; }
  body { margin: 0; }
`;

let w: Widgets;
const style = document.createElement('style');

before(async function () {
  this.timeout(60_000);
  style.textContent = HOSTILE;
  document.head.append(style);
  await setViewport({ width: 800, height: 900 });
  fakeQueueNetwork();
  w = await mountWidgets();
  await openSearchList(w);
});
after(async () => {
  w.page.parentElement!.remove();
  style.remove();
  restoreNetwork();
  pagePrefsStore().reset();
  await setViewport({ width: 800, height: 600 });
});

/** The element whose style a text node takes: its parent, or the slot it is shown in. */
const styleOf = (t: Text) => (t.assignedSlot ?? t.parentElement)!;

/** Every shown text below `min` px, or set solid (the page's `line-height: 1`), in words. */
function small(min: number): string[] {
  return w.all.flatMap((host) =>
    shadowTexts(host)
      .filter((t) => !unseen(styleOf(t), host))
      .flatMap((t) => {
        const s = getComputedStyle(styleOf(t));
        const [size, line] = [parseFloat(s.fontSize), parseFloat(s.lineHeight)];
        const what = `${named(styleOf(t))} “${t.textContent!.trim().slice(0, 12)}”`;
        return [
          size < min ? `${what} is ${size} px` : '',
          line / size < 1.2 ? `${what} has lines of ${(line / size).toFixed(2)}` : '',
        ].filter(Boolean);
      }),
  );
}

describe('widgets on a page with `* { font-size: 12px; box-sizing: content-box; line-height: 1 }`', () => {
  it('the page rule reaches the host elements, and no further', () => {
    for (const host of w.all) expect(getComputedStyle(host).fontSize, host.localName).to.equal('12px');
  });

  it('renders every text at 16 px or more, in its own line height', async () => {
    await settle(w);
    expect(small(16)).to.deep.equal([]);
  });

  it('renders every text at 24 px or more in elder mode', async () => {
    pagePrefsStore().set({ elder: true });
    await settle(w);
    try {
      expect(small(24)).to.deep.equal([]);
    } finally {
      pagePrefsStore().set({ elder: false });
      await settle(w);
    }
  });

  it('keeps its own box model, and nothing sticks out', async () => {
    await settle(w);
    const content = w.all.flatMap((host) =>
      shadowElements(host)
        .filter((el) => getComputedStyle(el).boxSizing !== 'border-box')
        .map((el) => named(el)),
    );
    expect(content).to.deep.equal([]);
    expect(w.all.flatMap((host) => layoutProblems(host))).to.deep.equal([]);
  });

  it('keeps its buttons’ own look: not the page’s red, serif, 30 px buttons', () => {
    const buttons = w.all.flatMap((host) => shadowElements(host).filter((el) => el.localName === 'button'));
    expect(buttons.length).to.be.greaterThan(10);
    for (const b of buttons) {
      const s = getComputedStyle(b);
      expect(s.backgroundColor, named(b)).not.to.equal('rgb(255, 0, 0)');
      expect(s.fontFamily, named(b)).not.to.equal('serif');
      expect(parseFloat(s.fontSize), named(b)).to.be.within(16, 25);
    }
  });

  it('is accessible on such a page', async () => {
    for (const el of w.all) await expect(el).to.be.accessible();
  });
});
