/** One sentence to read aloud and the block it was found in (scrolled into view while it is read). */
export interface Sentence {
  text: string;
  el?: Element;
}

/** Never read: code, form fields (their values are the resident's own input) and pictures without words. */
const SKIP = /^(script|style|noscript|template|input|select|textarea|svg|iframe)$/;

/** Sentence ends in Chinese and English text, with closing quotes and brackets kept on the sentence. */
const SENTENCE_END = /(?<=[。！？!?；;…]["”’」』）)]*)(?![。！？!?；;…"”’」』）)])\s*|(?<=\.)\s+/;
/** A very long sentence is split again at commas: engines tend to stop speaking in the middle of long utterances. */
const CLAUSE_END = /(?<=[，、,])\s*/;
const WORDS = /[\p{L}\p{N}]/u;

/** Puts clauses back together up to 60 characters, so that a long sentence is read in a few natural pieces. */
const joinShort = (acc: string[], clause: string): string[] => {
  const last = acc.length - 1;
  if (last >= 0 && acc[last].length + clause.length <= 60) acc[last] += clause;
  else acc.push(clause);
  return acc;
};

/** Splits running text into sentences worth speaking (at least one letter or digit each). */
export function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(SENTENCE_END)
    .flatMap((s) => (s.length > 80 ? s.split(CLAUSE_END).reduce(joinShort, []) : [s]))
    .map((s) => s.trim())
    .filter((s) => WORDS.test(s));
}

/**
 * The visible text under `root` in reading order: the flat tree, so the open shadow roots of zw elements are read
 * where they render, slotted content where its slot is, and hidden, `aria-hidden` and `skip`ped subtrees are left
 * out. Text is split into sentences at block boundaries, line breaks and sentence punctuation.
 */
export function collectSentences(root: Node, skip: (el: Element) => boolean): Sentence[] {
  const out: Sentence[] = [];
  let text = '';
  let block: Element | undefined;
  const flush = () => {
    for (const s of sentences(text)) out.push({ text: s, el: block });
    text = '';
  };
  const walk = (node: Node, within?: Element): void => {
    if (node instanceof Text) {
      if (!text.trim()) block = within;
      text += node.data;
      return;
    }
    let children: ArrayLike<Node> = node.childNodes;
    let isBlock = false;
    if (node instanceof Element) {
      const style = getComputedStyle(node);
      if (SKIP.test(node.localName) || node.ariaHidden === 'true' || style.display === 'none' || style.visibility === 'hidden' || skip(node)) return;
      if (node instanceof HTMLImageElement) text += ` ${node.alt} `;
      if (node.localName === 'br') flush();
      isBlock = !/^(inline|contents)/.test(style.display);
      if (isBlock) {
        flush();
        within = node;
      }
      if (node.shadowRoot) children = node.shadowRoot.childNodes;
      else if (node instanceof HTMLSlotElement && node.assignedNodes().length) children = node.assignedNodes();
    }
    for (const child of Array.from(children)) walk(child, within);
    if (isBlock) flush();
  };
  walk(root);
  flush();
  return out;
}
