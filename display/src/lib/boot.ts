/** Builds a screen's state from its route with the real browser parts (socket, fetch, voice, reload). */
import { api } from '../../../client/api.js';
import { connectDisplay } from '../../../client/socket.js';
import type { DisplaySettings } from '../../../core/contracts/display-defaults.js';
import type { VoiceSettings } from '../../../core/domain/announcement-settings.js';
import type { Route } from './route.js';
import { ScreenState } from './state/screen.svelte.js';
import type { ScreenSocket } from './state/screen-socket.js';
import { createCallAnnouncer } from './voice/call-announcer.js';

type ScreenRoute = Extract<Route, { kind: 'lobby' | 'counter' }>;

export function createScreen(route: ScreenRoute): ScreenState {
  const counter = route.kind === 'counter' ? route.counter : null;
  return new ScreenState({
    filter: route.kind === 'counter' ? new Set([route.counter]) : route.counters && new Set(route.counters),
    ratingCounter: counter,
    connect: () => connectDisplay() as unknown as ScreenSocket,
    fetchSettings: () => api<DisplaySettings>('GET', '/api/display/settings'),
    fetchVoice: () => api<VoiceSettings>('GET', '/api/display/voice'),
    announcer: route.voice ? (events) => createCallAnnouncer(events) : null,
    reload: () => location.reload(),
    serverAlive: async () => {
      const res = await fetch('/api/health', { cache: 'no-store' });
      return res.ok;
    },
  });
}
