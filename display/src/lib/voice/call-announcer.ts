/**
 * The seam between screens and the voice feature (`lib/audio/`, owned by the voice work): screens only
 * enqueue calls and learn whether the browser needs a tap before it may play sound.
 */
import type { Call } from '../../../../core/contracts/queue.js';
import type { VoiceSettings } from '../../../../core/domain/announcement-settings.js';
import { type AnnouncerState, createAnnouncer } from '../audio/index.js';

/** What the screen is told about the voice: blocked by the browser, a call starting to sound. */
export interface AnnouncerEvents {
  /** `blocked`: the browser needs a tap; `quiet`: nothing is sounding (idle or blocked) */
  onState(state: { blocked: boolean; quiet: boolean }): void;
  onStart(call: Call): void;
}

export interface CallAnnouncer {
  /** Queues the call; calls play in order and never cut each other off (a recall is queued again). */
  enqueue(call: Call): void;
  /** A call is sounding right now (a new call then waits for its turn to be highlighted). */
  readonly busy: boolean;
  /** Checks autoplay at start-up (reports `needs-gesture` through the callback). */
  probe(): Promise<void>;
  /** From a click or key press: lets audio play. */
  unlock(): Promise<void>;
  /** The centre's wording, number reading and repetitions (GET /api/display/voice). */
  setSettings(settings: VoiceSettings): void;
  /** Resolves once nothing is playing or waiting. */
  whenIdle(): Promise<void>;
  dispose(): void;
}

const view = (s: AnnouncerState) => ({ blocked: s === 'needs-gesture', quiet: s !== 'playing' });

export function createCallAnnouncer(ev: AnnouncerEvents): CallAnnouncer {
  const announcer = createAnnouncer<Call>({
    maxQueue: 12,
    onState: (s: AnnouncerState) => ev.onState(view(s)),
    onStart: (call) => ev.onStart(call),
  });
  return {
    enqueue: (call) => void announcer.announce(call),
    get busy() {
      return announcer.state === 'playing';
    },
    probe: async () => ev.onState(view(await announcer.probe())),
    unlock: async () => {
      await announcer.unlock();
      ev.onState(view(announcer.state));
    },
    setSettings: (settings) => announcer.setSettings(settings),
    whenIdle: () => announcer.whenIdle(),
    dispose: () => announcer.dispose(),
  };
}
