import { describe, expect, it, vi } from 'vitest';
import { SpeechSpeaker } from './speech-speaker.js';
import { AutoplayBlockedError } from './types.js';

type Fake = {
  text: string;
  lang: string;
  voice: unknown;
  onend?: () => void;
  onerror?: (e: { error: string }) => void;
};

function setup(
  voices: { lang: string; name: string }[],
  outcome: 'end' | 'not-allowed' | 'synthesis-failed' | 'never',
) {
  const spoken: Fake[] = [];
  const synth = {
    getVoices: () => voices,
    cancel: vi.fn(),
    speak: vi.fn((u: Fake) => {
      spoken.push(u);
      if (outcome === 'end') queueMicrotask(() => u.onend?.());
      else if (outcome !== 'never') queueMicrotask(() => u.onerror?.({ error: outcome }));
    }),
  };
  const speaker = new SpeechSpeaker({
    synth: synth as unknown as SpeechSynthesis,
    createUtterance: (text) => ({ text, lang: '', voice: null }) as unknown as SpeechSynthesisUtterance,
  });
  return { speaker, synth, spoken };
}

const VI = { lang: 'vi-VN', name: 'Vietnamese' };
const EN = { lang: 'en-US', name: 'English' };

describe('SpeechSpeaker', () => {
  it('speaks each utterance in turn with a Vietnamese voice', async () => {
    const { speaker, spoken } = setup([EN, VI], 'end');
    await speaker.speak(['Xin mời số một', 'Xin mời số một']);
    expect(spoken.map((u) => [u.text, u.lang, u.voice])).toEqual([
      ['Xin mời số một', 'vi-VN', VI],
      ['Xin mời số một', 'vi-VN', VI],
    ]);
  });

  it('refuses to read Vietnamese with a foreign voice', async () => {
    const { speaker, synth } = setup([EN], 'end');
    expect(speaker.hasVoice).toBe(false);
    await expect(speaker.speak(['Xin mời'])).rejects.toThrow('no vi-VN voice');
    expect(synth.speak).not.toHaveBeenCalled();
  });

  it('maps "not-allowed" to AutoplayBlockedError and other errors to Error', async () => {
    await expect(setup([VI], 'not-allowed').speaker.speak(['a'])).rejects.toBeInstanceOf(
      AutoplayBlockedError,
    );
    await expect(setup([VI], 'synthesis-failed').speaker.speak(['a'])).rejects.toThrow('synthesis-failed');
  });

  it('gives up waiting when the engine never ends (a known Chrome bug)', async () => {
    vi.useFakeTimers();
    try {
      const { speaker, synth } = setup([{ lang: 'vi_VN', name: 'espeak vi' }], 'never');
      const done = speaker.speak(['Xin mời']);
      await vi.advanceTimersByTimeAsync(60_000);
      await expect(done).resolves.toBeUndefined();
      expect(synth.cancel).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('is unsupported without speechSynthesis', () => {
    expect(new SpeechSpeaker({ synth: undefined }).supported).toBe(false);
  });
});
