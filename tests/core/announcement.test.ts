import { Value } from 'typebox/value';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  DEFAULT_VOICE_SETTINGS,
  DEFAULT_VOICE_TEMPLATE,
  type VoiceSettings,
  VoiceSettingsSchema,
} from '../../core/contracts/voice.js';
import type { VoiceSettings as DomainVoiceSettings } from '../../core/domain/announcement-settings.js';
import {
  type AnnouncementInput,
  announcementText,
  composeAnnouncement,
  describeAnnouncement,
  missingSegments,
  phraseIndex,
  PHRASE_SEGMENTS,
  templateProblems,
  VOICE_SEGMENTS,
} from '../../core/domain/announcement.js';

const base: AnnouncementInput = {
  template: DEFAULT_VOICE_TEMPLATE,
  label: 'A023',
  counter: 2,
  reading: 'digits',
  numberStyle: 'linh',
};
const recorded = new Set(Object.keys(VOICE_SEGMENTS));

describe('composeAnnouncement', () => {
  it('A023 → quầy 2, digit by digit, read twice after a chime', () => {
    const once = [
      'xin-moi-cong-dan-co-so-thu-tu',
      'letter-a',
      'digit-0',
      'digit-2',
      'digit-3',
      'den-quay-so',
      'digit-2',
    ];
    expect(composeAnnouncement(base)).toEqual(['chime', ...once, 'pause', ...once]);
  });

  it('A023 as a number → "a, hai mươi ba"', () => {
    const ids = composeAnnouncement({ ...base, reading: 'number', repeat: 1, chime: false });
    expect(ids).toEqual([
      'xin-moi-cong-dan-co-so-thu-tu',
      'letter-a',
      'digit-2',
      'num-tens',
      'digit-3',
      'den-quay-so',
      'digit-2',
    ]);
  });

  it.each([
    ['linh', 'num-linh'],
    ['le', 'num-le'],
  ] as const)('B105 with %s', (numberStyle, word) => {
    const ids = composeAnnouncement({ ...base, label: 'B105', reading: 'number', numberStyle, repeat: 1 });
    expect(ids.slice(2, 7)).toEqual(['letter-b', 'digit-1', 'num-hundred', word, 'digit-5']);
  });

  it('reads a two-digit counter as a number even in digit reading: quầy 12 → "mười hai"', () => {
    const ids = composeAnnouncement({ ...base, counter: '12', repeat: 1 });
    expect(ids.slice(-3)).toEqual(['den-quay-so', 'num-ten', 'digit-2']);
  });

  it('repeats 1..5 times, clamped', () => {
    const count = (repeat: number) =>
      composeAnnouncement({ ...base, repeat }).filter((id) => id === 'den-quay-so').length;
    expect([count(1), count(3), count(0), count(9)]).toEqual([1, 3, 1, 5]);
  });

  it('uses only recorded segments for the default settings', () => {
    const ids = composeAnnouncement({ ...DEFAULT_VOICE_SETTINGS, label: 'Đ1234', counter: 15 });
    expect(missingSegments(ids, recorded)).toEqual([]);
  });

  it('plays an edited template from recorded words, commas becoming short pauses', () => {
    const ids = composeAnnouncement({
      ...base,
      template: 'Kính mời ông bà có số thứ tự {số}, vui lòng đến quầy {quầy}.',
      repeat: 1,
      chime: false,
    });
    expect(ids).toEqual([
      'kinh-moi',
      'ong-ba',
      'co',
      'so-thu-tu',
      'letter-a',
      'digit-0',
      'digit-2',
      'digit-3',
      'pause-short',
      'vui-long',
      'den',
      'quay',
      'digit-2',
    ]);
    expect(missingSegments(ids, recorded)).toEqual([]);
  });

  it('reports phrases without a recording, never confusing "sổ" with "số"', () => {
    const ids = composeAnnouncement({
      ...base,
      template: 'Mời {so} tới quầy {quay}, xin giữ. Sổ!',
      repeat: 2,
    });
    expect(missingSegments(ids, recorded)).toEqual(['xin-giu', 'so-x']);
  });

  it('uses new recordings listed in the manifest', () => {
    const phrases = phraseIndex({ ...PHRASE_SEGMENTS, 'vui-long-cho': 'Vui lòng chờ' });
    const ids = composeAnnouncement({
      ...base,
      template: '{số} đến quầy {quầy}, vui lòng chờ',
      phrases,
      repeat: 1,
    });
    expect(ids.slice(-1)).toEqual(['vui-long-cho']);
  });

  it('reads numbers written in the template text', () => {
    const ids = composeAnnouncement({ ...base, template: 'Mời {số} đến phòng 105', chime: false, repeat: 1 });
    expect(ids.slice(-4)).toEqual(['digit-1', 'num-hundred', 'num-linh', 'digit-5']);
  });
});

describe('announcement text', () => {
  it('captions with the label as printed', () => {
    expect(announcementText(base)).toBe('Xin mời công dân có số thứ tự A023 đến quầy số 2');
  });

  it('spells the number out for speech synthesis, once per repetition', () => {
    const plan = describeAnnouncement({
      ...base,
      label: 'B105',
      counter: 12,
      reading: 'number',
      numberStyle: 'le',
    });
    expect(plan.speech).toEqual([
      'Xin mời công dân có số thứ tự bê, một trăm lẻ năm đến quầy số mười hai',
      'Xin mời công dân có số thứ tự bê, một trăm lẻ năm đến quầy số mười hai',
    ]);
    const digits = describeAnnouncement({ ...base, repeat: 1 });
    expect(digits.speech).toEqual(['Xin mời công dân có số thứ tự a, không, hai, ba đến quầy số hai']);
  });

  it('normalises decomposed (NFD) templates', () => {
    const nfd = DEFAULT_VOICE_TEMPLATE.normalize('NFD');
    expect(composeAnnouncement({ ...base, template: nfd })).toEqual(composeAnnouncement(base));
  });
});

describe('templateProblems', () => {
  it.each([
    [DEFAULT_VOICE_TEMPLATE, []],
    ['Mời {so} đến {counter}', []],
    ['Mời số {quầy}', ['NO_NUMBER_PLACEHOLDER']],
    ['Mời {số} đến {phòng}', ['NO_COUNTER_PLACEHOLDER', 'UNKNOWN_PLACEHOLDER']],
  ])('%s', (template, problems) => {
    expect(templateProblems(template)).toEqual(problems);
  });
});

describe('missingSegments', () => {
  it('lists each missing id once, in order', () => {
    expect(missingSegments(['a', 'b', 'a', 'c', 'b'], ['a'])).toEqual(['b', 'c']);
  });
});

describe('voice settings contract', () => {
  it('has one shape in the schema and in the domain', () => {
    expectTypeOf<VoiceSettings>().toEqualTypeOf<DomainVoiceSettings>();
  });

  it('defaults are valid and are what the schema fills in', () => {
    expect(Value.Check(VoiceSettingsSchema, DEFAULT_VOICE_SETTINGS)).toBe(true);
    expect(Value.Default(VoiceSettingsSchema, {})).toEqual(DEFAULT_VOICE_SETTINGS);
  });

  it('rejects unknown readings and repeats beyond 3', () => {
    expect(Value.Check(VoiceSettingsSchema, { ...DEFAULT_VOICE_SETTINGS, reading: 'words' })).toBe(false);
    expect(Value.Check(VoiceSettingsSchema, { ...DEFAULT_VOICE_SETTINGS, repeat: 4 })).toBe(false);
  });
});
