import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffCounts, diffRows, headline, preferredPlan, solvingProgress } from '../../main/resources/board/js/plan-model.js';

test('progress is the share of the time limit spent, full once solved', () => {
  assert.equal(solvingProgress({ state: 'SOLVING', secondsSpent: 5, timeLimitSeconds: 20 }), 0.25);
  assert.equal(solvingProgress({ state: 'SOLVING', secondsSpent: 25, timeLimitSeconds: 20 }), 1);
  assert.equal(solvingProgress({ state: 'SOLVED', secondsSpent: 3, timeLimitSeconds: 20 }), 1);
});

test('while solving the cost comes from the best score; once solved from the outcome', () => {
  assert.equal(headline({ bestScore: '0hard/-100000soft' }).costYuan, 1000);
  const solved = headline({ bestScore: '0hard/-1soft', outcome: { metrics: { costYuan: 5, lossKg: { total: 7 } }, ruleOfThumb: { savedYuan: 3 }, atRisk: [{}], unassigned: [] } });
  assert.deepEqual([solved.costYuan, solved.lostKg, solved.savedYuan, solved.atRisk], [5, 7, 3, 1]);
});

test('a draft\'s changes become rows in the order added, moved, rescheduled, cancelled', () => {
  const diff = { cancelled: [{ chunkId: 'C' }], added: [{ chunkId: 'A' }], moved: [{ chunkId: 'M' }], rescheduled: [], unchanged: 9 };
  assert.deepEqual(diffRows(diff).map(r => `${r.kind}:${r.chunkId}`), ['added:A', 'moved:M', 'cancelled:C']);
  assert.deepEqual(diffCounts(diff), { added: 1, moved: 1, rescheduled: 0, cancelled: 1, unchanged: 9 });
  assert.deepEqual(diffRows(undefined), []);
});

test('the plan shown first is the one solving, else the published one, else the newest', () => {
  const plans = [{ id: 3, state: 'SOLVED', publication: 'DRAFT' }, { id: 2, state: 'SOLVED', publication: 'PUBLISHED' }];
  assert.equal(preferredPlan(plans).id, 2);
  assert.equal(preferredPlan([{ id: 4, state: 'SOLVING', publication: 'DRAFT' }, ...plans]).id, 4);
  assert.equal(preferredPlan([plans[0]]).id, 3);
});
