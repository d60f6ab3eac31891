/**
 * Builds the Vietnamese voice segments and their manifest: espeak-ng speech, or a commune's own recordings
 * where given, plus a sox chime and pauses. The default output is committed, so a fresh box has voice
 * without espeak-ng. Only the --out directory is rewritten. See docs/voice.md.
 *
 *   npm run voice:generate                                   # voice/segments/vi, Northern espeak voice
 *   npm run voice:generate -- --voice vi-vn-x-south          # Southern espeak voice
 *   npm run voice:generate -- --recordings ~/ghi-am          # <id>.wav|.flac|.mp3|.ogg recorded by a person
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { VoiceManifest, VoiceSegment } from '../core/contracts/voice.js';
import { PAUSE, PAUSE_SHORT, VOICE_SEGMENTS } from '../core/domain/announcement.js';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string', default: 'voice/segments/vi' },
    voice: { type: 'string', default: 'vi' },
    speed: { type: 'string', default: '150' },
    format: { type: 'string', default: 'ogg' },
    recordings: { type: 'string' },
  },
});

/** Ogg Vorbis decodes with no added delay in every Chromium (gapless joins); MP3 adds ~50 ms per segment. */
const FORMATS: Record<string, { ext: string; compression: string; describe: string }> = {
  ogg: { ext: 'ogg', compression: '2', describe: 'Ogg Vorbis q2' },
  mp3: { ext: 'mp3', compression: '40', describe: 'MP3 40 kbit/s' },
};
const RATE = '22050';
const PAUSE_SECONDS: Record<string, number> = { [PAUSE_SHORT]: 0.25, [PAUSE]: 0.7 };
const RECORDING_EXTS = ['wav', 'flac', 'mp3', 'ogg'];

function pickFormat(name: string) {
  const found = FORMATS[name];
  if (!found) throw new Error(`--format must be one of ${Object.keys(FORMATS).join(', ')}`);
  return found;
}
const format = pickFormat(args.format);

/** Runs a tool; sox gets -R (repeatable dither and stream serials) so regenerating gives identical files. */
const run = (cmd: string, argv: string[]): string =>
  execFileSync(cmd, cmd === 'sox' && argv[0] !== '--i' ? ['-R', ...argv] : argv, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

function requireTool(cmd: string, hint: string): string {
  try {
    return (run(cmd, ['--version']).split('\n')[0] ?? cmd).replace(/\s+Data at:.*/u, '').trim();
  } catch {
    throw new Error(`${cmd} is required (${hint})`);
  }
}

/** A bell-like note: fundamental, a quieter octave and twelfth, fading out linearly, delayed by `at` s. */
function note(dir: string, name: string, freq: number, at: number, length: number): string {
  const partials = [
    [freq, 1],
    [freq * 2, 0.3],
    [freq * 3, 0.08],
  ] as const;
  const mixed = partials.flatMap(([f, gain], i) => {
    const file = join(dir, `${name}-${i}.wav`);
    run('sox', ['-n', '-r', RATE, '-c', '1', file, 'synth', `${length}`, 'sine', `${f}`]);
    return ['-v', `${gain}`, file];
  });
  const out = join(dir, `${name}.wav`);
  const fade = ['fade', 't', '0.008', `${length}`, `${length * 0.95}`];
  run('sox', ['-m', ...mixed, out, ...fade, 'pad', `${at}`, '0']);
  return out;
}

/** Two-tone "ding-dong" (E5 then C5), about 1.1 s, a little quieter than speech. */
function chime(dir: string, wav: string): void {
  const ding = note(dir, 'ding', 659.25, 0, 0.7);
  const dong = note(dir, 'dong', 523.25, 0.32, 0.8);
  run('sox', ['-m', ding, dong, wav, 'norm', '-4', 'pad', '0', '0.15']);
}

/** Mono 22.05 kHz, silence trimmed at both ends, peak −1 dBFS, 20 ms lead and 50 ms tail for even joins. */
function polish(dir: string, raw: string, wav: string): void {
  const trim = ['silence', '1', '0.01', '0.5%'];
  const trimmed = join(dir, 'trimmed.wav');
  run('sox', [raw, '-r', RATE, '-c', '1', trimmed, ...trim, 'reverse', ...trim, 'reverse']);
  run('sox', [trimmed, wav, 'norm', '-1', 'pad', '0.02', '0.05']);
}

function recordingOf(id: string): string | undefined {
  if (!args.recordings) return undefined;
  const dir = resolve(args.recordings);
  return RECORDING_EXTS.map((ext) => join(dir, `${id}.${ext}`)).find((f) => existsSync(f));
}

/** Renders one segment to a WAV file; says where it came from. */
function render(
  dir: string,
  id: string,
  text: string,
  kind: string,
  wav: string,
): 'recorded' | 'espeak' | 'sox' {
  if (kind === 'chime' || kind === 'pause') {
    const recorded = kind === 'chime' ? recordingOf(id) : undefined;
    if (recorded) run('sox', [recorded, '-r', RATE, '-c', '1', wav, 'norm', '-4']);
    else if (kind === 'chime') chime(dir, wav);
    else run('sox', ['-n', '-r', RATE, '-c', '1', wav, 'trim', '0', `${PAUSE_SECONDS[id]}`]);
    return recorded ? 'recorded' : 'sox';
  }
  const recorded = recordingOf(id);
  const raw = recorded ?? join(dir, 'raw.wav');
  if (!recorded) run('espeak-ng', ['-v', args.voice, '-s', args.speed, '-w', raw, text]);
  polish(dir, raw, wav);
  return recorded ? 'recorded' : 'espeak';
}

function encode(wav: string, file: string): number {
  run('sox', [wav, '-r', RATE, '-c', '1', '--comment', '', '-C', format.compression, file]);
  return Math.round(Number(run('sox', ['--i', '-D', file])) * 1000);
}

function main(): void {
  const espeak = requireTool('espeak-ng', 'apt-get install espeak-ng');
  requireTool('sox', 'apt-get install sox libsox-fmt-all');
  const out = resolve(args.out);
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(out)) if (/\.(ogg|mp3)$/u.test(f)) rmSync(join(out, f));
  const tmp = mkdtempSync(join(tmpdir(), 'xephang-voice-'));
  const segments: Record<string, VoiceSegment> = {};
  const synthesised: string[] = [];
  let recorded = 0;
  try {
    for (const [id, { text, kind }] of Object.entries(VOICE_SEGMENTS)) {
      const wav = join(tmp, `${id}.wav`);
      const origin = render(tmp, id, text, kind, wav);
      if (origin === 'recorded') recorded++;
      if (origin === 'espeak') synthesised.push(id);
      const file = `${id}.${format.ext}`;
      segments[id] = { file, durationMs: encode(wav, join(out, file)), text, kind };
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const tts = `${espeak} (-v ${args.voice} -s ${args.speed})`;
  const manifest: VoiceManifest = {
    version: 1,
    language: 'vi',
    source: `${recorded ? `${recorded} recorded, ` : ''}${tts}, sox; ${format.describe} mono ${RATE} Hz`,
    segments,
  };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`${Object.keys(segments).length} segments written to ${out} (${recorded} from recordings)`);
  if (args.recordings && synthesised.length) console.log(`still synthesised: ${synthesised.join(' ')}`);
}

main();
