// How the board writes numbers and times: district time (UTC+8, the service's own zone) whatever the
// browser's zone, tonnes for grain, yuan without fen.

export const ZONE = 'Asia/Shanghai';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function districtParts(instant) {
  const read = Object.fromEntries(parts.formatToParts(new Date(instant)).map(p => [p.type, p.value]));
  return { day: `${read.year}-${read.month}-${read.day}`, hour: Number(read.hour), minute: Number(read.minute) };
}

/** The district's calendar day of an instant, as 2023-05-30. */
export function districtDay(instant) {
  return districtParts(instant).day;
}

/** Hours since the district's midnight of {@code day} (negative before it, over 24 after it). */
export function hoursInto(day, instant) {
  return (new Date(instant).getTime() - new Date(`${day}T00:00:00+08:00`).getTime()) / 3_600_000;
}

/** 06:45 in district time. */
export function clock(instant) {
  const { hour, minute } = districtParts(instant);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** 05-30 06:45 in district time. */
export function dayAndClock(instant) {
  return `${districtDay(instant).slice(5)} ${clock(instant)}`;
}

export function addDays(day, count) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** The days of a horizon, first to last. */
export function daysOf(firstDay, count) {
  return Array.from({ length: count }, (_, i) => addDays(firstDay, i));
}

/** The day to show first: today when the plan covers it, else the plan's first day. */
export function dayInHorizon(today, plan) {
  if (!plan) {
    return today;
  }
  const last = addDays(plan.firstDay, plan.days - 1);
  return today >= plan.firstDay && today <= last ? today : plan.firstDay;
}

/** Grouped by thousands with a decimal point, as both Chinese and English readers write figures. */
export function number(value, digits = 0) {
  return value == null ? '—' : Number(value).toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function yuan(value) {
  return value == null ? '—' : `¥${number(value, 0)}`;
}

export function tonnes(kg) {
  return kg == null ? '—' : `${number(kg / 1000, 1)} t`;
}

/** "-23833647soft" → 238336.47 yuan: the planner scores in fen. */
export function scoreYuan(score) {
  const soft = /(-?\d+)soft/.exec(score || '');
  return soft ? -Number(soft[1]) / 100 : null;
}

