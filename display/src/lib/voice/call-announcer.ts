/**
 * The seam between screens and the voice feature (`lib/audio/`, owned by the voice work): screens only
 * enqueue calls and learn whether the browser needs a tap before it may play sound.
 */
import type { VoiceSettings } from '../../../../core/domain/announcement-settings.js';
import { type AnnouncerState, createAnnouncer } from '../audio/index.js';

export interface AnnounceCall {
  label: string;
  counter: number;
}

export interface CallAnnouncer {
  /** Queues the call; calls play in order and never cut each other off (a recall is queued again). */
  enqueue(call: AnnounceCall): void;
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

export function createCallAnnouncer(onBlocked: (blocked: boolean) => void): CallAnnouncer {
  const announcer = createAnnouncer({
    maxQueue: 12,
    onState: (s: AnnouncerState) => onBlocked(s === 'needs-gesture'),
  });
  return {
    enqueue: (call) => void announcer.announce({ label: call.label, counter: call.counter }),
    probe: async () => {
      onBlocked((await announcer.probe()) === 'needs-gesture');
    },
    unlock: async () => {
      onBlocked(!(await announcer.unlock()));
    },
    setSettings: (settings) => announcer.setSettings(settings),
    whenIdle: () => announcer.whenIdle(),
    dispose: () => announcer.dispose(),
  };
}
