import { css, html, nothing, type PropertyValues } from 'lit';
import { ZwBase } from '../core/zw-base.js';
import { tokenStyles } from '../core/tokens.js';
import { effectiveScale, FONT_SCALES, storeFor } from '../core/prefs/store.js';
import type { A11yPrefs, ContrastScheme } from '../core/prefs/prefs.js';
import { a11yStrings, type A11yStrings } from './strings.js';
import { controlStyles } from './styles.js';
import { PageEffects } from './effects.js';
import { pickVoice, reader, watchVoices } from './speech.js';
import { collectSentences } from './read-walk.js';
import { changeEvent, MODE_KEYS, type ToggleMode, type ZwA11yChangeDetail } from './modes.js';

const SCHEMES: readonly ContrastScheme[] = ['none', 'black-on-white', 'yellow-on-black', 'white-on-blue'];

/** The focused element, looking into open shadow roots. */
function deepActive(): HTMLElement | undefined {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement ? el : undefined;
}

/**
 * The page's accessibility preferences in one place: a prominent one-click 长辈模式, and behind the 无障碍 button
 * text size (five steps, 100–200%), three high-contrast colour schemes, wider text spacing, a large cursor, a
 * crosshair, reduced motion, read-aloud (指读 and 连读 with a caption strip) and reset. Preferences persist and
 * every zw element and the host page follow them; nothing in the host's markup is changed.
 *
 * Keyboard: Alt+Shift+A opens the panel from anywhere and moves focus into it; Esc closes it and returns focus.
 *
 * @summary Elder mode and accessibility preferences that every widget and the host page follow.
 * @tag zw-a11y-toolbar
 *
 * @attr open - Whether the preference panel is shown.
 * @attr read-target - CSS selector of what 连读 reads; default the page's `main` or `[role=main]`, else `body`.
 * @attr lang - Language of the toolbar (`zh-CN` default, `en`); speech uses a voice for the same language.
 *
 * @fires zw-a11y-change - The resident changed a preference here (never when code changes one). `detail`:
 *   `{ key, prefs }`, the preference changed (or `reset`) and all preferences after the change.
 *
 * @csspart base - The always-visible bar with the elder-mode switch and the 无障碍 button.
 * @csspart elder - The 长辈模式 switch in the bar (a page with its own elder toggle may hide it).
 * @csspart panel - The preference panel.
 * @csspart caption - The caption strip (大字幕) shown while reading aloud.
 */
export class ZwA11yToolbar extends ZwBase {
  static override tables = [a11yStrings];
  static override styles = [
    tokenStyles,
    controlStyles,
    // prettier-ignore
    css`
.bar,.row{display:flex;flex-wrap:wrap;align-items:center;gap:var(--_gap)}
.bar [role=switch]{font-size:var(--_fs-large);font-weight:700}
.panel{display:grid;gap:var(--_gap);max-width:min(48em,100vw);margin-top:var(--_gap);padding:var(--_gap);background:var(--_bg);border:2px solid var(--_border);border-radius:var(--_radius);translate:var(--_nudge,0)}
.panel.float{max-height:100dvh;overflow-y:auto;overscroll-behavior:contain}
.panel[hidden]{display:none}
fieldset{min-width:0;margin:0;padding:0;border:0}
.label{flex-basis:100%;padding:0;font-size:var(--_fs-large);font-weight:700}
output{min-width:4em;text-align:center;font-weight:700}
.choice input{appearance:none;font:inherit;color:inherit;flex:none;width:.9em;height:.9em;margin:0;border:2px solid;border-radius:50%;forced-color-adjust:none}
.choice :checked{background:currentColor}
.open::after{content:'';width:.4em;height:.4em;border:solid;border-width:0 2px 2px 0;transform:translateY(-.15em) rotate(45deg)}
.open[aria-expanded=true]::after{transform:translateY(.1em) rotate(-135deg)}
.choice:has(:focus-visible){outline:3px solid var(--_focus);outline-offset:2px}
.choice:has(:checked){border-width:4px;padding:calc(.25em - 2px) calc(.75em - 2px)}
.black-on-white{color:#000;background:#fff}
.yellow-on-black{color:#ff0;background:#000}
.white-on-blue{color:#fff;background:#002060}
@media (forced-colors:active){.choice{forced-color-adjust:none;border-color:CanvasText}.none{color:CanvasText;background:Canvas}}
`,
  ];

  // Static declarations rather than decorators: the family ships no decorator code (see decision 033).
  static override properties = { open: { type: Boolean, reflect: true }, readTarget: { attribute: 'read-target' } };

  /** Whether the preference panel is shown. */
  open = false;

  /** CSS selector of the content 连读 reads. */
  readTarget = '';

  #returnTo?: HTMLElement;
  readonly #effects = new PageEffects(this, true, () => this.#focus(this.open ? '.read' : '.open'));

  override connectedCallback(): void {
    super.connectedCallback();
    const { signal } = this;
    watchVoices(() => this.requestUpdate(), signal);
    document.addEventListener('keydown', (e) => this.#key(e), { signal });
    // A panel that the page shows over its content stays on the screen, and gets out of the way once the resident
    // moves on (it would otherwise hide what they moved to: WCAG 2.4.11). A panel in the page flow does neither.
    addEventListener('resize', () => this.#place(), { signal });
    this.addEventListener('focusout', (e) => this.#leave(e.relatedTarget), { signal });
    document.addEventListener('pointerdown', (e) => e.composedPath().includes(this) || this.#leave(e.target), { signal });
  }

  protected override updated(): void {
    this.#place();
  }

  get #panel(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('#panel');
  }

  /** The page floats the panel over its content (through `::part(panel)`) instead of leaving it in the flow. */
  #floating(): boolean {
    const panel = this.#panel;
    return !!panel && /absolute|fixed/.test(getComputedStyle(panel).position);
  }

  /** Keeps a floating panel within the screen's width (moved sideways by as much as it sticks out), and scrollable. */
  #place(): void {
    const panel = this.#panel;
    if (!panel || !this.open) return;
    const floating = this.#floating();
    panel.classList.toggle('float', floating);
    panel.style.setProperty('--_nudge', '0px');
    if (!floating) return;
    const { left, right } = panel.getBoundingClientRect();
    const screen = document.documentElement.clientWidth;
    const shift = left < 0 ? -left : right > screen ? Math.max(screen - right, -left) : 0;
    panel.style.setProperty('--_nudge', `${shift}px`);
  }

  /** Focus or a press went to `to`: a floating panel closes when that is outside the toolbar (not another window). */
  #leave(to: EventTarget | null): void {
    if (!this.open || !(to instanceof Node) || this.contains(to) || this.renderRoot.contains(to)) return;
    if (this.#floating()) this.open = false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#effects.sync(this.prefs, this.locale);
  }

  /** Opens the panel; `focusPanel` moves focus to its first control (as the keyboard shortcut does). */
  async show(focusPanel = false): Promise<void> {
    if (!this.open) this.#returnTo = deepActive();
    this.open = true;
    await this.updateComplete;
    if (focusPanel) this.#focus('#panel button');
  }

  /** Closes the panel and returns focus to where it was before the panel opened. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    if (this.#returnTo?.isConnected) this.#returnTo.focus();
    else this.#focus('.open');
  }

  #focus(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #key(e: KeyboardEvent): void {
    if (e.altKey && e.shiftKey && e.code === 'KeyA' && this.#effects.active) {
      e.preventDefault();
      void this.show(true);
    } else if (e.key === 'Escape' && this.open && e.composedPath().includes(this)) {
      e.preventDefault();
      this.close();
    }
  }

  #change(patch: Partial<A11yPrefs> | undefined, key: ZwA11yChangeDetail['key']): void {
    const store = storeFor(this);
    if (patch) store.set(patch);
    else store.reset();
    this.dispatchEvent(changeEvent(key, store.value));
  }

  /** 连读: reads the main content from the top, or stops reading. */
  #readAll(): void {
    const voice = pickVoice(this.locale);
    if (!voice) return;
    if (reader.continuous) return reader.stop();
    let root: Element | null = null;
    try {
      root = this.readTarget ? document.querySelector(this.readTarget) : null;
    } catch {
      /* not a valid selector: read the main content instead */
    }
    root ??= document.querySelector('main,[role=main]') ?? document.body;
    const items = collectSentences(root, (el) => el.localName.startsWith('zw-a11y-'));
    reader.read(items.length ? items : [{ text: this.strings(a11yStrings).nothing }], voice, items.length > 0);
  }

  /** A switch for one on/off preference; `mute` disables it (speech without a voice, described by #nv). */
  #switch(mode: ToggleMode, s: A11yStrings, mute = false) {
    const key = MODE_KEYS[mode]!;
    const on = this.prefs[key];
    return html`<button
      role="switch"
      part=${mode === 'elder' ? 'elder' : nothing}
      aria-checked=${on}
      ?disabled=${mute}
      aria-describedby=${mute ? 'nv' : nothing}
      @click=${() => this.#change({ [key]: !on }, key)}
    >
      ${s[mode]}
    </button>`;
  }

  /** 缩小/放大: one step of FONT_SCALES; at either end it stays focusable but does nothing (aria-disabled). */
  #size(label: string, by: 1 | -1, end: boolean) {
    const to = FONT_SCALES[FONT_SCALES.indexOf(effectiveScale(this.prefs) as 1) + by];
    return html`<button aria-disabled=${end} @click=${() => end || this.#change({ fontScale: to }, 'fontScale')}>
      ${label}
    </button>`;
  }

  protected override render() {
    const s = this.strings(a11yStrings);
    const p = this.prefs;
    const scale = effectiveScale(p);
    // The voices and the page-wide effects are the browser's (see attributesOnly).
    const voice = this.attributesOnly ? undefined : pickVoice(this.locale);
    return html`<div class="bar" part="base">
        ${this.#switch('elder', s)}
        <button
          class="open"
          aria-expanded=${this.open}
          aria-controls="panel"
          aria-keyshortcuts="Alt+Shift+A"
          @click=${() => (this.open ? this.close() : this.show())}
        >
          ${s.open}
        </button>
      </div>
      <div id="panel" class="panel" part="panel" ?hidden=${!this.open}>
        <div class="row" role="group" aria-labelledby="size">
          <span id="size" class="label">${s.size}</span>
          ${this.#size(s.smaller, -1, scale <= (p.elder ? 1.5 : 1))}
          <output>${scale * 100}%</output>
          ${this.#size(s.larger, 1, scale >= 2)}
        </div>
        <fieldset class="row">
          <legend class="label">${s.colours}</legend>
          ${SCHEMES.map(
            (c) =>
              html`<label class="choice ${c}"
                ><input
                  type="radio"
                  name="contrast"
                  .checked=${p.contrast === c}
                  @change=${() => this.#change({ contrast: c }, 'contrast')}
                />${s[c]}</label
              >`,
          )}
        </fieldset>
        <div class="row">${(['spacing', 'cursor', 'guide', 'motion'] as const).map((m) => this.#switch(m, s))}</div>
        <div class="row">
          ${this.#switch('speech', s, !voice)}
          <button class="read" ?disabled=${!voice} aria-describedby=${voice ? nothing : 'nv'} @click=${this.#readAll}>
            ${reader.continuous ? s.stop : s.readAll}
          </button>
          ${voice ? nothing : html`<p id="nv" class="note">${s.noVoice}</p>`}
        </div>
        <div class="row">
          <button
            @click=${() => {
              reader.stop();
              this.#change(undefined, 'reset');
            }}
          >
            ${s.reset}
          </button>
          <button @click=${this.close}>${s.close}</button>
        </div>
        <p class="note">${s.hint}</p>
      </div>
      ${this.attributesOnly ? nothing : this.#effects.render(s)}`;
  }
}
