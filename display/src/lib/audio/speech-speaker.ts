/**
 * Speech-synthesis fallback (vi-VN) for announcements whose segments are missing, e.g. an edited template
 * with a phrase nobody recorded yet. Browser voices are often absent on Linux and TV boxes: `hasVoice`.
 */
import { AutoplayBlockedError, type Speaker } from './types.js';

export interface SpeechSpeakerOptions {
  synth?: SpeechSynthesis | undefined;
  createUtterance?: (text: string) => SpeechSynthesisUtterance;
  lang?: string;
}

/** Chrome sometimes never fires `end` (long texts, missing voices): give up after this. */
const watchdogMs = (text: string) => 4000 + text.length * 150;

export class SpeechSpeaker implements Speaker {
  readonly #synth: SpeechSynthesis | undefined;
  readonly #lang: string;

  constructor(private readonly opts: SpeechSpeakerOptions = {}) {
    this.#synth = 'synth' in opts ? opts.synth : globalThis.speechSynthesis;
    this.#lang = opts.lang ?? 'vi-VN';
  }

  get supported(): boolean {
    return this.#synth !== undefined;
  }

  /** A voice for the language, if the browser has one (the list may fill in after `voiceschanged`). */
  voice(): SpeechSynthesisVoice | undefined {
    const prefix = this.#lang.slice(0, 2).toLowerCase();
    return this.#synth?.getVoices().find((v) => v.lang.toLowerCase().replace('_', '-').startsWith(prefix));
  }

  get hasVoice(): boolean {
    return this.voice() !== undefined;
  }

  async speak(utterances: readonly string[]): Promise<void> {
    const synth = this.#synth;
    if (!synth) throw new Error('speech synthesis unavailable');
    if (!this.hasVoice) throw new Error(`no ${this.#lang} voice`);
    for (const text of utterances) await this.#say(synth, text);
  }

  #say(synth: SpeechSynthesis, text: string): Promise<void> {
    const u = this.opts.createUtterance?.(text) ?? new SpeechSynthesisUtterance(text);
    u.lang = this.#lang;
    const voice = this.voice();
    if (voice) u.voice = voice;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        synth.cancel();
        resolve();
      }, watchdogMs(text));
      u.onend = () => {
        clearTimeout(timer);
        resolve();
      };
      u.onerror = (e) => {
        clearTimeout(timer);
        if (e.error === 'not-allowed') reject(new AutoplayBlockedError());
        else if (e.error === 'interrupted' || e.error === 'canceled') resolve();
        else reject(new Error(`speech synthesis: ${e.error}`));
      };
      synth.speak(u);
    });
  }

  stop(): void {
    this.#synth?.cancel();
  }
}
