import { afterEach, describe, expect, it, vi } from 'vitest';
import { AutoplayBlockedError } from './types.js';
import { WebAudioPlayer } from './web-audio-player.js';

/** Segment "files" hold their duration in seconds as text; "bad" does not decode. */
const FILES: Record<string, string> = { 'chime.ogg': '1', 'a.ogg': '0.5', 'b.ogg': '0.25', 'bad.ogg': 'bad' };
const MANIFEST = {
  version: 1,
  language: 'vi',
  source: 'test',
  segments: {
    chime: { file: 'chime.ogg', durationMs: 1000, text: '', kind: 'chime' },
    a: { file: 'a.ogg', durationMs: 500, text: 'xin mời', kind: 'phrase' },
    b: { file: 'b.ogg', durationMs: 250, text: 'hai', kind: 'digit' },
    bad: { file: 'bad.ogg', durationMs: 100, text: 'hỏng', kind: 'phrase' },
    gone: { file: 'gone.ogg', durationMs: 100, text: 'mất', kind: 'phrase' },
  },
};

class FakeSource extends EventTarget {
  buffer: { duration: number } | null = null;
  at = -1;
  constructor(private readonly started: FakeSource[]) {
    super();
  }
  connect() {}
  start(at: number) {
    this.at = at;
    this.started.push(this);
  }
  stop() {
    this.dispatchEvent(new Event('ended'));
  }
}

class FakeContext {
  state: AudioContextState = 'suspended';
  currentTime = 10;
  destination = {};
  /** Chrome keeps resume() pending while autoplay is blocked. */
  allowResume = false;
  decoded: string[] = [];
  started: FakeSource[] = [];
  async decodeAudioData(data: ArrayBuffer) {
    const text = new TextDecoder().decode(data);
    this.decoded.push(text);
    if (text === 'bad') throw new DOMException('Unable to decode audio data', 'EncodingError');
    return { duration: Number(text) };
  }
  resume(): Promise<void> {
    if (!this.allowResume) return new Promise(() => {});
    this.state = 'running';
    return Promise.resolve();
  }
  createBufferSource() {
    return new FakeSource(this.started);
  }
}

function setup() {
  const ctx = new FakeContext();
  const requested: string[] = [];
  const fetch = vi.fn(async (url: string) => {
    requested.push(url);
    const name = url.replace('/custom/voice/', '');
    if (name === 'manifest.json') return { ok: true, status: 200, json: async () => MANIFEST };
    const body = FILES[name];
    if (body === undefined) return { ok: false, status: 404 };
    return { ok: true, status: 200, arrayBuffer: async () => new TextEncoder().encode(body).buffer };
  });
  const player = new WebAudioPlayer({
    base: '/custom/voice',
    fetch: fetch as unknown as typeof globalThis.fetch,
    createContext: () => ctx as unknown as AudioContext,
    resumeTimeoutMs: 5,
  });
  return { ctx, player, requested };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('WebAudioPlayer', () => {
  it('fetches and decodes every segment once, from the configured base', async () => {
    const { ctx, player, requested } = setup();
    await Promise.all([player.load(), player.load()]);
    await player.load();
    expect(requested[0]).toBe('/custom/voice/manifest.json');
    expect(ctx.decoded.sort()).toEqual(['0.25', '0.5', '1', 'bad']);
    expect([...player.available].sort()).toEqual(['a', 'b', 'chime']);
    expect([...player.failures.keys()].sort()).toEqual(['bad', 'gone']);
    expect(player.phrases).toEqual({ a: 'xin mời', bad: 'hỏng', gone: 'mất' });
  });

  it('reports autoplay blocked while the context cannot resume, and plays after unlock()', async () => {
    const { ctx, player } = setup();
    await player.load();
    expect(await player.canAutoplay()).toBe(false);
    await expect(player.play(['a'])).rejects.toBeInstanceOf(AutoplayBlockedError);
    ctx.allowResume = true;
    expect(await player.unlock()).toBe(true);
    const done = player.play(['a']);
    await vi.waitFor(() => expect(ctx.started).toHaveLength(1));
    ctx.started[0]?.stop();
    await done;
  });

  it('schedules segments back to back on the audio clock and resolves when the last one ends', async () => {
    const { ctx, player } = setup();
    ctx.allowResume = true;
    await player.load();
    let finished = false;
    const done = player.play(['chime', 'a', 'b', 'a']).then(() => {
      finished = true;
    });
    await vi.waitFor(() => expect(ctx.started).toHaveLength(4));
    expect(ctx.started.map((s) => Math.round(s.at * 1000))).toEqual([10_050, 11_050, 11_550, 11_800]);
    ctx.started[2]?.dispatchEvent(new Event('ended'));
    await Promise.resolve();
    expect(finished).toBe(false);
    ctx.started[3]?.dispatchEvent(new Event('ended'));
    await done;
    expect(finished).toBe(true);
  });

  it('moves on when "ended" never comes (context suspended mid-call)', async () => {
    const { ctx, player } = setup();
    ctx.allowResume = true;
    await player.load();
    vi.useFakeTimers();
    const done = player.play(['a', 'b']);
    await vi.waitFor(() => expect(ctx.started).toHaveLength(2));
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(done).resolves.toBeUndefined();
  });

  it('refuses segments it could not load', async () => {
    const { ctx, player } = setup();
    ctx.allowResume = true;
    await player.load();
    await expect(player.play(['a', 'bad'])).rejects.toThrow('voice segment not loaded: bad');
    expect(ctx.started).toHaveLength(0);
  });

  it('stop() ends the call at once', async () => {
    const { ctx, player } = setup();
    ctx.allowResume = true;
    await player.load();
    const done = player.play(['chime', 'a']);
    await vi.waitFor(() => expect(ctx.started).toHaveLength(2));
    player.stop();
    await done;
  });
});
