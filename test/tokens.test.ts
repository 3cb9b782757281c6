import { expect, fixture, html } from '@open-wc/testing';
import { css } from 'lit';
import { ZwBase } from '../src/core/zw-base.ts';
import { define } from '../src/core/define.ts';
import { tokenStyles } from '../src/core/tokens.ts';
import { contrast, rgb } from './support/contrast.ts';

/** A stand-in element that paints every token pair the families use for text. */
class ZwSwatch extends ZwBase {
  static override styles = [
    tokenStyles,
    css`
      :host { background: var(--_bg); }
      .muted { color: var(--_muted); }
      .primary { color: var(--_primary); }
      .on-primary { color: var(--_on-primary); background: var(--_primary); }
      .danger { color: var(--_danger); }
      .success { color: var(--_success); }
      .warning { color: var(--_warning); }
    `,
  ];
  override render() {
    return html`<p class="text">办事</p><p class="muted">更新于</p><p class="primary">链接</p>
      <p class="on-primary">提交</p><p class="danger">错误</p><p class="success">成功</p><p class="warning">提醒</p>`;
  }
}
define('zw-swatch', ZwSwatch);

function ratios(el: HTMLElement): Record<string, number> {
  const host = rgb(getComputedStyle(el).backgroundColor);
  const out: Record<string, number> = {};
  for (const p of el.shadowRoot!.querySelectorAll('p')) {
    const style = getComputedStyle(p);
    const bg = rgb(style.backgroundColor);
    out[p.className] = contrast(rgb(style.color), bg[3] > 0 ? bg : host);
  }
  return out;
}

describe('design tokens', () => {
  it('the light set keeps every text colour at 4.5:1 or more', async () => {
    const el = await fixture<ZwSwatch>(html`<zw-swatch></zw-swatch>`);
    for (const [pair, ratio] of Object.entries(ratios(el))) expect(ratio, pair).to.be.at.least(4.5);
  });

  it('theme="dark" switches to the dark set, also at 4.5:1 or more', async () => {
    const el = await fixture<ZwSwatch>(html`<zw-swatch theme="dark"></zw-swatch>`);
    const [r, g, b] = rgb(getComputedStyle(el).backgroundColor);
    expect(r + g + b).to.be.below(150);
    for (const [pair, ratio] of Object.entries(ratios(el))) expect(ratio, pair).to.be.at.least(4.5);
  });

  it('a host page can rebrand through --zw-* custom properties', async () => {
    const wrapper = await fixture(html`<div style="--zw-color-primary: rgb(184, 20, 27)"><zw-swatch></zw-swatch></div>`);
    const el = wrapper.querySelector('zw-swatch') as ZwSwatch;
    await el.updateComplete;
    expect(getComputedStyle(el.shadowRoot!.querySelector('.primary')!).color).to.equal('rgb(184, 20, 27)');
  });
});
