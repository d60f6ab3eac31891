import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import {
  type AdminSettings,
  DEFAULT_RETENTION,
  DEFAULT_SECURITY,
  RETENTION_KEY,
  type RetentionSettings,
  RetentionSettingsSchema,
  SECURITY_KEY,
  type SecuritySettings,
  SecuritySettingsSchema,
} from '../../core/contracts/admin-ops.js';
import {
  DISPLAY_SETTINGS_KEY,
  type DisplaySettings,
  resolveDisplaySettings,
} from '../../core/contracts/display.js';
import { defaultTicketLayout, type TicketLayout, TicketLayoutSchema } from '../../core/contracts/printing.js';
import type { RatingSettings, RatingSettingsPatch } from '../../core/contracts/rating-api.js';
import {
  DEFAULT_VOICE_SETTINGS,
  type VoiceSettings,
  VoiceSettingsSchema,
} from '../../core/contracts/voice.js';
import { DomainError } from '../../core/domain/errors.js';
import type { RatingService } from './rating-service.js';
import { patchRatingSettings } from './rating-settings.js';
import type { AdminChanges } from './admin-changes.js';
import type { SiteCatalog } from './site-catalog.js';

export const VOICE_KEY = 'voice';
export const TICKET_LAYOUT_KEY = 'ticketLayout';
export const RATING_KEY = 'rating';

const check = (schema: unknown, value: unknown) => Value.Check(schema as TSchema, value);

/** A stored object over its defaults, kept only when the result is valid. */
function merged<T extends object>(schema: TSchema, defaults: T, stored: unknown): T {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return defaults;
  const value = { ...defaults, ...(stored as Partial<T>) };
  return check(schema, value) ? value : defaults;
}

const stored = (catalog: SiteCatalog, key: string) =>
  (catalog.settings as unknown as Record<string, unknown>)[key];

export function voiceSettings(catalog: SiteCatalog): VoiceSettings {
  return merged(VoiceSettingsSchema, { ...DEFAULT_VOICE_SETTINGS }, stored(catalog, VOICE_KEY));
}
export function retentionSettings(catalog: SiteCatalog): RetentionSettings {
  return merged(RetentionSettingsSchema, DEFAULT_RETENTION, stored(catalog, RETENTION_KEY));
}
export function securitySettings(catalog: SiteCatalog): SecuritySettings {
  return merged(SecuritySettingsSchema, DEFAULT_SECURITY, stored(catalog, SECURITY_KEY));
}
export function ticketLayout(catalog: SiteCatalog): TicketLayout {
  return merged(TicketLayoutSchema, defaultTicketLayout, stored(catalog, TICKET_LAYOUT_KEY));
}

const nfcLines = (lines: string[] | undefined) =>
  lines?.map((l) => l.normalize('NFC')).filter((l) => l.trim() !== '');

/** The settings rows the admin page edits: screens, voice, rating scale, ticket layout, retention, security. */
export class AdminSettingsService {
  constructor(
    private readonly c: AdminChanges,
    private readonly ratings: RatingService,
  ) {}

  private get catalog(): SiteCatalog {
    return this.c.d.catalog;
  }

  all(): AdminSettings {
    return {
      display: resolveDisplaySettings(stored(this.catalog, DISPLAY_SETTINGS_KEY), check),
      voice: voiceSettings(this.catalog),
      rating: this.ratings.settings(),
      ticketLayout: ticketLayout(this.catalog),
      retention: retentionSettings(this.catalog),
      security: securitySettings(this.catalog),
    };
  }

  putDisplay(by: number, v: DisplaySettings): Promise<DisplaySettings> {
    const next: DisplaySettings = {
      ...v,
      sloganLists: v.sloganLists.map((l) => ({
        ...l,
        title: l.title.normalize('NFC').trim(),
        items: l.items.map((i) => i.normalize('NFC').trim()),
      })),
      announcements: v.announcements.map((a) => ({ ...a, text: a.text.normalize('NFC').trim() })),
    };
    return this.c.putSetting(by, DISPLAY_SETTINGS_KEY, next);
  }

  putVoice(by: number, v: VoiceSettings): Promise<VoiceSettings> {
    return this.c.putSetting(by, VOICE_KEY, { ...v, template: v.template.normalize('NFC').trim() });
  }

  putRating(by: number, patch: RatingSettingsPatch): Promise<RatingSettings> {
    let next: RatingSettings;
    try {
      next = patchRatingSettings(this.ratings.settings(), patch);
    } catch (e) {
      throw new DomainError('VALIDATION_FAILED', { detail: (e as Error).message.slice(0, 200) });
    }
    return this.c.putSetting(by, RATING_KEY, next);
  }

  putTicketLayout(by: number, v: TicketLayout): Promise<TicketLayout> {
    const headerText = nfcLines(v.headerText);
    const footerText = nfcLines(v.footerText);
    return this.c.putSetting(by, TICKET_LAYOUT_KEY, {
      ...v,
      notice: v.notice.normalize('NFC'),
      ...(headerText ? { headerText } : {}),
      ...(footerText ? { footerText } : {}),
    });
  }

  putRetention(by: number, v: RetentionSettings): Promise<RetentionSettings> {
    return this.c.putSetting(by, RETENTION_KEY, v);
  }

  putSecurity(by: number, v: SecuritySettings): Promise<SecuritySettings> {
    return this.c.putSetting(by, SECURITY_KEY, v);
  }
}
