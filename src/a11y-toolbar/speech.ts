import type { Locale } from '../core/i18n.js';
import type { Sentence } from './read-walk.js';

/** The page's speech engine, looked up on every use (absent in some browsers and in server-side rendering). */
const synth = (): SpeechSynthesis | undefined => globalThis.speechSynthesis;

/**
 * The installed voice for `locale`, or undefined when none can read it: for Chinese a Mandarin voice, mainland
 * (zh-CN, cmn) before others; never Cantonese (zh-HK, yue), which would misread the text. Voices load
 * asynchronously, so call again on `voiceschanged`.
 */
export function pickVoice(locale: Locale): SpeechSynthesisVoice | undefined {
  const voices = (synth()?.getVoices() ?? []).filter((v) =>
    locale === 'en' ? /^en/i.test(v.lang) : /^(zh|cmn)/i.test(v.lang) && !/hk|mo|yue/i.test(v.lang),
  );
  return voices.find((v) => /^(zh.cn|cmn)/i.test(v.lang)) ?? voices[0];
}

/** Calls `update` whenever the list of voices changes (until `signal` aborts). */
export function watchVoices(update: () => void, signal: AbortSignal): void {
  synth()?.addEventListener('voiceschanged', update, { signal });
}

export type ReaderState = 'idle' | 'playing' | 'paused';

/**
 * Reads sentences one at a time (the caption strip shows the current one), so pause, resume and stop act at once
 * and a long page never meets an engine's limit on one utterance. One reader per page: there is one speech engine.
 */
class Reader {
  state: ReaderState = 'idle';
  /** The sentence being read, shown in the caption strip; empty when silent. */
  caption = '';
  /** True while reading the page (连读); pointing (指读) then stays quiet. */
  continuous = false;
  #queue: Sentence[] = [];
  #run = 0;
  #listeners = new Set<() => void>();

  /** Calls `fn` on every change of state or caption; returns the unsubscribe function. */
  subscribe(fn: () => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /** Reads `items` in order with `voice`, replacing whatever was being read. */
  read(items: Sentence[], voice: SpeechSynthesisVoice, continuous: boolean): void {
    if (this.continuous && !continuous) return;
    const run = ++this.#run;
    this.#silence();
    this.#queue = [...items];
    this.continuous = continuous;
    this.#next(run, voice);
  }

  pause(): void {
    synth()?.pause();
    this.#set('paused');
  }

  resume(): void {
    synth()?.resume();
    this.#set('playing');
  }

  stop(): void {
    this.#run++;
    this.#queue = [];
    this.continuous = false;
    this.caption = '';
    this.#silence();
    this.#set('idle');
  }

  #next(run: number, voice: SpeechSynthesisVoice): void {
    if (run !== this.#run) return; // stopped or replaced meanwhile
    const item = this.#queue.shift();
    const s = synth();
    if (!item || !s) return this.stop();
    this.caption = item.text;
    item.el?.scrollIntoView?.({ block: 'nearest' });
    const u = new SpeechSynthesisUtterance(item.text);
    u.voice = voice;
    u.lang = voice.lang;
    // An error (other than our own cancel, which bumps the run) skips to the next sentence rather than stalling.
    u.onend = u.onerror = () => this.#next(run, voice);
    s.speak(u);
    this.#set('playing');
  }

  /** Cancels what is queued in the engine; a paused engine stays paused after cancel() unless resumed. */
  #silence(): void {
    synth()?.cancel();
    synth()?.resume();
  }

  #set(state: ReaderState): void {
    this.state = state;
    this.#listeners.forEach((fn) => fn());
  }
}

export const reader = new Reader();
