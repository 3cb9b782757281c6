import { expect, nextFrame } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import { rgb } from './support/contrast.ts';
import { forcedColors, forcedTextPair, paintedBackdrop, systemColor } from './support/forced-colors.ts';
import { describe as named, shadowTexts, unseen } from './support/layout.ts';
import { fakeQueueNetwork, mountWidgets, openSearchList, restoreNetwork, settle, type Widgets } from './support/widget-page.ts';
import { contrast } from './support/contrast.ts';

// Windows high contrast (forced colours), as Chromium renders it: every colour is the system's, and behind text the
// browser paints a Canvas-coloured backplate wherever an element lets it adjust its colours. Text therefore has to be
// a system colour that reads on Canvas (or, where an element takes its colours into its own hands with
// `forced-color-adjust: none`, on its own system-colour background), and a state must show by shape or edge, since
// every button now has the same colours.

let w: Widgets;
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];

before(async function () {
  this.timeout(60_000);
  await setViewport({ width: 800, height: 900 });
  fakeQueueNetwork();
  w = await mountWidgets();
  // Switches on: elder mode from the page's 长辈版 toggle, 加大间距 in the toolbar; a colour preview chosen.
  $(w.toggle, 'button').click();
  [...$$<HTMLButtonElement>(w.toolbar, '#panel [role=switch]')][0].click();
  await forcedColors(true);
  await openSearchList(w);
  $<HTMLInputElement>(w.search, '#q').dispatchEvent(
    new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }),
  );
  await settle(w);
});
after(async () => {
  await forcedColors(false);
  w.page.parentElement!.remove();
  restoreNetwork();
  pagePrefsStore().reset();
});

/** How `el`'s text reads in forced colours, in words, or '' when it reads (4.5:1 at least, and not one colour twice). */
function unreadable(el: Element): string {
  const pair = forcedTextPair(el);
  const [a, b] = [pair.color.slice(0, 3).join(','), pair.behind.slice(0, 3).join(',')];
  return pair.ratio >= 4.5 && a !== b
    ? ''
    : `${named(el)}: rgb(${a}) on rgb(${b}) is ${pair.ratio.toFixed(2)}:1 (forced-color-adjust: ${pair.adjust})`;
}

/** The element whose style a text node takes: its parent, or the slot it is shown in. */
const styleOf = (t: Text) => (t.assignedSlot ?? t.parentElement)!;

describe('forced colours (Windows high contrast)', () => {
  it('is emulated: the page matches forced-colors, and a Canvas-coloured text on LinkText is Canvas on Canvas', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.be.true;
    const probe = document.createElement('b');
    probe.style.cssText = 'color: Canvas; background: LinkText';
    probe.textContent = '取号';
    document.body.append(probe);
    expect(unreadable(probe)).to.contain('1.00:1');
    probe.remove();
  });

  it('keeps the call, the buttons, the active search result and the switches that are on readable', () => {
    const texts: [Element, string][] = [
      [w.called, '.called .go'],
      [w.called, '.called p:not(.go)'],
      [w.take, '.mine button'],
      [w.take, '.take button'],
      [w.rating, '[type=submit]'],
      [w.search, '[role=option][aria-selected=true]'],
      [w.search, '[role=option][aria-selected=true] .meta'],
      [w.toggle, 'button[aria-checked=true]'],
      [w.toolbar, '#panel [role=switch][aria-checked=true]'],
      [w.queue, '[aria-pressed]'],
    ];
    const seen = texts.map(([host, sel]) => [sel, $(host, sel)?.textContent?.trim()] as const);
    expect(seen.filter(([, t]) => !t), 'every one of them is on the page').to.deep.equal([]);
    expect(texts.map(([host, sel]) => unreadable($(host, sel))).filter(Boolean)).to.deep.equal([]);
    // The 长辈版 label is slotted into the switch: it is what the resident reads.
    const label = shadowTexts(w.toggle).find((t) => t.textContent!.trim() === '长辈版')!;
    expect(unreadable(styleOf(label))).to.equal('');
  });

  it('keeps every text of every widget readable', () => {
    const problems = w.all.flatMap((host) =>
      shadowTexts(host)
        .filter((t) => !unseen(styleOf(t), host) && !styleOf(t).closest('[disabled], [aria-disabled=true]'))
        .map((t) => unreadable(styleOf(t))),
    );
    expect(problems.filter(Boolean)).to.deep.equal([]);
  });

  it('shows a switch that is on, a pressed button and the chosen colour preview by their edge, not colour alone', () => {
    const edge = (el: Element) => parseFloat(getComputedStyle(el).borderTopWidth);
    const on = $(w.toggle, 'button');
    expect(on.getAttribute('aria-checked')).to.equal('true');
    const [spacing, cursor] = $$(w.toolbar, '#panel [role=switch]');
    expect(spacing.getAttribute('aria-checked')).to.equal('true');
    expect(cursor.getAttribute('aria-checked')).to.equal('false');
    expect(edge(spacing)).to.be.greaterThan(edge(cursor));
    expect(edge(on)).to.be.greaterThan(edge(cursor));
    const pressed = $(w.queue, '[aria-pressed]');
    const plain = $(w.queue, 'button.plain:not([aria-pressed])');
    if (pressed.getAttribute('aria-pressed') !== 'true') pressed.click();
    return w.queue.updateComplete.then(() => {
      expect(edge($(w.queue, '[aria-pressed=true]'))).to.be.greaterThan(edge(plain));
    });
  });

  it('keeps the colour previews and their state ring: each radio ring shows on its preview, the chosen one is framed thicker', async () => {
    const choices = $$(w.toolbar, '.choice');
    expect(choices).to.have.length(4);
    for (const choice of choices) {
      const radio = choice.querySelector('input')!;
      const ring = rgb(getComputedStyle(radio).borderTopColor);
      const behind = paintedBackdrop(choice);
      expect(contrast(ring, behind), `${choice.textContent!.trim()}: ring against its preview`).to.be.at.least(3);
      expect(unreadable(choice), choice.textContent!.trim()).to.equal('');
    }
    const edge = (el: Element) => parseFloat(getComputedStyle(el).borderTopWidth);
    const chosen = choices.find((c) => c.querySelector('input')!.checked)!;
    for (const other of choices.filter((c) => c !== chosen)) expect(edge(chosen)).to.be.greaterThan(edge(other));
    // The dot of the chosen one is filled with the ring's colour.
    const dot = getComputedStyle(chosen.querySelector('input')!);
    expect(dot.backgroundColor).to.equal(dot.borderTopColor);
    // Choosing another preview moves the frame.
    choices[2].querySelector('input')!.click();
    await w.toolbar.updateComplete;
    await nextFrame();
    expect(edge(choices[2])).to.be.greaterThan(edge(chosen));
    pagePrefsStore().set({ contrast: 'none' });
  });

  it('paints focus in the system Highlight colour', () => {
    // The focus colour of every widget (a focus ring's presence depends on how the page got the focus).
    for (const el of w.all)
      expect(getComputedStyle(el).getPropertyValue('--_focus').trim(), el.localName).to.equal('Highlight');
    const input = $<HTMLInputElement>(w.search, '#q');
    input.focus();
    if (input.matches(':focus-visible'))
      expect(rgb(getComputedStyle(input).outlineColor).slice(0, 3)).to.deep.equal(systemColor('Highlight').slice(0, 3));
  });

  it('is accessible in forced colours', async () => {
    for (const el of w.all) await expect(el).to.be.accessible();
  });
});
