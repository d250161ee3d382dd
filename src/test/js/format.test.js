import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, clock, dayInHorizon, districtDay, hoursInto, scoreYuan, tonnes, yuan } from '../../main/resources/board/js/format.js';

test('times read in district time whatever the zone they were written in', () => {
  assert.equal(districtDay('2023-05-28T17:30:00Z'), '2023-05-29');
  assert.equal(clock('2023-05-28T17:30:00Z'), '01:30');
  assert.equal(hoursInto('2023-05-29', '2023-05-29T06:30:00+08:00'), 6.5);
  assert.equal(hoursInto('2023-05-29', '2023-05-28T22:00:00+08:00'), -2);
});

test('days count across month ends', () => {
  assert.equal(addDays('2023-05-31', 1), '2023-06-01');
  assert.equal(addDays('2023-06-01', -1), '2023-05-31');
});

test('the first day shown is today inside the plan, else the plan\'s first day', () => {
  const plan = { firstDay: '2023-05-28', days: 12 };
  assert.equal(dayInHorizon('2023-06-01', plan), '2023-06-01');
  assert.equal(dayInHorizon('2023-06-08', plan), '2023-06-08');
  assert.equal(dayInHorizon('2023-06-09', plan), '2023-05-28');
  assert.equal(dayInHorizon('2026-12-01', null), '2026-12-01');
});

test('the planner scores in fen; the board shows yuan and tonnes', () => {
  assert.equal(scoreYuan('0hard/-23833647soft'), 238336.47);
  assert.equal(scoreYuan(undefined), null);
  assert.equal(yuan(234184), '¥234,184');
  assert.equal(tonnes(94581.54), '94.6 t');
});
