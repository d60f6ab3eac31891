import type { ServiceState } from '../../../../core/contracts/queue.js';

export type Availability = { kind: 'open' } | { kind: 'cap' } | { kind: 'closed'; opensAt: number | null };

/** What a service button says, from the server's own view (the kiosk never guesses hours itself). */
export function availability(s: ServiceState): Availability {
  if (s.open && s.capReached) return { kind: 'cap' };
  if (s.open) return { kind: 'open' };
  return { kind: 'closed', opensAt: s.opensAt === null ? null : Date.parse(s.opensAt) };
}

/** Services a citizen may see on the kiosk: the active ones, in the configured order. */
export function visibleServices(services: readonly ServiceState[]): ServiceState[] {
  return services.filter((s) => s.active);
}

/** The friendly closed screen: no visible service is within its issuing hours. */
export function allClosed(services: readonly ServiceState[]): boolean {
  return visibleServices(services).every((s) => !s.open);
}

export type ClosedKind = 'reopens' | 'holiday' | 'noHours';

/** Why everything is closed, and the earliest reopening among the visible services. */
export function closedSummary(services: readonly ServiceState[]): {
  kind: ClosedKind;
  opensAt: number | null;
} {
  const visible = visibleServices(services);
  const openings = visible
    .map((s) => (s.opensAt === null ? null : Date.parse(s.opensAt)))
    .filter((x) => x !== null);
  const opensAt = openings.length ? Math.min(...openings) : null;
  const holiday = visible.some((s) => s.closedReason === 'holiday' || s.closedReason === 'closure');
  if (opensAt === null) return { kind: 'noHours', opensAt };
  return { kind: holiday ? 'holiday' : 'reopens', opensAt };
}

/**
 * Grid columns so that ≤ 8 services fit without scrolling: a portrait kiosk stacks wide rows,
 * a landscape one spreads across, a phone always uses one column.
 */
export function gridColumns(count: number, shape: 'portrait' | 'landscape' | 'phone'): number {
  if (shape === 'phone' || count <= 1) return 1;
  if (shape === 'portrait') return count <= 5 ? 1 : 2;
  if (count <= 4) return 2;
  return count <= 6 ? 3 : 4;
}

/** The next instant a service's state changes by the clock (opens or closes), for a refresh. */
export function nextBoundary(services: readonly ServiceState[], nowMs: number): number | null {
  const times = services
    .flatMap((s) => [s.opensAt, s.closesAt])
    .filter((x): x is string => x !== null)
    .map((x) => Date.parse(x))
    .filter((t) => t > nowMs);
  return times.length ? Math.min(...times) : null;
}

/** Priority chips per row: one row on a landscape kiosk, tidy pairs on portrait screens and phones. */
export function chipColumns(count: number, shape: 'portrait' | 'landscape' | 'phone'): number {
  if (count <= 1) return 1;
  if (shape === 'phone') return 2;
  if (shape === 'portrait') return count === 4 ? 2 : Math.min(count, 3);
  return count <= 4 ? count : Math.ceil(count / 2);
}
