// The day's desk: the published plan's jobs for the day as a status board with the calls the field makes
// (start, progress, finish, breakdown, not ready), the disruptions and their drafts, the texts that need a
// person, and broadcasts previewed before they go.

import { t, term } from '../i18n.js';
import { act, badge, el, field, fill, repeat, showError, table } from '../ui.js';
import { clock, dayAndClock, number } from '../format.js';
import { jobsOn } from '../timeline-model.js';
import { openJob } from './job.js';

const COLUMNS = [['PLANNED', 'NOTIFIED'], ['CONFIRMED'], ['IN_PROGRESS'], ['DONE'], ['FAILED', 'CANCELLED']];
/** Texts that will not arrive: someone has to phone. */
const UNDELIVERED = ['FAILED', 'UNDELIVERED', 'EXPIRED'];

export async function render(ctx, root) {
  const status = el('div');
  const board = el('section', { class: 'status-board', 'aria-label': t('day.board') });
  const live = el('div');
  const communities = await ctx.ledger('communities');
  root.replaceChildren(el('h2', {}, t('day.title'), ' ', el('small', {}, ctx.planLabel(), ' · ', ctx.day)), status,
    el('div', { class: 'columns wide-left' }, board,
      el('div', { class: 'day-side' }, live, ctx.canDispatch ? broadcast(ctx, communities) : '')));
  // The desk stays open all day: it reads itself again every half minute, and every two seconds while a
  // disruption still waits for its draft; the board not while the dispatcher's hands are on it (a control in it
  // has the focus).
  const redraw = async (timed = false) => {
    try {
      const busy = timed && board.contains(document.activeElement);
      const [, waiting] = await Promise.all([busy ? null : drawBoard(ctx, board, status, redraw), drawSide(ctx, live)]);
      return waiting ? 2000 : 30000;
    } catch (error) {
      showError(status, error);
      return 30000;
    }
  };
  await repeat(ctx.onLeave, () => redraw(true));
}

async function drawBoard(ctx, board, status, redraw) {
  const published = (await ctx.api.get('/api/v1/plans?publication=PUBLISHED&size=1')).items[0];
  if (!published) {
    board.replaceChildren(el('p', {}, t('day.noPublished')));
    return;
  }
  const jobs = jobsOn(await ctx.assignments(published.id, true), ctx.day).sort((a, b) => a.start.localeCompare(b.start));
  board.replaceChildren(el('h3', {}, t('day.board'), ' ', el('small', {}, t('plans.plan', { id: published.id }))),
    el('div', { class: 'lanes' }, COLUMNS.map(statuses => {
      const lane = jobs.filter(job => statuses.includes(job.status));
      return el('section', { class: 'lane', 'aria-label': statuses.map(s => term('status', s)).join(' / ') },
        el('h4', {}, statuses.map(s => term('status', s)).join(' / '), ' ', badge(String(lane.length))),
        lane.map(job => card(ctx, published, job, status, redraw)));
    })));
}

function card(ctx, plan, job, status, redraw) {
  const path = `/api/v1/plans/${plan.id}/assignments/${encodeURIComponent(job.chunkId)}`;
  // After the call the board is drawn anew; the focus goes back to the job it was on.
  const call = (button, request) => act(button, status, async () => {
    await request();
    await redraw();
    document.querySelector(`.job-card[data-chunk="${CSS.escape(job.chunkId)}"] button`)?.focus();
  });
  const button = (label, request, kind = '') => {
    const b = el('button', { type: 'button', class: kind, onclick: () => call(b, request) }, label);
    return b;
  };
  const actions = [];
  if (ctx.canDispatch) {
    if (['PLANNED', 'NOTIFIED'].includes(job.status)) {
      actions.push(button(t('day.confirm'), () => ctx.api.post(`${path}/status`, { status: 'CONFIRMED' })));
    }
    if (['PLANNED', 'NOTIFIED', 'CONFIRMED'].includes(job.status)) {
      actions.push(button(t('day.start'), () => ctx.api.post(`${path}/status`, { status: 'IN_PROGRESS' })));
      actions.push(button(t('day.notReady'), () => ctx.api.post('/api/v1/disruptions/not-ready', { fieldCode: job.fieldCode }), 'warn'));
    }
    if (job.status === 'IN_PROGRESS') {
      actions.push(progressForm(job, (submit, mu) => call(submit, () => ctx.api.post(`${path}/progress`, { doneMu: mu }))));
      actions.push(finishForm(job, (submit, mu, tonnes) => call(submit, () => ctx.api.post(`${path}/finish`, { actualMu: mu, tonnes }))));
    }
    if (['PLANNED', 'NOTIFIED', 'CONFIRMED', 'IN_PROGRESS'].includes(job.status)) {
      actions.push(button(t('day.breakdown'), () => ctx.api.post(`${path}/breakdown`), 'danger'));
    }
  }
  return el('article', { class: `job-card status-${job.status}${job.needsReplan ? ' flagged' : ''}`, dataset: { chunk: job.chunkId } },
    el('button', { type: 'button', class: 'link', onclick: () => openJob(ctx, job, plan.id) },
      `${clock(job.start)} ${job.machineCode} · ${job.fieldCode}`),
    el('p', {}, `${number(job.areaMu, 1)} ${t('unit.mu')} → ${job.dryingSiteCode || '—'}`,
      job.doneMu ? ` · ${t('day.doneMu', { mu: number(job.doneMu, 1) })}` : '', job.needsReplan ? ' · ⚑' : '', job.pinned ? ' · ◆' : ''),
    actions.length ? el('div', { class: 'actions' }, actions) : null);
}

function progressForm(job, send) {
  const mu = el('input', { type: 'number', step: '0.1', min: 0, max: job.areaMu, value: job.doneMu || '', required: true });
  const submit = el('button', { type: 'submit' }, t('day.progress'));
  return el('form', { class: 'inline', onsubmit: e => { e.preventDefault(); send(submit, Number(mu.value)); } },
    field(t('day.doneSoFar'), mu), submit);
}

function finishForm(job, send) {
  const mu = el('input', { type: 'number', step: '0.1', min: 0, value: job.areaMu, required: true });
  const tonnes = el('input', { type: 'number', step: '0.1', min: 0, value: (job.yieldKg / 1000).toFixed(1), required: true });
  const submit = el('button', { type: 'submit', class: 'primary' }, t('day.finish'));
  return el('form', { class: 'inline', onsubmit: e => { e.preventDefault(); send(submit, Number(mu.value), Number(tonnes.value)); } },
    field(t('col.mu'), mu), field(t('col.tonnes'), tonnes), submit);
}

async function drawSide(ctx, side) {
  const [disruptions, inbound, ...undelivered] = await Promise.all([
    ctx.api.get('/api/v1/disruptions?size=10'),
    ctx.api.get('/api/v1/sms/inbound?needsAttention=true&size=10'),
    ...UNDELIVERED.map(state => ctx.api.get(`/api/v1/sms/messages?status=${state}&size=10`)),
  ]);
  const failed = { items: undelivered.flatMap(page => page.items).sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 10) };
  fill(side,
    table(t('day.disruptions'), [
      [t('col.time'), d => dayAndClock(d.at)],
      [t('col.kind'), d => badge(term('disruption', d.kind), d.kind)],
      [t('col.subject'), d => `${d.subject || ''} ${d.detail}`],
      [t('col.draft'), d => (d.draftPlanId
        ? el('a', { href: `#plans?plan=${d.draftPlanId}` }, t('day.openDraft', { id: d.draftPlanId }))
        : d.draftProblem || t('day.draftComing'))],
    ], disruptions.items),
    table(t('day.failedTexts'), [
      [t('col.time'), m => dayAndClock(m.createdAt)],
      [t('col.to'), m => m.phone],
      [t('col.reason'), m => `${term('sms', m.status)} ${m.errorCode || ''} ${m.errorMessage || ''}`],
    ], failed.items),
    table(t('day.replies'), [
      [t('col.time'), m => dayAndClock(m.receivedAt)],
      [t('col.from'), m => m.phone],
      [t('col.body'), m => m.body],
      [t('col.action'), m => `${term('intent', m.intent)} · ${m.action}`],
    ], inbound.items));
  return disruptions.items.some(d => d.draftPlanId == null && !d.draftProblem);
}

/** Preview first: the send button waits for a preview of exactly what will go. */
function broadcast(ctx, communities) {
  const status = el('div');
  const result = el('div', { 'aria-live': 'polite' });
  const audience = el('select', { name: 'audience' }, ['COMMUNITY', 'OPERATORS', 'TEAM_LEADERS']
    .map(a => el('option', { value: a }, term('audience', a))));
  const community = el('select', { name: 'community' }, communities.map(c => el('option', { value: c.code }, `${c.name} (${c.code})`)));
  const body = el('textarea', { name: 'body', rows: 3, required: true, maxlength: 600 });
  const urgent = el('input', { type: 'checkbox', name: 'urgent' });
  const preview = el('button', { type: 'submit' }, t('day.preview'));
  const send = el('button', { type: 'button', class: 'primary', disabled: true }, t('day.send'));
  let previewed = null;
  let edits = 0;
  const message = () => ({
    audience: audience.value, community: audience.value === 'COMMUNITY' ? community.value : undefined,
    body: body.value, urgent: urgent.checked,
  });
  const changed = () => { send.disabled = true; previewed = null; edits += 1; };
  for (const control of [audience, community, body, urgent]) {
    control.addEventListener('input', changed);
  }
  audience.addEventListener('change', () => { community.disabled = audience.value !== 'COMMUNITY'; });
  send.addEventListener('click', async () => {
    const sent = await act(send, status, () => ctx.api.post('/api/v1/sms/broadcasts', previewed));
    if (sent) {
      result.replaceChildren(el('p', { class: 'ok', role: 'status' }, t('day.sent', { count: sent.queued ?? sent.recipients })));
      changed();
    }
  });
  return el('form', {
    class: 'card broadcast', onsubmit: async e => {
      e.preventDefault();
      const request = message();
      const asked = edits;
      const answer = await act(preview, status, () => ctx.api.post('/api/v1/sms/broadcasts/preview', request));
      // a preview of text edited while it was asked for is not the text on the screen
      if (answer && asked === edits) {
        previewed = request;
        send.disabled = false;
        result.replaceChildren(previewTable(answer));
      }
    },
  }, el('h3', {}, t('day.broadcast')), field(t('day.audience'), audience), field(t('day.community'), community),
  field(t('day.body'), body), el('label', { class: 'check' }, urgent, t('day.urgent')),
  el('div', { class: 'actions' }, preview, send), status, result);
}

function previewTable(p) {
  return el('dl', { class: 'facts preview' },
    [[t('day.recipients'), `${p.recipients}${p.optedOut ? ` (${t('day.optedOut', { count: p.optedOut })})` : ''}`],
      [t('day.segments'), `${p.segmentsPerText} × ${p.recipients} = ${p.totalSegments} (${p.encoding})`],
      [t('day.cost'), `${number(p.estimatedCost, 2)} ${p.currency}`],
      [t('day.sample'), (p.sample || []).join(', ') || '—']]
      .flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]));
}
