// One job in a dialog: what, where, who, and every text sent about it.

import { t, term } from '../i18n.js';
import { el, showError, table } from '../ui.js';
import { dayAndClock, number } from '../format.js';

/** Opens {@code job} of plan {@code planId} (the day's desk shows the published plan, whichever plan is chosen). */
export async function openJob(ctx, job, planId = ctx.plan.id) {
  const dialog = document.getElementById('job-dialog');
  const body = el('div', {}, el('p', {}, t('loading')));
  dialog.replaceChildren(el('form', { method: 'dialog' },
    el('h3', { id: 'job-title' }, `${job.chunkId} · ${job.machineCode}`), body,
    el('menu', {}, el('button', { value: 'close', autofocus: true }, t('action.close')))));
  dialog.showModal();
  try {
    const [view, texts] = await Promise.all([
      ctx.api.get(`/api/v1/plans/${planId}/fields/${encodeURIComponent(job.fieldCode)}`),
      ctx.api.get(`/api/v1/sms/messages?plan=${planId}&assignment=${encodeURIComponent(job.chunkId)}&size=50`),
    ]);
    const detail = view.days.flatMap(d => d.jobs).find(j => j.chunkId === job.chunkId) || job;
    body.replaceChildren(
      el('dl', { class: 'facts' },
        fact(t('col.time'), `${dayAndClock(job.start)} – ${dayAndClock(job.end)}`),
        fact(t('col.field'), `${job.fieldCode} ${detail.field?.name || ''} · ${number(job.areaMu, 1)} ${t('unit.mu')}`),
        fact(t('col.farmer'), detail.farmer ? `${detail.farmer.name} ${detail.farmer.phone || ''}` : '—'),
        fact(t('col.site'), detail.dryingSite ? `${detail.dryingSite.name} (${detail.dryingSite.code})` : '—'),
        fact(t('col.aid'), detail.aidStation?.name || '—'),
        fact(t('col.team'), job.teamCode || '—'),
        fact(t('col.status'), `${term('status', detail.status)}${detail.pinned ? ` · ◆ ${t('timeline.pinned')}` : ''}${detail.needsReplan ? ` · ⚑ ${t('timeline.flagged')}` : ''}`),
        fact(t('col.done'), `${number(detail.doneMu, 1)} ${t('unit.mu')}`),
        fact(t('col.yield'), `${number(job.yieldKg / 1000, 1)} t`)),
      table(t('job.texts'), [
        [t('col.time'), m => dayAndClock(m.createdAt)],
        [t('col.to'), m => `${term('role', m.recipientRole)} ${m.phone}`],
        [t('col.status'), m => term('sms', m.status)],
        [t('col.body'), m => m.body],
      ], texts.items));
  } catch (error) {
    showError(body, error);
  }
}

function fact(name, value) {
  return [el('dt', {}, name), el('dd', {}, value)];
}
