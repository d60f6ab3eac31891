import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_VOICE_SETTINGS } from '../../../../core/domain/announcement-settings.js';
import { VOICE_SEGMENTS } from '../../../../core/domain/announcement.js';
import {
  type AnnouncementOutcome,
  Announcer,
  type AnnouncerOptions,
  type QueuedAnnouncement,
} from './announcer.js';
import { AutoplayBlockedError, type SegmentPlayer, type Speaker } from './types.js';

/** A player whose calls finish only when the test says so. */
class FakePlayer implements SegmentPlayer {
  available: ReadonlySet<string> = new Set(Object.keys(VOICE_SEGMENTS));
  phrases: Readonly<Record<string, string>> = {};
  blocked = false;
  played: string[][] = [];
  playing = 0;
  maxPlaying = 0;
  #finish: (() => void)[] = [];

  load = async () => {};
  canAutoplay = async () => !this.blocked;
  unlock = async () => {
    this.blocked = false;
    return true;
  };
  stop = vi.fn();

  play(ids: readonly string[]): Promise<void> {
    if (this.blocked) return Promise.reject(new AutoplayBlockedError());
    this.played.push([...ids]);
    this.playing++;
    this.maxPlaying = Math.max(this.maxPlaying, this.playing);
    return new Promise((resolve) =>
      this.#finish.push(() => {
        this.playing--;
        resolve();
      }),
    );
  }

  /** Ends the sound playing now. */
  finish(): void {
    const next = this.#finish.shift();
    if (!next) throw new Error('nothing is playing');
    next();
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(extra: Partial<AnnouncerOptions> = {}) {
  const player = new FakePlayer();
  const ended: [string, AnnouncementOutcome][] = [];
  const dropped: QueuedAnnouncement[] = [];
  const states: string[] = [];
  const announcer = new Announcer({
    player,
    onEnd: (c, outcome) => ended.push([c.label, outcome]),
    onDrop: (c) => dropped.push(c),
    onState: (s) => states.push(s),
    ...extra,
  });
  /** Finishes whatever plays until the queue is empty. */
  const drain = async () => {
    await tick();
    while (player.playing > 0) {
      player.finish();
      await tick();
    }
    await announcer.whenIdle();
  };
  return { player, announcer, ended, dropped, states, drain };
}

describe('Announcer', () => {
  it('plays calls in order, one at a time, each to the end', async () => {
    const { player, announcer, ended, drain } = setup();
    announcer.announce({ label: 'A001', counter: 1 });
    announcer.announce({ label: 'A002', counter: 2 });
    announcer.announce({ label: 'A003', counter: 3 });
    await tick();
    expect(player.played).toHaveLength(1);
    expect(announcer.current?.label).toBe('A001');
    expect(announcer.waiting.map((c) => c.label)).toEqual(['A002', 'A003']);
    await drain();
    expect(player.maxPlaying).toBe(1);
    expect(ended).toEqual([
      ['A001', 'played'],
      ['A002', 'played'],
      ['A003', 'played'],
    ]);
    expect(announcer.state).toBe('idle');
  });

  it('plays a whole announcement (chime, sentence twice) in one play() call', async () => {
    const { player, announcer, drain } = setup();
    announcer.announce({ label: 'A023', counter: 2 });
    await drain();
    const [ids] = player.played;
    expect(ids?.[0]).toBe('chime');
    expect(ids?.filter((id) => id === 'den-quay-so')).toHaveLength(2);
  });

  it('queues a recall again instead of dropping it', async () => {
    const { player, announcer, ended, drain } = setup();
    announcer.announce({ label: 'A001', counter: 1 });
    announcer.announce({ label: 'A001', counter: 1 });
    await drain();
    expect(player.played).toHaveLength(2);
    expect(player.played[0]).toEqual(player.played[1]);
    expect(ended.map(([l]) => l)).toEqual(['A001', 'A001']);
  });

  it('bounds the queue by dropping the oldest waiting duplicate, never the call playing', async () => {
    const { announcer, dropped, ended, drain } = setup({ maxQueue: 3 });
    announcer.announce({ label: 'A001', counter: 1 });
    await tick();
    for (const label of ['A001', 'A002', 'A003', 'A002']) announcer.announce({ label, counter: 1 });
    expect(dropped.map((c) => c.label)).toEqual(['A002']);
    expect(announcer.waiting.map((c) => c.label)).toEqual(['A001', 'A003', 'A002']);
    announcer.announce({ label: 'A004', counter: 1 });
    expect(dropped.map((c) => c.label)).toEqual(['A002', 'A001']);
    expect(announcer.current?.label).toBe('A001');
    await drain();
    expect(ended.map(([l]) => l)).toEqual(['A001', 'A003', 'A002', 'A004']);
  });

  it('drops the oldest waiting call when none is a duplicate', async () => {
    const { announcer, dropped, drain } = setup({ maxQueue: 2 });
    for (const label of ['B1', 'B2', 'B3', 'B4']) announcer.announce({ label, counter: 1 });
    expect(announcer.current?.label).toBe('B1');
    expect(dropped.map((c) => c.label)).toEqual(['B2']);
    await drain();
  });

  it('reports needs-gesture when autoplay is blocked, keeps the call, and plays it after unlock()', async () => {
    const { player, announcer, ended, states, drain } = setup();
    player.blocked = true;
    expect(await announcer.probe()).toBe('needs-gesture');
    announcer.announce({ label: 'A005', counter: 5 });
    await announcer.whenIdle();
    expect(announcer.state).toBe('needs-gesture');
    expect(announcer.waiting.map((c) => c.label)).toEqual(['A005']);
    expect(await announcer.unlock()).toBe(true);
    await drain();
    expect(ended).toEqual([['A005', 'played']]);
    expect(states).toEqual(['needs-gesture', 'idle', 'playing', 'idle']);
  });

  it('detects blocking on the first call even without probe()', async () => {
    const { player, announcer } = setup();
    player.blocked = true;
    announcer.announce({ label: 'A006', counter: 6 });
    await announcer.whenIdle();
    expect(announcer.state).toBe('needs-gesture');
  });

  it('speaks the whole call with speech synthesis when a segment is missing, after the chime', async () => {
    const speak = vi.fn(async (_u: readonly string[]) => {});
    const speaker: Speaker = { supported: true, speak, stop: vi.fn() };
    const settings = { ...DEFAULT_VOICE_SETTINGS, template: 'Mời {số} tới quầy {quầy}, xin giữ phiếu' };
    const { player, announcer, ended, drain } = setup({ speaker, settings });
    announcer.announce({ label: 'A007', counter: 3 });
    await drain();
    expect(player.played).toEqual([['chime']]);
    expect(speak).toHaveBeenCalledWith([
      'Mời a, bảy tới quầy ba, xin giữ phiếu',
      'Mời a, bảy tới quầy ba, xin giữ phiếu',
    ]);
    expect(ended).toEqual([['A007', 'spoken']]);
  });

  it('still sounds the chime when segments are missing and no speech is available', async () => {
    const { player, announcer, ended, drain } = setup();
    player.available = new Set(['chime']);
    announcer.announce({ label: 'A008', counter: 1 });
    await drain();
    expect(player.played).toEqual([['chime']]);
    expect(ended).toEqual([['A008', 'chime']]);
  });

  it('uses phrases recorded later, from the manifest', async () => {
    const { player, announcer, drain } = setup({
      settings: {
        ...DEFAULT_VOICE_SETTINGS,
        template: '{số} quầy {quầy} xin giữ phiếu',
        chime: false,
        repeat: 1,
      },
    });
    player.phrases = { 'xin-giu-phieu': 'xin giữ phiếu' };
    player.available = new Set([...player.available, 'xin-giu-phieu']);
    announcer.announce({ label: 'A1', counter: 1 });
    await drain();
    expect(player.played[0]?.at(-1)).toBe('xin-giu-phieu');
  });

  it('stays silent when voice is disabled, and survives a failing listener', async () => {
    const { player, announcer, ended, drain } = setup({
      settings: { ...DEFAULT_VOICE_SETTINGS, enabled: false },
      onStart: () => {
        throw new Error('UI bug');
      },
    });
    announcer.announce({ label: 'A009', counter: 1 });
    await drain();
    announcer.setSettings(DEFAULT_VOICE_SETTINGS);
    announcer.announce({ label: 'A010', counter: 1 });
    await drain();
    expect(player.played).toHaveLength(1);
    expect(ended).toEqual([
      ['A009', 'disabled'],
      ['A010', 'played'],
    ]);
  });

  it('hands the whole call back to listeners (e.g. its ticketId)', async () => {
    const player = new FakePlayer();
    const started: number[] = [];
    const announcer = new Announcer<{ label: string; counter: number; ticketId: number }>({
      player,
      onStart: (call) => started.push(call.ticketId),
    });
    announcer.announce({ label: 'A1', counter: 1, ticketId: 41 });
    await tick();
    player.finish();
    await announcer.whenIdle();
    expect(started).toEqual([41]);
  });

  it('stops sound and forgets waiting calls on dispose()', async () => {
    const { player, announcer } = setup();
    announcer.announce({ label: 'A1', counter: 1 });
    announcer.announce({ label: 'A2', counter: 1 });
    await tick();
    announcer.dispose();
    expect(player.stop).toHaveBeenCalled();
    expect(announcer.waiting).toEqual([]);
    player.finish();
    await announcer.whenIdle();
    expect(player.played).toHaveLength(1);
  });
});
