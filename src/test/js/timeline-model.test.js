import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bands, dayWindow, jobsByDay, jobsOn, machineRows, place } from '../../main/resources/board/js/timeline-model.js';

const job = (machineCode, fieldCode, start, end, extra = {}) => ({ machineCode, fieldCode, chunkId: fieldCode, start, end, ...extra });
const DAY = '2023-05-29';

test('the window is 05–22 unless work starts earlier or ends later', () => {
  assert.deepEqual(dayWindow([], DAY), { from: 5, to: 22 });
  assert.deepEqual(dayWindow([job('M1', 'P1', '2023-05-29T04:30:00+08:00', '2023-05-29T23:10:00+08:00')], DAY), { from: 4, to: 24 });
});

test('a span is placed in percent of the window and clipped to it', () => {
  const window = { from: 6, to: 22 };
  assert.deepEqual(place(DAY, window, '2023-05-29T06:00:00+08:00', '2023-05-29T14:00:00+08:00'), { left: 0, width: 50 });
  assert.deepEqual(place(DAY, window, '2023-05-28T20:00:00+08:00', '2023-05-29T10:00:00+08:00'), { left: 0, width: 25 });
  assert.equal(place(DAY, window, '2023-05-29T22:30:00+08:00', '2023-05-29T23:00:00+08:00'), null);
});

test('one row per combine by code, jobs in time order, only the jobs touching the day', () => {
  const jobs = [
    job('M2', 'P3', '2023-05-29T10:00:00+08:00', '2023-05-29T12:00:00+08:00'),
    job('M1', 'P2', '2023-05-29T13:00:00+08:00', '2023-05-29T14:00:00+08:00'),
    job('M1', 'P1', '2023-05-29T06:00:00+08:00', '2023-05-29T08:00:00+08:00'),
    job('M1', 'P9', '2023-05-30T06:00:00+08:00', '2023-05-30T08:00:00+08:00'),
  ];
  const { rows } = machineRows(jobs, DAY);
  assert.deepEqual(rows.map(r => r.machine), ['M1', 'M2']);
  assert.deepEqual(rows[0].bars.map(b => b.job.fieldCode), ['P1', 'P2']);
  assert.equal(jobsOn(jobs, '2023-05-30').length, 1);
});

test('only wet and drying-out spells are shaded', () => {
  const gaps = [
    { start: '2023-05-29T00:00:00+08:00', end: '2023-05-29T06:00:00+08:00', reason: 'NIGHT' },
    { start: '2023-05-29T15:00:00+08:00', end: '2023-05-29T20:00:00+08:00', reason: 'WET', rainMm: 11.7 },
    { start: '2023-05-29T20:00:00+08:00', end: '2023-05-30T04:00:00+08:00', reason: 'DRY_OUT' },
  ];
  const shaded = bands(gaps, DAY, { from: 5, to: 22 });
  assert.deepEqual(shaded.map(b => b.reason), ['WET', 'DRY_OUT']);
  assert.equal(shaded[1].left + shaded[1].width, 100);
});

test('a field\'s jobs are grouped by the district day they start on', () => {
  const grouped = jobsByDay([
    job('M1', 'P1#2', '2023-05-30T06:00:00+08:00', '2023-05-30T08:00:00+08:00'),
    job('M1', 'P1#1', '2023-05-29T18:00:00+08:00', '2023-05-29T20:00:00+08:00'),
  ]);
  assert.deepEqual(grouped.map(g => g.day), ['2023-05-29', '2023-05-30']);
});
