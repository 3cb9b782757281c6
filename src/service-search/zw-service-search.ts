import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { Lazy } from '../core/lazy.js';
import { ZwElement } from '../core/zw-element.js';
import { tokenStyles, visuallyHidden } from '../core/tokens.js';
import { coreStrings, describeError } from '../core/strings.js';
import type { ServiceDetail, ServiceSummary } from '../core/api/types.gen.js';
import {
  clientMode,
  ServerSource,
  type Filters,
  type Found,
  type Hit,
  type ServiceSource,
  type Span,
} from './service-source.js';
import { searchStrings, type SearchStrings } from './strings.js';
import { searchStyles } from './styles.js';

/** The chosen item's guide, fetched with the first choice (see guide-card.ts). */
const guide = new Lazy(() => import('./guide-card.js'));

/** One row of the listbox: an item, or the "show more" row. */
type Choice = Hit | 'more';

/**
 * 办事事项搜索: a combobox with a listbox (WAI-ARIA APG) over a district's service catalogue. Residents find items by
 * Chinese words, characters in order (社保卡 → 社会保障卡), pinyin with or without spaces, initials (sbk), mixed input
 * (社保k), traditional characters, a pinyin slip, or everyday words (狗证, 砍树, 社保卡丢了). Choosing one shows what
 * they need to know before leaving home: visits (零跑动, 最多跑一次), time limits, fee, an online link, and — behind a
 * disclosure — the materials and where and when to go.
 *
 * Client mode downloads the compact catalogue once, revalidates it by ETag and keeps it in Cache Storage, so the
 * search answers at every keystroke and works offline; server mode asks `GET /services/search` page by page.
 * `mode="auto"` (default) picks client mode up to `client-max` items.
 *
 * While an input method is composing, nothing is searched and Enter does not choose.
 *
 * @summary Find a government service item by Chinese, pinyin, initials or everyday words.
 * @tag zw-service-search
 *
 * @attr mode - `auto` (default), `client` or `server`.
 * @attr client-max - Largest catalogue searched in the page in auto mode (default 20000 items).
 * @attr value - The search text.
 * @attr dept - Only items of this department (实施主体), by name.
 * @attr type - Only items of this type code (事项类型), e.g. `1` 行政许可, `20` 公共服务.
 * @attr fully-online - Only items handled entirely online (全程网办).
 * @attr no-visit - Only items that need no visit (零跑动).
 * @attr cross-region - Only items that can be handled in other regions (跨域通办); client mode only, as the search
 *   API filters by one scope at a time.
 * @attr instant - Only items settled on the spot (即办件).
 * @attr href-template - Link for handling an item online, `{code}` replaced by its code, e.g. `/bs/{code}`;
 *   without it, the item's own `onlineUrl`.
 * @attr page-size - Results shown at first and added by "show more" (default 20).
 * @attr api-base - Base URL of the API.
 * @attr lang - `zh-CN` (default) or `en`.
 *
 * @fires zw-select - The resident chose an item; `detail: { item }` (a ServiceSummary).
 *
 * @csspart base - The element's content.
 * @csspart control - The search input.
 * @csspart listbox - The results.
 * @csspart details - The chosen item's guide.
 * @cssproperty --zw-color-primary - The active result and links.
 */
export class ZwServiceSearch extends ZwElement {
  static override tables = [coreStrings, searchStrings];
  static override styles = [tokenStyles, visuallyHidden, searchStyles];

  // Declared without decorators, which would add their code to the element's download.
  static override properties: PropertyDeclarations = {
    mode: {},
    clientMax: { type: Number, attribute: 'client-max' },
    value: {},
    dept: {},
    type: { type: Number },
    fullyOnline: { type: Boolean, attribute: 'fully-online' },
    noVisit: { type: Boolean, attribute: 'no-visit' },
    crossRegion: { type: Boolean, attribute: 'cross-region' },
    instant: { type: Boolean },
    hrefTemplate: { attribute: 'href-template' },
    pageSize: { type: Number, attribute: 'page-size' },
    source: { state: true },
    failure: { state: true },
    found: { state: true },
    expanded: { state: true },
    active: { state: true },
    limit: { state: true },
    said: { state: true },
    chosen: { state: true },
    detail: { state: true },
    filtersOpen: { state: true },
  };

  mode: 'auto' | 'client' | 'server' = 'auto';
  clientMax = 20000;
  value = '';
  dept?: string;
  type?: number;
  fullyOnline = false;
  noVisit = false;
  crossRegion = false;
  instant = false;
  hrefTemplate?: string;
  pageSize = 20;

  private source?: ServiceSource;
  private failure?: string;
  private found?: Found;
  /** The text `found` answers. */
  private foundFor?: string;
  private expanded = false;
  private active = -1;
  private limit = 20;
  private said = '';
  private chosen?: ServiceSummary;
  private detail?: ServiceDetail | string;
  private filtersOpen = false;

  private composing = false;
  /** The chosen item's guide is to be brought into view under the box once it is on the page. */
  private reveal = false;
  private asked = 0;
  private timer?: ReturnType<typeof setTimeout>;

  // Once the settings of an enclosing <zw-config> are known, so the first request goes to its API base.
  protected override configuredCallback(): void {
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  protected override updated(changed: Map<string, unknown>): void {
    const filters = ['dept', 'type', 'fullyOnline', 'noVisit', 'crossRegion', 'instant'];
    if (this.source && filters.some((f) => changed.has(f))) void this.search();
    if (changed.has('active') && this.active >= 0)
      this.renderRoot.querySelector(`#o${this.active}`)?.scrollIntoView({ block: 'nearest' });
    // The focus stays in the box (the combobox pattern): the guide comes into view under it, the box staying in view.
    const card = this.reveal && this.renderRoot.querySelector('[part=details]');
    if (card) {
      this.reveal = false;
      card.scrollIntoView({ block: 'nearest' });
      this.renderRoot.querySelector('#q')!.scrollIntoView({ block: 'nearest' });
    }
  }

  /** Finds where results come from, then keeps the catalogue current (client mode). */
  private async load(): Promise<void> {
    const { api, signal } = this;
    this.failure = undefined;
    this.limit = this.pageSize;
    try {
      const client = this.mode === 'server' ? undefined : await clientMode.load();
      if (!client || (this.mode === 'auto' && (await client.chooseMode(api, this.clientMax, signal)) === 'server'))
        this.use(new ServerSource(api));
      else for await (const source of client.catalogues(api, signal)) this.use(source);
    } catch (error) {
      if (!signal.aborted) this.failure = describeError(error, this.strings(coreStrings));
    }
  }

  private use(source: ServiceSource): void {
    this.source = source;
    void this.search();
  }

  private get filters(): Filters {
    const { dept, type, fullyOnline, noVisit, crossRegion, instant } = this;
    return {
      dept: dept || undefined,
      type: Number.isInteger(type) ? type : undefined,
      fullyOnline,
      noVisit,
      crossRegion,
      instant,
    };
  }

  /** Runs the search for the current text and filters; a later search wins over a slower earlier one. */
  private async search(): Promise<void> {
    const { source } = this;
    if (!source) return;
    const ask = ++this.asked;
    const q = this.value;
    try {
      // A request per keystroke would be wasted: ask the server once typing pauses.
      if (source.remote) await new Promise((resolve) => setTimeout(resolve, 200));
      if (ask !== this.asked) return;
      const found = await source.find(q, this.filters, this.limit, this.signal);
      if (ask !== this.asked) return;
      this.found = found;
      this.foundFor = q;
      this.failure = undefined;
      // Announced once typing pauses, so a screen reader is not interrupted at every keystroke. Nothing found: also
      // where to ask.
      clearTimeout(this.timer);
      const s = this.strings(searchStrings);
      const said = !q.trim()
        ? ''
        : found.total
          ? `${found.corrected ? `${s.corrected(found.corrected)} ` : ''}${s.found(found.total)}`
          : `${s.none(q.trim())} ${s.help}`;
      this.timer = setTimeout(() => (this.said = said), 400);
    } catch (error) {
      if (ask === this.asked && !this.signal.aborted) this.failure = describeError(error, this.strings(coreStrings));
    }
  }

  /** The rows of the listbox, in order (what ↑ ↓ Home End move through). */
  private get choices(): Choice[] {
    const f = this.found;
    if (!f) return [];
    if (!f.total && this.value.trim()) return [...f.closest, ...f.popular];
    return f.hits.length < f.total ? [...f.hits, 'more'] : f.hits;
  }

  private onInput(text: string): void {
    this.value = text;
    this.limit = this.pageSize;
    this.active = -1;
    this.expanded = true;
    void this.search();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.isComposing || this.composing || e.keyCode === 229) return;
    const last = this.choices.length - 1;
    const open = this.expanded && last >= 0;
    let to = -2;
    if (e.key === 'ArrowDown') to = open ? Math.min(this.active + 1, last) : 0;
    else if (e.key === 'ArrowUp') to = open && this.active > 0 ? this.active - 1 : last;
    else if (open && this.active >= 0 && (e.key === 'Home' || e.key === 'End')) to = e.key === 'Home' ? 0 : last;
    else if (e.key === 'Enter' && open && this.active >= 0) this.pick(this.active);
    else if (e.key === 'Escape' && (this.expanded || this.value)) {
      if (!this.expanded) this.onInput('');
      this.expanded = false;
      this.active = -1;
    } else return;
    e.preventDefault();
    if (to > -2) {
      this.expanded = true;
      this.active = to;
    }
  }

  private pick(index: number): void {
    const choice = this.choices[index];
    if (choice === 'more') {
      this.limit += this.pageSize;
      void this.search();
      return;
    }
    if (!choice) return;
    const { item } = choice;
    // Said at once, in place of the count of results that was due.
    clearTimeout(this.timer);
    this.said = this.strings(searchStrings).chosen(item.name);
    this.reveal = true;
    this.value = item.name;
    this.expanded = false;
    this.active = -1;
    this.chosen = item;
    this.detail = undefined;
    this.dispatchEvent(new CustomEvent('zw-select', { detail: { item }, bubbles: true, composed: true }));
    void this.loadDetail(item.code);
    guide.load().catch(() => undefined); // the guide's code comes with the details; a failure shows in the card
  }

  private async loadDetail(code: string): Promise<void> {
    try {
      const { data } = await this.api.get<ServiceDetail>(`/api/v1/services/${encodeURIComponent(code)}`, {
        schema: 'ServiceDetail',
        signal: this.signal,
      });
      if (this.chosen?.code === code) this.detail = data;
    } catch (error) {
      if (this.chosen?.code === code && !this.signal.aborted)
        this.detail = describeError(error, this.strings(coreStrings));
    }
  }

  private setFilter(name: keyof Filters, value: unknown): void {
    (this as unknown as Record<string, unknown>)[name] = value;
    this.limit = this.pageSize;
  }

  override render() {
    const s = this.strings(searchStrings);
    const choices = this.choices;
    const open = this.expanded && choices.length > 0;
    // Nothing found for what is in the box: said at the top of the list, where the eye is, with where to ask.
    const asked = this.foundFor?.trim() ?? '';
    const none = this.expanded && !!this.found && !this.found.total && asked !== '' && asked === this.value.trim();
    return html`<div part="base">
      <label for="q">${s.label}</label>
      <input
        id="q"
        part="control"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        enterkeyhint="search"
        aria-autocomplete="list"
        aria-controls="list"
        aria-expanded=${open ? 'true' : 'false'}
        aria-activedescendant=${open && this.active >= 0 ? `o${this.active}` : nothing}
        aria-describedby=${none ? 'hint none' : 'hint'}
        placeholder=${s.placeholder}
        .value=${this.value}
        @input=${(e: InputEvent) => !e.isComposing && !this.composing && this.onInput((e.target as HTMLInputElement).value)}
        @compositionstart=${() => (this.composing = true)}
        @compositionend=${(e: CompositionEvent) => {
          this.composing = false;
          this.onInput((e.target as HTMLInputElement).value);
        }}
        @keydown=${this.onKey}
        @blur=${() => (this.expanded = false)}
      />
      <span id="hint" class="visually-hidden">${s.hint}</span>
      ${
        none
          ? html`<div id="none" class="none" part="none">
              <strong>${s.none(asked)}</strong><span>${s.help}</span>
            </div>`
          : nothing
      }
      <div id="list" role="listbox" part="listbox" aria-label=${s.results} tabindex="-1" ?hidden=${!open}>
        ${this.options(s, choices)}
      </div>
      <p role="status" class="note">${this.source || this.failure ? this.said : this.strings(coreStrings).loading}</p>
      ${
        this.failure
          ? html`<p class="error" role="alert">
              ${this.failure}
              <button @click=${() => (this.source ? this.search() : this.load())}>
                ${this.strings(coreStrings).retry}
              </button>
            </p>`
          : nothing
      }
      ${this.source?.offline ? html`<p class="note">${s.offline}</p>` : nothing}
      ${this.chosen ? this.card(s, this.chosen) : nothing} ${this.filterControls(s)}
    </div>`;
  }

  private options(s: SearchStrings, choices: Choice[]) {
    const f = this.found;
    const option = (c: Choice, i: number) =>
      html`<div
        role="option"
        id="o${i}"
        aria-selected=${i === this.active ? 'true' : 'false'}
        @pointerdown=${(e: Event) => e.preventDefault()}
        @click=${() => this.pick(i)}
      >
        ${c === 'more' ? s.more(f!.total - f!.hits.length) : this.row(s, c)}
      </div>`;
    // Found only with a slip: the results under what they say where the query was typed.
    if (f?.total && f.corrected)
      return html`<div role="group" aria-labelledby="gc">
        <div class="head" id="gc">${s.corrected(f.corrected)}</div>
        ${choices.map(option)}
      </div>`;
    if (!f || f.total || !this.value.trim()) return choices.map(option);
    const group = (head: string, list: Hit[], from: number) =>
      list.length
        ? html`<div role="group" aria-labelledby="g${from}">
            <div class="head" id="g${from}">${head}</div>
            ${list.map((h, k) => option(h, from + k))}
          </div>`
        : nothing;
    return html`${group(s.closest, f.closest, 0)}${group(s.popular, f.popular, f.closest.length)}`;
  }

  private row(s: SearchStrings, { item, spans }: Hit) {
    const facts = [item.dept, s.visits(item.visits), item.promisedDays === null ? '' : s.promised(item.promisedDays)];
    if (item.fullyOnline) facts.push(s.fullyOnline);
    return html`${marked(item.name, spans)}<span class="meta">${facts.filter(Boolean).join(' · ')}</span>`;
  }

  private filterControls(s: SearchStrings) {
    const { departments = [], types = {}, remote = false } = this.source ?? {};
    const box = (name: 'fullyOnline' | 'noVisit' | 'crossRegion' | 'instant') =>
      html`<label
        ><input
          type="checkbox"
          .checked=${this[name]}
          @change=${(e: Event) => this.setFilter(name, (e.target as HTMLInputElement).checked)}
        />${s[name]}</label
      >`;
    // A province's catalogue names a thousand departments: laying their options out is a long task (80 ms at
    // 50,000 items), so they are listed once the panel opens (until then, the chosen one only).
    const depts = this.filtersOpen ? departments : departments.filter((d) => d === this.dept);
    const pick = (label: string, name: 'dept' | 'type', values: [string, string][], shown = values.length > 0) =>
      shown
        ? html`<label class="pick"
            >${label}
            <select
              @change=${(e: Event) => {
                const v = (e.target as HTMLSelectElement).value;
                this.setFilter(name, v === '' ? undefined : name === 'type' ? Number(v) : v);
              }}
            >
              <option value="">${s.all}</option>
              ${values.map(([v, text]) => html`<option value=${v} ?selected=${String(this[name] ?? '') === v}>${text}</option>`)}
            </select></label
          >`
        : nothing;
    return html`<details
      class="filters"
      @toggle=${(e: Event) => (this.filtersOpen = (e.target as HTMLDetailsElement).open)}
    >
      <summary>${s.filters}</summary>
      <div>
        ${pick(
          s.dept,
          'dept',
          depts.map((d) => [d, d]),
          departments.length > 0,
        )}
        ${pick(s.type, 'type', Object.entries(types))} ${box('fullyOnline')} ${box('noVisit')}
        ${remote ? nothing : box('crossRegion')} ${box('instant')}
      </div>
    </details>`;
  }

  private card(s: SearchStrings, item: ServiceSummary) {
    const core = this.strings(coreStrings);
    const m = guide.get(this);
    if (m) return m.guideCard(s, item, this.detail, core.loading, this.hrefTemplate);
    return guide.failed
      ? html`<p class="error" role="alert">
          ${core.network} <button @click=${() => guide.retry(this)}>${core.retry}</button>
        </p>`
      : html`<p>${core.loading}</p>`;
  }
}

/** The name with the matched ranges in `<mark>`, as text nodes (never markup). */
function marked(name: string, spans: Span[]): TemplateResult {
  const parts: (string | TemplateResult)[] = [];
  let at = 0;
  for (const [from, to] of spans) {
    parts.push(name.slice(at, from), html`<mark>${name.slice(from, to)}</mark>`);
    at = to;
  }
  parts.push(name.slice(at));
  return html`<span>${parts}</span>`;
}
