// Reading a plan for the dispatcher: its headline figures, its progress while solving, a draft's changes as rows.

import { scoreYuan } from './format.js';

/** How far a solving plan is through its time limit, 0–1. */
export function solvingProgress(plan) {
  if (plan.state === 'SOLVED' || plan.state === 'FAILED') {
    return 1;
  }
  return Math.min(1, (plan.secondsSpent || 0) / (plan.timeLimitSeconds || 1));
}

/** The figures the meeting asks for first. */
export function headline(plan) {
  const metrics = plan.outcome?.metrics;
  const thumb = plan.outcome?.ruleOfThumb;
  return {
    costYuan: metrics?.costYuan ?? scoreYuan(plan.bestScore),
    lostKg: metrics?.lossKg?.total,
    travelKm: metrics?.travelKm,
    harvestedMu: metrics?.harvestedMu,
    savedYuan: thumb?.savedYuan,
    savedKg: thumb?.savedKg,
    thumbCostYuan: thumb?.costYuan,
    atRisk: (plan.outcome?.atRisk || []).length,
    unassigned: (plan.outcome?.unassigned || []).length,
  };
}

export const DIFF_KINDS = ['added', 'moved', 'rescheduled', 'cancelled'];

/** A draft's changes as one row each, in the order added, moved, rescheduled, cancelled. */
export function diffRows(diff) {
  if (!diff) {
    return [];
  }
  return DIFF_KINDS.flatMap(kind => (diff[kind] || []).map(change => ({ kind, ...change })));
}

/** Counts per kind, plus the jobs left as they were. */
export function diffCounts(diff) {
  const counts = Object.fromEntries(DIFF_KINDS.map(kind => [kind, (diff?.[kind] || []).length]));
  return { ...counts, unchanged: diff?.unchanged ?? 0 };
}

/** The plan to show first: the one solving, else the published one, else the newest. */
export function preferredPlan(plans) {
  return plans.find(p => p.state === 'SOLVING' || p.state === 'QUEUED')
    || plans.find(p => p.publication === 'PUBLISHED')
    || plans[0];
}
