/**
 * The sound of a call: a chime and the call read aloud, for a resident who is not looking at the page. Both need
 * the resident's permission (a press of a button): browsers block audio that starts without a user gesture, and an
 * unexpected voice would startle anyone using a screen reader.
 */

/** A two-tone chime made with an oscillator: no audio file to download or to be blocked. */
export function chime(audio: AudioContext): void {
  const t = audio.currentTime;
  [880, 660].forEach((hz, n) => {
    const start = t + n * 0.45;
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = hz;
    tone.connect(gain).connect(audio.destination);
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.5, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.4);
    tone.start(start);
    tone.stop(start + 0.42);
  });
}

/** Reads `text` aloud with the device's voice for `lang` (zh-CN by default), when the browser can. */
export function speak(text: string, lang: string): void {
  if (typeof speechSynthesis === 'undefined') return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = lang;
  speechSynthesis.speak(utterance);
}
