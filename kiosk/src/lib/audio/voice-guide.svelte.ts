import type { Lang } from '../../i18n/locale.svelte.js';

/**
 * Optional spoken guidance through the browser's speech synthesis (vi-VN when the device has such a
 * voice). Off by default and never required: every word is also on screen.
 */
export class VoiceGuide {
  enabled = $state(false);
  readonly available: boolean;

  constructor(private readonly synth: SpeechSynthesis | undefined = globalThis.speechSynthesis) {
    this.available = synth !== undefined && typeof SpeechSynthesisUtterance !== 'undefined';
  }

  toggle(): void {
    this.enabled = !this.enabled;
    if (!this.enabled) this.synth?.cancel();
  }

  /** Says one thing, cutting off whatever was being said (the screen changed). */
  say(text: string, lang: Lang): void {
    if (!this.enabled || !this.available || !this.synth) return;
    const tag = lang === 'vi' ? 'vi-VN' : 'en-US';
    const u = new SpeechSynthesisUtterance(text);
    u.lang = tag;
    const voice = this.synth.getVoices().find((v) => v.lang.replace('_', '-').startsWith(tag.slice(0, 2)));
    if (voice) u.voice = voice;
    u.rate = 0.9;
    this.synth.cancel();
    this.synth.speak(u);
  }
}
