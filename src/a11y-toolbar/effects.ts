import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { DEFAULT_PREFS, type A11yPrefs } from '../core/prefs/prefs.js';
import type { Locale } from '../core/i18n.js';
import type { A11yStrings } from './strings.js';
import { sentences } from './read-walk.js';
import { pickVoice, reader } from './speech.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/** Connected effect owners; the first one draws. Toolbars go to the front, so a toggle draws only without one. */
const owners: PageEffects[] = [];

/** What 指读 reads as one piece: the nearest of these around the pointer or focus. */
const UNIT = 'a,button,label,summary,legend,h1,h2,h3,h4,h5,h6,p,li,dt,dd,th,td,img,input,select,textarea,[role=button],[role=link],[role=switch]';

function unitOf(start: Element): Element | undefined {
  let el: Element | null = start;
  for (let depth = 0; el && depth < 6; depth++) {
    if (el.matches(UNIT)) return el;
    el = el.parentElement ?? (el.parentNode as ShadowRoot | null)?.host ?? null;
  }
  return [...start.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()) ? start : undefined;
}

/** Roughly the words a resident sees for `el`: its label, its text, a field's placeholder or a picture's alt. */
function textOf(el: Element): string {
  const field = el as HTMLInputElement & HTMLImageElement;
  return el.ariaLabel || field.labels?.[0]?.innerText || field.innerText || field.placeholder || field.alt || '';
}

/** A 48 px arrow as an SVG data URL (`fill` percent-encoded) with its hot spot at the tip. */
const arrow = (fill: string) =>
  `url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='48' height='48' viewBox='0 0 24 24'%3E%3Cpath d='M3 2v17l4.5-4.2 3 6.7 3-1.3-2.9-6.6H17z' fill='${fill}' stroke='%23fff' stroke-width='1.5'/%3E%3C/svg%3E") 6 4`;

const on = 'html[data-zw-large-cursor]';
/**
 * The large cursor for the whole page, inert until the store sets `data-zw-large-cursor` on `<html>`: a black
 * arrow, and a blue one over links and controls (zw elements pick up `--zw-large-hand` through the tokens). A page
 * whose Content-Security-Policy blocks `img-src data:` sets `--zw-cursor` and `--zw-cursor-pointer` to images it
 * hosts itself (e.g. `url(/img/arrow.svg) 6 4`); a blocked image falls back to the keyword after it, so the cursor
 * then stays at its normal size rather than vanishing. One constructed style sheet: the host's markup is untouched.
 */
const CURSOR_CSS =
  `${on}{--zw-large-arrow:${arrow('%23000')};--zw-large-hand:${arrow('%231552ad')}}` +
  `${on},${on} *{cursor:var(--zw-cursor,var(--zw-large-arrow)),auto}` +
  `${on} :is(a[href],button,label,select,summary,[role=button],[role=link],[role=switch],[type=checkbox],[type=radio]){cursor:var(--zw-cursor-pointer,var(--zw-large-hand)),pointer}` +
  `${on} :is(textarea,input:not([type=checkbox],[type=radio],[type=button],[type=submit])){cursor:text}`;

let cursorSheet: CSSStyleSheet | undefined;
function adoptCursorSheet(): void {
  if (cursorSheet || !('adoptedStyleSheets' in document)) return;
  cursorSheet = new CSSStyleSheet();
  cursorSheet.replaceSync(CURSOR_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, cursorSheet];
}

/**
 * The page-wide side of the preferences, drawn by one element per page: the crosshair that follows pointer and
 * focus, 指读 (speak what is pointed at or focused), the caption strip (大字幕) with pause and stop while reading,
 * and the large cursor outside the widgets. It never changes the host's markup: the crosshair and captions live
 * in the owner's shadow root, the cursor is one constructed style sheet.
 */
export class PageEffects implements ReactiveController {
  #prefs: A11yPrefs = DEFAULT_PREFS;
  #locale: Locale = 'zh-CN';
  #abort?: AbortController;
  #unsubscribe?: () => void;
  #last?: Element;
  #x = -99;
  #y = -99;
  #frame = 0;

  constructor(
    private readonly host: Host,
    private readonly leading: boolean,
    private readonly afterStop: () => void,
  ) {
    host.addController(this);
  }

  get active(): boolean {
    return owners[0] === this;
  }

  hostConnected(): void {
    if (this.leading) owners.unshift(this);
    else owners.push(this);
    owners.forEach((o) => o.host.requestUpdate());
    adoptCursorSheet();
    const signal = (this.#abort = new AbortController()).signal;
    this.#unsubscribe = reader.subscribe(() => this.host.requestUpdate());
    document.addEventListener('pointermove', (e) => this.#guide(e.clientX, e.clientY), { passive: true, signal });
    document.addEventListener('pointerover', (e) => this.#point(e.composedPath()[0]), { passive: true, signal });
    document.addEventListener(
      'focusin',
      (e) => {
        const el = e.composedPath()[0];
        if (!(el instanceof Element)) return;
        const r = el.getBoundingClientRect();
        this.#guide(r.left - 6, r.bottom + 6);
        this.#point(el);
      },
      { signal },
    );
  }

  hostDisconnected(): void {
    owners.splice(owners.indexOf(this) >>> 0, 1); // not found (-1) becomes past the end: nothing removed
    owners[0]?.host.requestUpdate();
    this.#abort?.abort();
    this.#unsubscribe?.();
    if (!owners.length) reader.stop();
  }

  /** Call from the host's `willUpdate` with the preferences it follows. */
  sync(prefs: A11yPrefs, locale: Locale): void {
    this.#prefs = prefs;
    this.#locale = locale;
  }

  hostUpdated(): void {
    this.#place();
  }

  #guide(x: number, y: number): void {
    this.#x = x;
    this.#y = y;
    if (!this.active || !this.#prefs.readingGuide || this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#place();
    });
  }

  /** Moves the crosshair lines by transform only (no layout), through the CSSOM (allowed by a strict CSP). */
  #place(): void {
    const lines = this.host.renderRoot.querySelectorAll<HTMLElement>('.guide i');
    if (lines.length < 2) return;
    lines[0].style.transform = `translateY(${this.#y}px)`;
    lines[1].style.transform = `translateX(${this.#x}px)`;
  }

  #point(target: EventTarget | undefined): void {
    if (!this.active || !this.#prefs.speakOnPoint || reader.continuous || !(target instanceof Element)) return;
    const unit = unitOf(target);
    if (!unit || unit === this.#last) return;
    this.#last = unit;
    const voice = pickVoice(this.#locale);
    const items = sentences(textOf(unit)).map((text) => ({ text }));
    if (voice && items.length) reader.read(items, voice, false);
  }

  /** The crosshair and the caption strip (with pause and stop while reading the page), drawn by the owner only. */
  render(s: A11yStrings) {
    if (!this.active) return nothing;
    const paused = reader.state === 'paused';
    return html`${this.#prefs.readingGuide ? html`<div class="guide" aria-hidden="true"><i></i><i></i></div>` : nothing}
    ${reader.caption
      ? html`<div class="caption" part="caption">
          <p>${reader.caption}</p>
          ${reader.continuous
            ? html`<button @click=${() => (paused ? reader.resume() : reader.pause())}>${paused ? s.resume : s.pause}</button>
                <button
                  @click=${() => {
                    reader.stop();
                    this.afterStop();
                  }}
                >
                  ${s.stop}
                </button>`
            : nothing}
        </div>`
      : nothing}`;
  }
}
