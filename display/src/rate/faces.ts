/**
 * How each level of a scale looks on the tablet: a colour and a face from happy to sad. Pure.
 * Levels run 1 = best … n = worst; the look depends on the level's place in a scale of n levels.
 */
export interface LevelLook {
  /** button background */
  bg: string;
  /** text on it (contrast ≥ 4.5:1 with the background) */
  fg: string;
  /** -1 (sad) … 1 (happy): the mouth's curve */
  mood: number;
}

const GREEN = { bg: '#1b5e20', fg: '#ffffff' };
const LIGHT_GREEN = { bg: '#33691e', fg: '#ffffff' };
const AMBER = { bg: '#ffc107', fg: '#3e2723' };
const ORANGE = { bg: '#bf360c', fg: '#ffffff' };
const RED = { bg: '#b71c1c', fg: '#ffffff' };

const LOOKS: Record<number, LevelLook[]> = {
  2: [
    { ...GREEN, mood: 1 },
    { ...RED, mood: -1 },
  ],
  3: [
    { ...GREEN, mood: 1 },
    { ...LIGHT_GREEN, mood: 0.55 },
    { ...RED, mood: -1 },
  ],
  4: [
    { ...GREEN, mood: 1 },
    { ...LIGHT_GREEN, mood: 0.55 },
    { ...AMBER, mood: 0 },
    { ...RED, mood: -1 },
  ],
  5: [
    { ...GREEN, mood: 1 },
    { ...LIGHT_GREEN, mood: 0.55 },
    { ...AMBER, mood: 0 },
    { ...ORANGE, mood: -0.55 },
    { ...RED, mood: -1 },
  ],
};

export function levelLook(level: number, levels: number): LevelLook {
  const set = LOOKS[Math.min(5, Math.max(2, levels))] ?? LOOKS[4]!;
  return set[Math.min(set.length, Math.max(1, level)) - 1]!;
}

/** SVG path of the mouth in a 100×100 face: a curve whose bend follows the mood. */
export function mouthPath(mood: number): string {
  const y = 66 - mood * 4;
  const bend = y + mood * 18;
  return `M30 ${y} Q50 ${bend} 70 ${y}`;
}
