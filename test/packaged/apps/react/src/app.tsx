import { useState } from 'react';

/** What a React handler saw: the event's type, the element it came from, and a word from its detail. */
interface Seen {
  type: string;
  from: string;
  what: string;
}

/** Every zw-* element with attributes and properties from React, and React handlers for their events. */
export function App({ api }: { api: string }) {
  const [seen, setSeen] = useState<Seen[]>([]);
  const saw = (e: CustomEvent, what: string | number) => {
    // Read now: the event's currentTarget is gone by the time React runs the state update.
    const line = { type: e.type, from: (e.currentTarget as Element).localName, what: String(what) };
    setSeen((s) => [...s, line]);
  };

  return (
    <main>
      <zw-config api-base={api} hall="guangan-zwzx" timeout={15_000}>
        <header>
          <zw-a11y-toggle mode="elder" scheme="black-on-white" onzw-a11y-change={(e) => saw(e, e.detail.key)}>
            长辈版
          </zw-a11y-toggle>
          <zw-a11y-toolbar read-target="main" onzw-a11y-change={(e) => saw(e, e.detail.key)} />
        </header>
        <zw-service-search
          href-template="/bs/{code}"
          mode="auto"
          page-size={10}
          onzw-select={(e) => saw(e, e.detail.item.name)}
        />
        <zw-queue-status
          allow-take
          show-forecast
          interval={15}
          variant="compact"
          onzw-called={(e) => saw(e, e.detail.ticket)}
        />
        <zw-rating
          case="GA20261122-00411"
          service="511A0138000000"
          channel="pc"
          onzw-rating-change={(e) => saw(e, e.detail.level)}
          onzw-rating-sent={(e) => saw(e, e.detail.receipt.level)}
          onzw-rating-queued={(e) => saw(e, e.detail.key)}
        />
        <zw-rating-summary hall="guangan-zwzx" theme="light" />
      </zw-config>
      <ul id="seen">
        {seen.map((s, i) => (
          <li key={i}>{`${s.type} ${s.from} ${s.what}`}</li>
        ))}
      </ul>
    </main>
  );
}
