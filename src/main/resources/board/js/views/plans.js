// Asking for a plan, watching it solve, reading what it costs against the rule of thumb, publishing it; and the
// drafts that disruptions produced, with what they change.

import { t, term } from '../i18n.js';
import { act, badge, el, field, fill, repeat, showError, table } from '../ui.js';
import { addDays, dayAndClock, number, tonnes, yuan } from '../format.js';
import { DIFF_KINDS, diffCounts, diffRows, headline, solvingProgress } from '../plan-model.js';

export async function render(ctx, root, params) {
  const selectedId = Number(params.get('plan')) || ctx.plan?.id;
  const status = el('div');
  const detail = el('section', { class: 'plan-detail' });
  const list = el('section');
  root.replaceChildren(el('h2', {}, t('plans.title')), status,
    el('div', { class: 'columns' }, el('div', {}, ctx.canDispatch ? requestForm(ctx, status) : null, list), detail));
  await ctx.refreshPlans();
  drawList(ctx, list);
  if (selectedId) {
    await watch(ctx, detail, selectedId, async () => {
      await ctx.refreshPlans();
      drawList(ctx, list);
    });
  }
}

function requestForm(ctx, status) {
  const first = el('input', { type: 'date', required: true, value: ctx.plan?.firstDay || ctx.day, name: 'firstDay' });
  const days = el('input', { type: 'number', min: 1, max: 31, required: true, value: ctx.plan?.days || 12, name: 'days' });
  const strategy = el('select', { name: 'strategy' },
    ['PLANNER', 'GREEDY'].map(s => el('option', { value: s }, term('strategy', s))));
  const limit = el('input', { type: 'number', min: 1, max: 600, required: true, value: 30, name: 'timeLimitSeconds' });
  const submit = el('button', { type: 'submit' }, t('plans.request'));
  return el('form', {
    class: 'card', onsubmit: async e => {
      e.preventDefault();
      const plan = await act(submit, status, () => ctx.api.post('/api/v1/plans', {
        firstDay: first.value, days: Number(days.value), strategy: strategy.value, timeLimitSeconds: Number(limit.value),
      }));
      if (plan) {
        ctx.go('plans', { plan: plan.id });
      }
    },
  }, el('h3', {}, t('plans.new')), field(t('plans.firstDay'), first), field(t('plans.days'), days),
  field(t('plans.strategy'), strategy), field(t('plans.timeLimit'), limit), submit);
}

function drawList(ctx, list) {
  list.replaceChildren(table(t('plans.list'), [
    ['#', p => el('a', { href: `#plans?plan=${p.id}` }, `#${p.id}`)],
    [t('col.strategy'), p => term('strategy', p.strategy)],
    [t('col.state'), p => badge(term('state', p.state), p.state)],
    [t('col.publication'), p => badge(term('publication', p.publication), p.publication)],
    [t('col.horizon'), p => `${p.firstDay.slice(5)} – ${addDays(p.firstDay, p.days - 1).slice(5)}`],
    [t('col.revises'), p => (p.revises ? `#${p.revises}` : '—')],
    [t('col.created'), p => dayAndClock(p.createdAt)],
  ], ctx.plans));
}

const isSolving = plan => plan.state === 'QUEUED' || plan.state === 'SOLVING';

/**
 * Reads the plan every second while it is queued or solving. The panel is drawn anew only when the state
 * changes; in between only the progress line moves, so the stop button keeps its focus and its answer.
 */
async function watch(ctx, detail, id, finished) {
  let shown = null;
  await repeat(ctx.onLeave, async () => {
    try {
      const plan = await ctx.api.get(`/api/v1/plans/${id}`);
      if (plan.state === shown) {
        detail.querySelector('.solving')?.replaceWith(progressLine(plan));
      } else {
        const wasSolving = shown === 'QUEUED' || shown === 'SOLVING';
        shown = plan.state;
        drawPlan(ctx, detail, plan);
        if (ctx.plan?.id === id) {
          ctx.plan = plan;
        }
        if (wasSolving && !isSolving(plan)) {
          await finished();
        }
      }
      return isSolving(plan) ? 1000 : 0;
    } catch (error) {
      showError(detail, error);
      return 0;
    }
  });
}

function progressLine(plan) {
  return el('div', { class: 'solving' },
    el('progress', { max: 100, value: Math.round(solvingProgress(plan) * 100), 'aria-label': t('plans.progress') }),
    el('span', { class: 'live-figures' },
      t('plans.live', { cost: yuan(headline(plan).costYuan), seconds: number(plan.secondsSpent || 0, 1), limit: plan.timeLimitSeconds })));
}

function drawPlan(ctx, detail, plan) {
  const status = el('div');
  const figures = headline(plan);
  const actions = el('div', { class: 'actions' });
  if (ctx.canDispatch && isSolving(plan)) {
    const stop = el('button', { type: 'button', onclick: () => act(stop, status, () => ctx.api.post(`/api/v1/plans/${plan.id}/stop`)) }, t('plans.stop'));
    actions.append(stop);
  }
  if (ctx.canDispatch && plan.state === 'SOLVED' && plan.publication === 'DRAFT') {
    const publish = el('button', {
      type: 'button', class: 'primary', onclick: async () => {
        const published = await act(publish, status, () => ctx.api.post(`/api/v1/plans/${plan.id}/publish`));
        if (published) {
          ctx.selectPlan(published);
          await ctx.refreshPlans();
          ctx.go('plans', { plan: plan.id });
        }
      },
    }, t('plans.publish'));
    actions.append(publish);
  }
  if (plan.state === 'SOLVED') {
    actions.append(el('button', { type: 'button', onclick: () => { ctx.selectPlan(plan); ctx.go('timeline'); } }, t('plans.openTimeline')));
  }
  fill(detail,
    el('h3', { 'aria-live': 'polite' }, t('plans.plan', { id: plan.id }), ' ', badge(term('state', plan.state), plan.state), ' ',
      badge(term('publication', plan.publication), plan.publication)),
    el('p', {}, `${term('strategy', plan.strategy)} · ${plan.firstDay} + ${plan.days} ${t('unit.days')}`,
      plan.revises ? ` · ${t('plans.revises', { id: plan.revises })}` : ''),
    plan.state === 'FAILED' ? null : progressLine(plan),
    plan.failure ? el('p', { class: 'problem', role: 'alert' }, plan.failure) : null,
    actions, status,
    plan.outcome ? outcome(plan, figures) : null);
}

function outcome(plan, figures) {
  const o = plan.outcome;
  return el('div', { class: 'outcome' },
    el('div', { class: 'cards' },
      card(t('plans.cost'), yuan(figures.costYuan)),
      card(t('plans.lost'), tonnes(figures.lostKg)),
      card(t('plans.km'), `${number(figures.travelKm, 0)} km`),
      card(t('plans.saving'), figures.savedYuan == null ? '—' : `${yuan(figures.savedYuan)} · ${tonnes(figures.savedKg)}`,
        figures.thumbCostYuan == null ? '' : t('plans.thumb', { cost: yuan(figures.thumbCostYuan) })),
      card(t('plans.atRisk'), `${figures.atRisk} / ${figures.unassigned}`, t('plans.atRiskNote'))),
    o.ruleOfThumb?.summary ? el('p', { class: 'summary' }, o.ruleOfThumb.summary) : null,
    o.diff ? diff(o.diff) : null,
    o.violations?.length ? el('p', { class: 'problem' }, o.violations.map(v => `${v.rule} ${v.chunk || ''}: ${v.detail}`).join('; ')) : null,
    table(t('plans.riskTable'), [
      [t('col.field'), r => el('a', { href: `#timeline?field=${encodeURIComponent(r.fieldCode)}` }, r.fieldCode)],
      [t('col.mu'), r => number(r.areaMu, 1)],
      [t('col.reason'), r => r.reason],
    ], [...o.unassigned, ...o.atRisk].slice(0, 200)));
}

function diff(changes) {
  const counts = diffCounts(changes);
  return el('section', { class: 'diff' },
    el('h4', {}, t('plans.diff')),
    el('p', {}, [...DIFF_KINDS, 'unchanged']
      .map(kind => badge(`${t(`diff.${kind}`)} ${counts[kind]}`, `diff-${kind}`))),
    table(t('plans.diffTable'), [
      [t('col.change'), r => badge(t(`diff.${r.kind}`), `diff-${r.kind}`)],
      [t('col.job'), r => r.chunkId],
      [t('col.machine'), r => (r.fromMachine && r.toMachine && r.fromMachine !== r.toMachine
        ? `${r.fromMachine} → ${r.toMachine}` : r.toMachine || r.fromMachine || '—')],
      [t('col.start'), r => [r.fromStart && dayAndClock(r.fromStart), r.toStart && dayAndClock(r.toStart)].filter(Boolean).join(' → ')],
    ], diffRows(changes)));
}

function card(name, value, note = '') {
  return el('div', { class: 'card figure' }, el('span', { class: 'name' }, name), el('strong', {}, value),
    note ? el('small', {}, note) : null);
}
