import { test } from 'node:test';
import assert from 'node:assert/strict';
import { communityOutlines, convexHull, risks, routesOn } from '../../main/resources/board/js/map-model.js';

test('the hull keeps the corners and drops the points inside', () => {
  const hull = convexHull([[0, 0], [0, 2], [2, 2], [2, 0], [1, 1], [1, 1]]);
  assert.equal(hull.length, 4);
  assert.ok(!hull.some(([a, b]) => a === 1 && b === 1));
  assert.deepEqual(convexHull([[1, 1], [1, 1]]), [[1, 1]]);
});

test('each community gets the outline of its own fields', () => {
  const fields = [[0, 0], [0, 1], [1, 0], [1, 1]].map(([lat, lon], i) => ({ communityCode: 'A', lat, lon, code: `P${i}` }))
    .concat([{ communityCode: 'B', lat: 5, lon: 5, code: 'Q' }]);
  const outlines = communityOutlines(fields);
  assert.deepEqual(outlines.map(o => [o.community, o.outline.length]), [['A', 4], ['B', 1]]);
});

test('a route starts at the combine\'s base and follows the plan\'s sequence that day, skipping failed work', () => {
  const machines = [{ code: 'M1', baseLat: 9, baseLon: 9 }];
  const fields = [{ code: 'P1', lat: 1, lon: 1 }, { code: 'P2', lat: 2, lon: 2 }, { code: 'P3', lat: 3, lon: 3 }];
  const assignments = [
    { machineCode: 'M1', fieldCode: 'P2', sequence: 2, start: '2023-05-29T09:00:00+08:00', status: 'PLANNED' },
    { machineCode: 'M1', fieldCode: 'P1', sequence: 1, start: '2023-05-29T06:00:00+08:00', status: 'DONE' },
    { machineCode: 'M1', fieldCode: 'P3', sequence: 3, start: '2023-05-29T12:00:00+08:00', status: 'FAILED' },
    { machineCode: 'M1', fieldCode: 'P3', sequence: 4, start: '2023-05-30T06:00:00+08:00', status: 'PLANNED' },
  ];
  const [route] = routesOn(assignments, machines, fields, '2023-05-29');
  assert.deepEqual(route.points, [[9, 9], [1, 1], [2, 2]]);
});

test('fields at risk and unassigned fields carry the plan\'s reason', () => {
  const reasons = risks({ outcome: { atRisk: [{ fieldCode: 'P1', reason: 'stands ripe' }], unassigned: [{ fieldCode: 'P2', reason: 'no combine' }] } });
  assert.equal(reasons.get('P1'), 'stands ripe');
  assert.equal(reasons.get('P2'), 'no combine');
  assert.equal(risks(null).size, 0);
});
