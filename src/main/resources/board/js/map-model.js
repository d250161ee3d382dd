// What the map draws, worked out apart from Leaflet: community outlines, each combine's route for a day,
// colours by status and the fields the plan leaves at risk.

import { districtDay } from './format.js';

export const STATUS_COLOURS = {
  REGISTERED: '#9e9e9e', SCHEDULED: '#1e88e5', HARVESTING: '#fb8c00', HARVESTED: '#43a047',
  DRYING: '#fdd835', STORED: '#2e7d32', SOWN: '#00897b',
};

const ROUTE_COLOURS = ['#d81b60', '#3949ab', '#00897b', '#f4511e', '#6d4c41', '#8e24aa', '#039be5', '#7cb342',
  '#c0ca33', '#5e35b1', '#e53935', '#00acc1', '#fb8c00', '#546e7a', '#43a047'];

function routeColour(index) {
  return ROUTE_COLOURS[index % ROUTE_COLOURS.length];
}

/** The convex hull of [lat, lon] points (Andrew's monotone chain), counter-clockwise, without repeats. */
export function convexHull(points) {
  const sorted = [...new Map(points.map(p => [p.join(','), p])).values()]
    .sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  if (sorted.length < 3) {
    return sorted;
  }
  const cross = (o, a, b) => (a[1] - o[1]) * (b[0] - o[0]) - (a[0] - o[0]) * (b[1] - o[1]);
  const half = list => {
    const hull = [];
    for (const p of list) {
      while (hull.length >= 2 && cross(hull[hull.length - 2], hull[hull.length - 1], p) <= 0) {
        hull.pop();
      }
      hull.push(p);
    }
    hull.pop();
    return hull;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

/** Each community's outline: the hull around its fields. */
export function communityOutlines(fields) {
  const byCommunity = new Map();
  for (const field of fields) {
    byCommunity.set(field.communityCode, [...(byCommunity.get(field.communityCode) || []), [field.lat, field.lon]]);
  }
  return [...byCommunity.entries()].map(([community, points]) => ({ community, outline: convexHull(points) }));
}

/**
 * Each combine's route on {@code day}: from its base through the fields of the jobs starting that day, in the
 * plan's sequence. Failed and cancelled jobs are not driven to.
 */
export function routesOn(assignments, machines, fields, day) {
  const machineByCode = new Map(machines.map(m => [m.code, m]));
  const fieldByCode = new Map(fields.map(f => [f.code, f]));
  const byMachine = new Map();
  for (const job of assignments) {
    if (districtDay(job.start) !== day || job.status === 'CANCELLED' || job.status === 'FAILED') {
      continue;
    }
    byMachine.set(job.machineCode, [...(byMachine.get(job.machineCode) || []), job]);
  }
  return [...byMachine.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, jobs], index) => {
    const machine = machineByCode.get(code);
    const stops = jobs.sort((a, b) => a.sequence - b.sequence)
      .map(job => fieldByCode.get(job.fieldCode)).filter(Boolean).map(f => [f.lat, f.lon]);
    const start = machine ? [[machine.baseLat, machine.baseLon]] : [];
    return { machine: code, colour: routeColour(index), jobs, points: [...start, ...stops] };
  });
}

/** Field code → why the plan leaves it at risk or unassigned. */
export function risks(plan) {
  const outcome = plan?.outcome;
  const reasons = new Map();
  for (const risk of [...(outcome?.atRisk || []), ...(outcome?.unassigned || [])]) {
    reasons.set(risk.fieldCode, risk.reason);
  }
  return reasons;
}
