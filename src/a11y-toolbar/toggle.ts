import { css, html, nothing, type PropertyValues } from 'lit';
import { ZwBase } from '../core/zw-base.js';
import { tokenStyles } from '../core/tokens.js';
import { storeFor } from '../core/prefs/store.js';
import type { A11yPrefs, ContrastScheme } from '../core/prefs/prefs.js';
import { a11yStrings } from './strings.js';
import { controlStyles } from './styles.js';
import { PageEffects } from './effects.js';
import { pickVoice, watchVoices } from './speech.js';
import { changeEvent, MODE_KEYS, type ToggleMode } from './modes.js';

/**
 * One accessibility preference as a switch to place anywhere, e.g. a “长辈版” link in a portal's header.
 *
 * @summary A switch for one page preference: elder mode, high contrast, spacing, cursor, crosshair, motion or 指读.
 * @tag zw-a11y-toggle
 *
 * @attr {'elder' | 'contrast' | 'spacing' | 'cursor' | 'guide' | 'motion' | 'speech'} mode - `elder` (default),
 *   `contrast`, `spacing`, `cursor`, `guide`, `motion` or `speech` (指读).
 * @attr {'black-on-white' | 'yellow-on-black' | 'white-on-blue'} scheme - For `mode="contrast"`: the scheme
 *   switched on, `black-on-white` (default), `yellow-on-black` or `white-on-blue`.
 * @attr name - Form field name; inside a `<form>` the toggle submits `value` while the preference is on.
 * @attr value - Submitted value while on (default `on`).
 * @attr disabled - Shows the switch but does not let it change.
 * @attr lang - Language of the default label (`zh-CN` default, `en`).
 *
 * @fires zw-a11y-change - The resident flipped the switch (never when code changes a preference). `detail`:
 *   `{ key, prefs }`, the preference changed and all preferences after the change.
 *
 * @slot - The visible label; defaults to the mode's usual name (长辈模式, 高对比度, 加大间距, 大鼠标, 十字线, 减少动画, 指读).
 * @csspart control - The switch button.
 * @csspart caption - The caption strip shown while reading aloud (only when no toolbar is on the page).
 */
export class ZwA11yToggle extends ZwBase {
  static override tables = [a11yStrings];
  static formAssociated = true;

  static override styles = [tokenStyles, controlStyles, css`:host{display:inline-block}`];

  static override properties = {
    mode: { reflect: true },
    scheme: {},
    name: {},
    value: {},
    disabled: { type: Boolean, reflect: true },
  };

  mode: ToggleMode = 'elder';
  scheme: Exclude<ContrastScheme, 'none'> = 'black-on-white';
  name = '';
  value = 'on';
  disabled = false;
  #formDisabled = false;

  readonly #internals = this.attachInternals?.();
  readonly #effects = new PageEffects(this, false, () => this.renderRoot.querySelector('button')?.focus());

  get #key(): keyof A11yPrefs {
    return this.mode === 'contrast' ? 'contrast' : (MODE_KEYS[this.mode] ?? 'elder');
  }

  /** Whether the preference is on right now. */
  get checked(): boolean {
    const v = this.prefs[this.#key];
    return v !== false && v !== 'none';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.mode === 'speech') watchVoices(() => this.requestUpdate(), this.signal);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#effects.sync(this.prefs, this.locale);
    this.#internals?.setFormValue?.(this.checked ? this.value : null);
  }

  /** The preference belongs to the page, not to the form: a form reset leaves it and reports it again. */
  formResetCallback(): void {
    this.requestUpdate();
  }

  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    this.requestUpdate();
  }

  #flip(): void {
    const key = this.#key;
    const on = !this.checked;
    const store = storeFor(this);
    store.set({ [key]: key === 'contrast' ? (on ? this.scheme : 'none') : on });
    this.dispatchEvent(changeEvent(key, store.value));
  }

  protected override render() {
    const s = this.strings(a11yStrings);
    // The voices and the page-wide effects are the browser's (see attributesOnly).
    const mute = this.mode === 'speech' && (this.attributesOnly || !pickVoice(this.locale));
    return html`<button
        part="control"
        role="switch"
        aria-checked=${this.checked}
        aria-describedby=${mute ? 'nv' : nothing}
        ?disabled=${this.disabled || this.#formDisabled || mute}
        @click=${this.#flip}
      >
        <slot>${s[this.mode] ?? s.elder}</slot></button
      >${mute ? html`<span id="nv" class="note">${s.noVoice}</span>` : nothing}${
        this.attributesOnly ? nothing : this.#effects.render(s)
      }`;
  }
}
