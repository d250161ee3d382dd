import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seasonSeries } from '../../main/resources/board/js/views/report.js';

test('each day of the plan has what was reported (nothing yet after the day shown) beside what the plan expected', () => {
  const days = ['2023-05-28', '2023-05-29', '2023-05-30'];
  const daily = [{ date: '2023-05-28', district: { harvestedTodayMu: 10.5, percentComplete: 0.1, dryingIntakeTonnes: 4, dryingCapacityTonnes: 461, tonnesWaiting: 0 } }];
  const plan = { outcome: { metrics: {
    muPerDay: [{ day: '2023-05-28', mu: 1180 }, { day: '2023-05-30', mu: 401 }],
    dryingQueues: [{ site: 'D001', days: [{ day: '2023-05-28', arrivingTonnes: 100.04, capacityTonnes: 73 }, { day: '2023-05-30', arrivingTonnes: 0, capacityTonnes: 73 }] },
      { site: 'D002', days: [{ day: '2023-05-28', arrivingTonnes: 20, capacityTonnes: 86 }] }],
  } } };
  const season = seasonSeries(days, daily, plan);
  assert.deepEqual(season.labels, ['05-28', '05-29', '05-30']);
  assert.deepEqual(season.harvested, [10.5, null, null]);
  assert.deepEqual(season.plannedMu, [1180, 0, 401]);
  assert.deepEqual(season.plannedArriving, [120, 0, 0]);
  assert.deepEqual(season.capacity, [461, null, 73]);
});
