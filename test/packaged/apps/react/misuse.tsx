// Deliberate mistakes: the type check of this file must fail on every line marked "misuse", and only there.
export const Misuse = () => (
  <>
    <zw-queue-status interval="fast" /> {/* misuse: a number attribute given a word */}
    <zw-rating channel="fax" /> {/* misuse: a channel the element does not know */}
    <zw-service-search onzw-select={(e) => e.detail.level} /> {/* misuse: zw-select's detail has no level */}
    <zw-rating-summary colour="red" /> {/* misuse: no such attribute */}
    <zw-a11y-toggle mode="elder" disabled="yes" /> {/* misuse: a boolean given a string */}
  </>
);
