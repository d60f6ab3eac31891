/**
 * The committed voice set: every segment the composer can emit is listed, present, decodes with sox and
 * (except pauses) is clearly audible. Needs sox with Ogg support (CI: apt-get install sox libsox-fmt-all).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Value } from 'typebox/value';
import { beforeAll, describe, expect, it } from 'vitest';
import { type VoiceManifest, VoiceManifestSchema } from '../../core/contracts/voice.js';
import { VOICE_SEGMENTS } from '../../core/domain/announcement.js';

const DIR = join(import.meta.dirname, '../../voice/segments/vi');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as VoiceManifest;
const entries = Object.entries(manifest.segments);
/** Speech and chime are normalised near full scale; espeak words measure ~0.05–0.2 RMS. */
const MIN_RMS = 0.02;

function sox(args: string[]): { code: number | null; out: string } {
  const r = spawnSync('sox', args, { encoding: 'utf8', timeout: 10_000 });
  if (r.error) throw new Error('sox is required for the voice tests: apt-get install sox libsox-fmt-all');
  return { code: r.status, out: r.stdout + r.stderr };
}

/** `sox file -n stat` decodes the whole file and prints its figures (on stderr). */
function stat(file: string): { rms: number; seconds: number } {
  const { code, out } = sox([file, '-n', 'stat']);
  if (code !== 0) throw new Error(`sox cannot decode ${file}: ${out}`);
  const num = (label: string) => Number(new RegExp(`${label}:\\s+([-\\d.e]+)`).exec(out)?.[1]);
  return { rms: num('RMS\\s+amplitude'), seconds: num('Length \\(seconds\\)') };
}

beforeAll(() => {
  if (!sox(['-h']).out.includes(' ogg '))
    throw new Error('sox lacks Ogg support: apt-get install libsox-fmt-all');
});

describe('voice/segments/vi', () => {
  it('has a valid manifest', () => {
    expect([...Value.Errors(VoiceManifestSchema, manifest)]).toEqual([]);
  });

  it('lists every segment the composer can emit, with the same text', () => {
    for (const [id, { text, kind }] of Object.entries(VOICE_SEGMENTS)) {
      expect(manifest.segments[id], id).toMatchObject({ text, kind });
    }
  });

  it('stays small (< 2 MB in total)', () => {
    const bytes = entries.reduce((sum, [, s]) => sum + statSync(join(DIR, s.file)).size, 0);
    console.info(`voice set: ${entries.length} segments, ${(bytes / 1024).toFixed(0)} KiB`);
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it.each(entries)('%s decodes, lasts as listed and is audible', (id, seg) => {
    const { rms, seconds } = stat(join(DIR, seg.file));
    expect(Math.abs(seconds * 1000 - seg.durationMs)).toBeLessThan(30);
    expect(seconds).toBeLessThan(4);
    if (seg.kind === 'pause') expect(rms, id).toBeLessThan(0.001);
    else expect(rms, `${id} RMS ${rms}`).toBeGreaterThan(MIN_RMS);
  });
});
