// Where the timeline draws things: hours of one district day mapped onto a row's width.

import { districtDay, hoursInto } from './format.js';

const SHADED = new Set(['WET', 'DRY_OUT']);

/** The hours a day's view spans: 05–22 at least, wider when work starts earlier or ends later. */
export function dayWindow(jobs, day) {
  let from = 5;
  let to = 22;
  for (const job of jobs) {
    from = Math.min(from, Math.floor(Math.max(0, hoursInto(day, job.start))));
    to = Math.max(to, Math.ceil(Math.min(24, hoursInto(day, job.end))));
  }
  return { from, to };
}

/** Left and width in percent of the window for the span start–end, clipped to it; null when outside. */
export function place(day, window, start, end) {
  const span = window.to - window.from;
  const left = Math.max(hoursInto(day, start), window.from);
  const right = Math.min(hoursInto(day, end), window.to);
  if (right <= left) {
    return null;
  }
  return { left: ((left - window.from) / span) * 100, width: ((right - left) / span) * 100 };
}

/** The jobs touching {@code day}: those that start, end or run through it. */
export function jobsOn(assignments, day) {
  return assignments.filter(a => hoursInto(day, a.end) > 0 && hoursInto(day, a.start) < 24);
}

/** One row per combine with work that day, by code, each job placed; the window they share. */
export function machineRows(assignments, day) {
  const jobs = jobsOn(assignments, day);
  const window = dayWindow(jobs, day);
  const rows = new Map();
  for (const job of [...jobs].sort((a, b) => a.start.localeCompare(b.start))) {
    if (!rows.has(job.machineCode)) {
      rows.set(job.machineCode, []);
    }
    rows.get(job.machineCode).push({ job, ...place(day, window, job.start, job.end) });
  }
  return {
    window,
    rows: [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([machine, bars]) => ({ machine, bars })),
  };
}

/** The wet and drying-out spells of the given communities' gaps that fall inside the window. */
export function bands(gaps, day, window) {
  return gaps.filter(gap => SHADED.has(gap.reason))
    .map(gap => ({ reason: gap.reason, rainMm: gap.rainMm, ...place(day, window, gap.start, gap.end) }))
    .filter(band => band.width != null);
}

/** A field's jobs grouped by the district day they start on, days in order. */
export function jobsByDay(assignments) {
  const days = new Map();
  for (const job of [...assignments].sort((a, b) => a.start.localeCompare(b.start))) {
    const day = districtDay(job.start);
    days.set(day, [...(days.get(day) || []), job]);
  }
  return [...days.entries()].map(([day, jobs]) => ({ day, jobs }));
}
