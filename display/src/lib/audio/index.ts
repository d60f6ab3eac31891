/** Voice announcements for lobby and counter screens: `createAnnouncer()` wires the real browser parts. */
import { Announcer, type AnnouncerOptions, type CallToAnnounce } from './announcer.js';
import { HtmlAudioPlayer } from './html-audio-player.js';
import { SpeechSpeaker } from './speech-speaker.js';
import type { SegmentPlayer } from './types.js';
import { WebAudioPlayer } from './web-audio-player.js';

export * from './announcer.js';
export { DEFAULT_VOICE_BASE } from './manifest.js';
export { HtmlAudioPlayer } from './html-audio-player.js';
export { SpeechSpeaker } from './speech-speaker.js';
export * from './types.js';
export { WebAudioPlayer } from './web-audio-player.js';

export interface CreateAnnouncerOptions<C extends CallToAnnounce = CallToAnnounce>
  extends Omit<AnnouncerOptions<C>, 'player' | 'speaker'> {
  /** Where segments are served; default `/voice/vi/`. */
  base?: string;
}

/** Web Audio when the browser has it (gapless), else <audio> elements; speech synthesis as fallback. */
export function createSegmentPlayer(base?: string): SegmentPlayer {
  const opts = base === undefined ? {} : { base };
  return typeof AudioContext === 'function' ? new WebAudioPlayer(opts) : new HtmlAudioPlayer(opts);
}

/** Creates the announcer and starts preloading segments; call `probe()` to learn early about autoplay. */
export function createAnnouncer<C extends CallToAnnounce = CallToAnnounce>(
  opts: CreateAnnouncerOptions<C> = {},
): Announcer<C> {
  const { base, ...rest } = opts;
  const player = createSegmentPlayer(base);
  void player.load().catch(() => undefined);
  return new Announcer<C>({ ...rest, player, speaker: new SpeechSpeaker() });
}
