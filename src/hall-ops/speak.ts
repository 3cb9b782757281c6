import type { Locale } from '../core/i18n.js';

/**
 * Says one prompt aloud with the device's speech engine (a kiosk's spoken prompts), replacing whatever it was saying;
 * silently does nothing where there is no engine or no voice for the language (never a wrong-language voice: a
 * Cantonese or English voice would misread the Chinese). Returns whether it spoke.
 */
export function speak(text: string, locale: Locale): boolean {
  const synth = globalThis.speechSynthesis;
  if (!synth) return false;
  const voices = synth
    .getVoices()
    .filter((v) => (locale === 'en' ? /^en/i.test(v.lang) : /^(zh|cmn)/i.test(v.lang) && !/hk|mo|yue/i.test(v.lang)));
  const voice = voices.find((v) => /^(zh.cn|cmn)/i.test(v.lang)) ?? voices[0];
  if (!voice) return false;
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = 0.9; // a little slower: a hall is noisy and many residents are old
  synth.speak(utterance);
  return true;
}
