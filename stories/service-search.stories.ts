import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import { ZwConfig } from '../src/core/index.ts';
import { ZwServiceSearch } from '../src/service-search/index.ts';
import type { Catalogue } from '../src/core/api/types.gen.ts';
import { pagePrefsStore } from '../src/core/prefs/store.ts';
import { define } from '../src/core/define.ts';
import type { ContrastScheme } from '../src/core/prefs/prefs.ts';
import { answers } from './support/api-handlers.ts';
import { modeArgTypes } from './support/modes.ts';

// Registered here as well: a bundler may drop a bare import of a side-effect-free family entry.
define('zw-config', ZwConfig);
define('zw-service-search', ZwServiceSearch);

/**
 * Every state of `<zw-service-search>`. Stories without a scenario search the real 广安区 catalogue, as the reference
 * API's recording serves it (stories/support/api-handlers.ts); in server mode the reference server's own search
 * answers. A `play` function types what a resident would. Scenarios that need a particular network answer for their
 * own API base (`parameters.msw`), so the catalogue saved for offline use by one story never leaks into another.
 * Use the lang / elder / contrast controls for every mode.
 */

interface Args {
  lang: 'zh-CN' | 'en';
  elder: boolean;
  contrast: ContrastScheme;
  mode: 'auto' | 'client' | 'server';
  apiBase: string;
  hrefTemplate: string;
  noVisit: boolean;
  fullyOnline: boolean;
}

// ---------------------------------------------------------------- the network boundary

interface Scenario {
  /** API base the scenario answers for (its other requests meet the reference API's recording). */
  base: string;
  /** The catalogue request: never answered, refused, answered with this payload. */
  catalogue: 'hang' | 'offline' | ((real: Catalogue) => unknown);
  /** Save the real catalogue for this base first (as an earlier visit would have). */
  saved?: boolean;
}

const SAVED = 'zw-service-catalogue:v1';
const realCatalogue = async () => JSON.parse((await answers.catalogue()).catalogue.body) as Catalogue;

/** The handlers of a scenario, and a loader that saves (or forgets) the catalogue this device kept for its base. */
function at(s: Scenario) {
  const url = `${s.base}/api/v1/services/catalogue`;
  return {
    parameters: {
      msw: {
        handlers: [
          http.get(url, async () => {
            if (s.catalogue === 'hang') return delay('infinite').then(() => HttpResponse.error());
            if (s.catalogue === 'offline') return HttpResponse.error();
            const body = JSON.stringify(s.catalogue(await realCatalogue()));
            return new HttpResponse(body, { headers: { ETag: '"stub"', 'Content-Type': 'application/json' } });
          }),
        ],
      },
    },
    loaders: [
      async () => {
        const saved = await caches.open(SAVED);
        await saved.delete(url);
        if (s.saved) {
          const body = JSON.stringify(await realCatalogue());
          await saved.put(
            url,
            new Response(body, { headers: { ETag: '"saved"', 'Content-Type': 'application/json' } }),
          );
        }
      },
    ],
  };
}

/** What a resident does in the shadow DOM: focus the box, type (as an input method commits), press keys. */
function act(steps: { type?: string; keys?: string[]; choose?: boolean; openGuide?: boolean; openFilters?: boolean }) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('zw-service-search') as ZwServiceSearch;
    const root = el.shadowRoot!;
    // The catalogue (or the server) is ready, and the box is rendered (an English page waits for its words first).
    const ready = () => (el as unknown as { source?: unknown }).source && root.querySelector('#q');
    for (let tries = 0; !ready() && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const box = root.querySelector<HTMLInputElement>('#q')!;
    box.focus();
    if (steps.type !== undefined) {
      box.value = steps.type;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    await el.updateComplete;
    for (const key of steps.keys ?? []) {
      box.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      await el.updateComplete;
    }
    if (steps.choose) root.querySelector<HTMLElement>('[role=option]')?.click();
    if (steps.openFilters) root.querySelector<HTMLDetailsElement>('.filters')!.open = true;
    for (let tries = 0; steps.openGuide && !root.querySelector('.card ol') && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (steps.openGuide) root.querySelector<HTMLDetailsElement>('.card details')!.open = true;
  };
}

// ---------------------------------------------------------------- meta

const meta: Meta<Args> = {
  title: 'Service search/zw-service-search',
  component: 'zw-service-search',
  tags: ['autodocs'],
  argTypes: {
    ...modeArgTypes,
    mode: { control: 'inline-radio', options: ['auto', 'client', 'server'] },
  },
  args: {
    lang: 'zh-CN',
    elder: false,
    contrast: 'none',
    mode: 'auto',
    apiBase: '',
    hrefTemplate: '',
    noVisit: false,
    fullyOnline: false,
  },
  decorators: [
    (story, { args }) => {
      pagePrefsStore().set({ elder: args.elder, contrast: args.contrast });
      return story();
    },
  ],
  render: (a) =>
    html`<zw-service-search
      lang=${a.lang}
      mode=${a.mode}
      api-base=${a.apiBase || nothing}
      href-template=${a.hrefTemplate || nothing}
      ?no-visit=${a.noVisit}
      ?fully-online=${a.fullyOnline}
    ></zw-service-search>`,
};
export default meta;

type Story = StoryObj<Args>;

// ---------------------------------------------------------------- searching

export const Idle: Story = { name: 'Idle: nothing typed' };
export const Popular: Story = { name: 'Focused: popular items', play: act({}) };
export const Chinese: Story = { name: 'Results: 社保卡 (characters in order)', play: act({ type: '社保卡' }) };
export const Pinyin: Story = { name: 'Results: full pinyin shebaoka', play: act({ type: 'shebaoka' }) };
export const Initials: Story = { name: 'Results: initials jhdj', play: act({ type: 'jhdj' }) };
export const Mixed: Story = { name: 'Results: mixed 社保k', play: act({ type: '社保k' }) };
export const Traditional: Story = { name: 'Results: traditional 補領結婚證', play: act({ type: '補領結婚證' }) };
export const Typo: Story = { name: 'Results: pinyin slip siyedengji (s for sh)', play: act({ type: 'siyedengji' }) };
export const Everyday: Story = { name: 'Results: everyday words 社保卡丢了', play: act({ type: '社保卡丢了' }) };
export const Active: Story = {
  name: 'Keyboard: third result active',
  play: act({ type: '户口', keys: ['ArrowDown', 'ArrowDown', 'ArrowDown'] }),
};
export const ShowMore: Story = {
  name: 'Many results: the first page and “show more”',
  play: act({ type: 's', keys: ['ArrowDown', 'End'] }),
};
export const NoResults: Story = { name: 'No results: closest and popular items', play: act({ type: '火星移民签证' }) };

export const Filtered: Story = {
  name: 'Filters: 零跑动 and 全程网办 (attributes), filter panel open',
  args: { noVisit: true, fullyOnline: true },
  play: act({ type: '社保', openFilters: true }),
};

// ---------------------------------------------------------------- the chosen item

export const Chosen: Story = {
  name: 'Chosen: what to know before going, guide open',
  args: { hrefTemplate: '/bs/{code}' },
  play: act({ type: '身份证丢了', choose: true, openGuide: true }),
};

// ---------------------------------------------------------------- modes and failures

export const ServerMode: Story = {
  name: 'Server mode (paged search on the server)',
  args: { mode: 'server' },
  play: act({ type: '营业执照' }),
};

export const Loading: Story = {
  name: 'Loading the catalogue',
  tags: ['expected-loading'],
  args: { mode: 'client', apiBase: 'https://slow.example' },
  ...at({ base: 'https://slow.example', catalogue: 'hang' }),
};

export const Offline: Story = {
  name: 'Offline: the saved catalogue',
  args: { mode: 'client', apiBase: 'https://offline.example' },
  tags: ['expected-error'],
  ...at({ base: 'https://offline.example', catalogue: 'offline', saved: true }),
  play: act({ type: '结婚登记' }),
};

export const Unreachable: Story = {
  name: 'Error: server unreachable, nothing saved',
  args: { mode: 'client', apiBase: 'https://down.example' },
  tags: ['expected-error'],
  ...at({ base: 'https://down.example', catalogue: 'offline' }),
};

export const Malformed: Story = {
  name: 'Error: malformed catalogue',
  args: { mode: 'client', apiBase: 'https://broken.example' },
  tags: ['expected-error'],
  ...at({
    base: 'https://broken.example',
    catalogue: (real) => ({ ...real, items: real.items.map((it, i) => (i === 3 ? { ...it, name: 42 } : it)) }),
  }),
};

export const MarkupName: Story = {
  name: 'An item named like markup shows as text',
  args: { mode: 'client', apiBase: 'https://markup.example' },
  ...at({
    base: 'https://markup.example',
    catalogue: (real) => ({
      ...real,
      items: [
        { ...real.items[0], code: 'X-1', name: '<img src=x onerror=alert(1)>', pinyin: '', initials: '', aliases: [] },
        ...real.items,
      ],
    }),
  }),
  play: act({ type: 'img' }),
};

// ---------------------------------------------------------------- modes of display

export const Elder: Story = { name: 'Elder mode (长辈模式)', args: { elder: true }, play: act({ type: '社保卡' }) };
export const YellowOnBlack: Story = {
  name: 'High contrast: yellow on black',
  args: { contrast: 'yellow-on-black' },
  play: act({ type: '社保卡' }),
};
export const WhiteOnBlue: Story = {
  name: 'High contrast: white on blue',
  args: { contrast: 'white-on-blue' },
  play: act({ type: '社保卡' }),
};
export const English: Story = {
  name: 'English',
  args: { lang: 'en' },
  play: act({ type: 'hukou', choose: true, openGuide: true }),
};
