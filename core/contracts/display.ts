import { type Static, Type } from 'typebox';
import { DEFAULT_DISPLAY_SETTINGS, type DisplaySettings } from './display-defaults.js';

export * from './display-defaults.js';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Text = Type.String({ minLength: 1, maxLength: 300 });

export const SloganListSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 100 }),
    items: Type.Array(Text, { minItems: 1, maxItems: 30 }),
    active: Type.Boolean({ default: true }),
  },
  { additionalProperties: false },
);

export const DisplayAnnouncementSchema = Type.Object(
  {
    text: Text,
    from: Type.Union([Day, Type.Null()], { default: null }),
    to: Type.Union([Day, Type.Null()], { default: null }),
  },
  { additionalProperties: false },
);

/** Lobby and counter screen settings (GET /api/display/settings); stored under settings key 'display'. */
export const DisplaySettingsSchema = Type.Object(
  {
    sloganLists: Type.Array(SloganListSchema, { maxItems: 20 }),
    announcements: Type.Array(DisplayAnnouncementSchema, { maxItems: 50 }),
    highlightSeconds: Type.Integer({ minimum: 5, maximum: 120 }),
    recentCount: Type.Integer({ minimum: 3, maximum: 12 }),
    tickerSeconds: Type.Integer({ minimum: 3, maximum: 60 }),
    ratingIdleSeconds: Type.Integer({ minimum: 10, maximum: 300 }),
    flash: Type.Boolean(),
    showHotline: Type.Boolean(),
  },
  { additionalProperties: false },
);

/** Pins the schema to the plain interface the display app imports. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _same: Same<Static<typeof DisplaySettingsSchema>, DisplaySettings> = true;
void _same;

/**
 * Stored (partial, possibly stale) settings → complete settings: each field that is valid is kept,
 * anything missing or invalid falls back to its default, so a bad edit never blanks a screen.
 */
export function resolveDisplaySettings(
  stored: unknown,
  check: (schema: unknown, value: unknown) => boolean,
): DisplaySettings {
  const out: Record<string, unknown> = { ...DEFAULT_DISPLAY_SETTINGS };
  if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
    const props = DisplaySettingsSchema.properties as Record<string, unknown>;
    for (const [key, value] of Object.entries(stored)) {
      const schema = props[key];
      if (schema !== undefined && check(schema, value)) out[key] = value;
    }
  }
  return out as unknown as DisplaySettings;
}
