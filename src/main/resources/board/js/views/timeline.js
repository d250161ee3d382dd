// One row per combine for the chosen day, jobs as bars, the communities' wet and drying-out hours shaded behind
// them; or one field's jobs over the plan's days. A bar opens the job: its details and its texts.

import { t, term } from '../i18n.js';
import { el, field, fieldCodeList, showError } from '../ui.js';
import { clock, number } from '../format.js';
import { bands, dayWindow, jobsByDay, machineRows, place } from '../timeline-model.js';
import { openJob } from './job.js';

export async function render(ctx, root, params) {
  if (!ctx.plan) {
    root.replaceChildren(el('h2', {}, t('timeline.title')), el('p', {}, t('plan.none')));
    return;
  }
  const fieldCode = params.get('field');
  const input = el('input', { type: 'search', value: fieldCode || '', placeholder: 'P000001', list: 'field-codes', size: 10 });
  const status = el('div');
  const form = el('form', {
    class: 'toolbar', onsubmit: e => {
      e.preventDefault();
      ctx.go('timeline', input.value.trim() ? { field: input.value.trim() } : {});
    },
  }, field(t('timeline.fieldView'), input), el('button', { type: 'submit' }, t('action.show')),
  fieldCode ? el('button', { type: 'button', onclick: () => ctx.go('timeline') }, t('timeline.allMachines')) : null);
  const body = el('div', { class: 'timeline' });
  root.replaceChildren(el('h2', {}, t('timeline.title'), ' ', el('small', {}, ctx.planLabel(), fieldCode ? ` · ${fieldCode}` : ` · ${ctx.day}`)),
    form, fieldCodeList(await ctx.ledger('fields')), status, legend(), body);
  try {
    if (fieldCode) {
      await renderField(ctx, body, fieldCode);
    } else {
      await renderDay(ctx, body);
    }
  } catch (error) {
    showError(status, error);
  }
}

async function renderDay(ctx, body) {
  const [assignments, fields, windows] = await Promise.all([
    ctx.assignments(ctx.plan.id), ctx.ledger('fields'),
    ctx.api.get(`/api/v1/weather/windows?from=${ctx.day}&to=${ctx.day}`),
  ]);
  const communityOf = new Map(fields.map(f => [f.code, f.communityCode]));
  const gapsOf = new Map(windows.map(w => [w.communityCode, w.gaps]));
  const { window, rows } = machineRows(assignments, ctx.day);
  if (!rows.length) {
    body.replaceChildren(el('p', {}, t('timeline.noWork', { day: ctx.day })));
    return;
  }
  body.replaceChildren(axis(window), ...rows.map(row => {
    const communities = new Set(row.bars.map(bar => communityOf.get(bar.job.fieldCode)));
    const shaded = [...communities].flatMap(c => bands(gapsOf.get(c) || [], ctx.day, window));
    return track(row.machine, shaded, row.bars, ctx);
  }));
}

async function renderField(ctx, body, code) {
  const [plan, fields] = await Promise.all([
    ctx.api.get(`/api/v1/plans/${ctx.plan.id}/fields/${encodeURIComponent(code)}`), ctx.ledger('fields'),
  ]);
  const community = fields.find(f => f.code === code)?.communityCode;
  const notes = [...plan.atRisk, ...plan.unassigned].map(risk => el('p', { class: 'warning' }, `⚠ ${risk.reason}`));
  const days = jobsByDay(plan.assignments);
  const windows = community && days.length
    ? await ctx.api.get(`/api/v1/weather/windows?community=${community}&from=${days[0].day}&to=${days[days.length - 1].day}`) : [];
  const gaps = windows[0]?.gaps || [];
  const rows = days.flatMap(({ day, jobs }) => {
    const window = dayWindow(jobs, day);
    return [axis(window, day), track(day, bands(gaps, day, window), jobs.map(job => ({ job, ...place(day, window, job.start, job.end) })), ctx)];
  });
  body.replaceChildren(el('p', {}, t('timeline.fieldSummary', { code, mu: number(plan.plannedMu, 1), jobs: plan.assignments.length })),
    ...notes, ...(rows.length ? rows : [el('p', {}, t('timeline.fieldNotPlanned'))]));
}

function axis(window, label = '') {
  const hours = [];
  for (let hour = window.from; hour <= window.to; hour += 1) {
    hours.push(el('span', { class: 'tick', style: `left:${((hour - window.from) / (window.to - window.from)) * 100}%` }, `${hour}`));
  }
  return el('div', { class: 'row axis', 'aria-hidden': 'true' }, el('div', { class: 'label' }, label), el('div', { class: 'track' }, hours));
}

function track(label, shaded, bars, ctx) {
  return el('div', { class: 'row', role: 'group', 'aria-label': label },
    el('div', { class: 'label' }, label),
    el('div', { class: 'track' },
      shaded.map(band => el('div', {
        class: `band ${band.reason}`, style: `left:${band.left}%;width:${band.width}%`,
        title: `${term('gap', band.reason)}${band.rainMm ? ` ${band.rainMm} mm` : ''}`,
      })),
      bars.map(({ job, left, width }) => el('button', {
        type: 'button', class: `bar status-${job.status}${job.pinned ? ' pinned' : ''}${job.needsReplan ? ' flagged' : ''}`,
        style: `left:${left}%;width:${width}%`,
        title: `${job.chunkId} · ${clock(job.start)}–${clock(job.end)} · ${number(job.areaMu, 1)} ${t('unit.mu')} → ${job.dryingSiteCode || '—'} · ${term('status', job.status)}`,
        dataset: { chunk: job.chunkId },
        onclick: () => openJob(ctx, job),
      }, job.pinned ? '◆' : '', job.needsReplan ? '⚑' : '', `${job.fieldCode} ${number(job.areaMu, 0)}${t('unit.mu')} →${job.dryingSiteCode || '—'}`))));
}

function legend() {
  return el('p', { class: 'timeline-legend' },
    el('span', { class: 'band-key WET' }), t('gap.WET'), ' ',
    el('span', { class: 'band-key DRY_OUT' }), t('gap.DRY_OUT'), ' ',
    '◆ ', t('timeline.pinned'), ' ', '⚑ ', t('timeline.flagged'));
}
