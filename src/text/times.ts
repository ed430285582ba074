/**
 * Clock times become class tokens so lexicons can say "at night" without
 * listing every time. Night (20:00-05:59) is when the night-time economy runs;
 * day (07:00-18:59) marks a pub named only as a daytime landmark.
 */
export const NIGHT_TIME = '<night_time>';
export const DAY_TIME = '<day_time>';
export const OTHER_TIME = '<time>';

/** Matches "02:30", "2.30am", "23:45hrs", "0230hrs", "2am", "11 pm". */
export const TIME_PATTERN = String.raw`(?<![£$\d.,])(?:\d{1,2}[:.]\d{2}\s?(?:[ap]\.?m\.?|hrs|hours)?|\d{4}\s?(?:hrs|hours)|\d{1,2}\s?[ap]\.?m\.?)(?![\d.,]?\d)`;

export function classifyTime(raw: string): string {
  const s = raw.toLowerCase().replace(/\s+/g, '');
  const meridiem = /p\.?m/.test(s) ? 'pm' : /a\.?m/.test(s) ? 'am' : null;
  const digits = s.match(/^(\d{1,2})[:.]?(\d{2})?/);
  if (!digits || !digits[1]) return OTHER_TIME;
  let hour: number;
  let minutes = digits[2] ? Number(digits[2]) : 0;
  if (/^\d{4}/.test(s)) {
    hour = Number(s.slice(0, 2));
    minutes = Number(s.slice(2, 4));
  } else {
    hour = Number(digits[1]);
  }
  if (hour > 23 || minutes > 59) return OTHER_TIME;
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  // "2:30" with no am/pm and no leading zero could be either half of the day.
  if (!meridiem && hour < 10 && !/^0/.test(s) && !/^\d{4}/.test(s)) return OTHER_TIME;
  if (hour >= 20 || hour < 6) return NIGHT_TIME;
  if (hour >= 7 && hour < 19) return DAY_TIME;
  return OTHER_TIME;
}
