import type { RatingList, RatingSummary } from '../../core/contracts/rating-api.js';
import type { Clock } from '../../core/domain/clock.js';
import { DomainError } from '../../core/domain/errors.js';
import { addDays, localDay, startOfLocalDay } from '../../core/domain/local-time.js';
import { satisfactionRate } from '../../core/domain/rating.js';
import type { Actor } from './queue-service.js';
import type { RatingRepo } from './rating-repo.js';
import type { RatingService } from './rating-service.js';

const DAY_MS = 86_400_000;
const MAX_DAYS = 3700;

/**
 * Read side of ratings, with the privacy rules: leaders and admins may list single ratings with
 * their times; officials only get aggregates of their own ratings over whole local days.
 */
export class RatingQueries {
  constructor(
    private readonly d: {
      repo: RatingRepo;
      ratings: RatingService;
      clock: Clock;
      siteId: () => string;
      zone: string;
    },
  ) {}

  /** Leaders/admins (checked by the route): every rating in [from, to), default today. */
  list(q: { from?: string; to?: string; limit?: number }): RatingList {
    const now = this.d.clock.now();
    const from = q.from ? Date.parse(q.from) : startOfLocalDay(localDay(now, this.d.zone), this.d.zone);
    const to = q.to ? Date.parse(q.to) : now + 1;
    if (!Number.isFinite(from) || !Number.isFinite(to)) {
      throw new DomainError('VALIDATION_FAILED', { detail: 'from/to must be ISO instants' });
    }
    const limit = q.limit ?? 1000;
    const rows = this.d.repo.list(this.d.siteId(), from, to, limit + 1);
    return { ratings: rows.slice(0, limit), truncated: rows.length > limit };
  }

  /** Counts per level and the satisfaction rate over whole local days [from, to]. */
  summary(actor: Actor, q: { from: string; to: string; official?: number }): RatingSummary {
    const { zone } = this.d;
    const start = startOfLocalDay(q.from, zone);
    const end = startOfLocalDay(addDays(q.to, 1), zone);
    if (!(end > start) || (end - start) / DAY_MS > MAX_DAYS) {
      throw new DomainError('VALIDATION_FAILED', {
        detail: 'from must be on or before to (at most ten years)',
      });
    }
    let officialId: number | null = q.official ?? null;
    if (actor.role === 'official') {
      if (officialId !== null && officialId !== actor.officialId) throw new DomainError('FORBIDDEN');
      officialId = actor.officialId;
    }
    const siteId = this.d.siteId();
    const counts = this.d.repo.counts(
      siteId,
      start,
      end,
      officialId === null ? 'all' : { official: officialId },
    );
    const general = officialId === null ? sum(this.d.repo.counts(siteId, start, end, 'general')) : 0;
    const rate = satisfactionRate(counts, this.d.ratings.scale());
    return {
      from: q.from,
      to: q.to,
      officialId,
      counts: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v])),
      valid: rate.valid,
      satisfied: rate.satisfied,
      rate: rate.rate,
      formula: rate.formula,
      formulaEn: rate.formulaEn,
      general,
    };
  }
}

function sum(counts: Record<number, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
