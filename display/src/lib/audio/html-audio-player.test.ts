import { describe, expect, it, vi } from 'vitest';
import { HtmlAudioPlayer } from './html-audio-player.js';
import { AutoplayBlockedError } from './types.js';

const MANIFEST = {
  version: 1,
  language: 'vi',
  source: 'test',
  segments: {
    'pause-short': { file: 'pause-short.ogg', durationMs: 250, text: '', kind: 'pause' },
    a: { file: 'a.ogg', durationMs: 500, text: 'xin mời', kind: 'phrase' },
    b: { file: 'b.ogg', durationMs: 300, text: 'hai', kind: 'digit' },
  },
};

class FakeAudio extends EventTarget {
  preload = '';
  currentTime = 0;
  constructor(
    readonly src: string,
    private readonly world: { blocked: boolean; log: string[] },
  ) {
    super();
  }
  async play() {
    if (this.world.blocked) throw new DOMException('play() failed', 'NotAllowedError');
    this.world.log.push(this.src);
    queueMicrotask(() => this.dispatchEvent(new Event('ended')));
  }
  pause() {}
}

function setup() {
  const world = { blocked: true, log: [] as string[] };
  const player = new HtmlAudioPlayer({
    base: '/voice/vi/',
    fetch: vi.fn(async () => ({
      ok: true,
      status: 200,
      json: async () => MANIFEST,
    })) as unknown as typeof fetch,
    createAudio: (url) => new FakeAudio(url, world) as unknown as HTMLAudioElement,
  });
  return { player, world };
}

describe('HtmlAudioPlayer', () => {
  it('preloads one element per segment and plays them one after another', async () => {
    const { player, world } = setup();
    await player.load();
    expect([...player.available]).toEqual(['pause-short', 'a', 'b']);
    world.blocked = false;
    await player.play(['a', 'b', 'a']);
    expect(world.log).toEqual(['/voice/vi/a.ogg', '/voice/vi/b.ogg', '/voice/vi/a.ogg']);
  });

  it('reports blocked autoplay, and probes with the silent pause segment', async () => {
    const { player, world } = setup();
    await player.load();
    expect(await player.canAutoplay()).toBe(false);
    await expect(player.play(['a'])).rejects.toBeInstanceOf(AutoplayBlockedError);
    world.blocked = false;
    expect(await player.unlock()).toBe(true);
    expect(world.log).toEqual(['/voice/vi/pause-short.ogg']);
  });
});
