// The evening meeting's page: the drying sites now, the day's report for district and communities with its
// charts (harvest per community, per day, drying intake against capacity) and its exports.

import { t, term } from '../i18n.js';
import { badge, downloadButton, el, showError, table } from '../ui.js';
import { addDays, daysOf, number, tonnes } from '../format.js';

export async function render(ctx, root) {
  const status = el('div');
  const exportStatus = el('div');
  const download = (label, path, name) => downloadButton(ctx.api, label, path, name, exportStatus);
  const day = ctx.day;
  root.replaceChildren(el('h2', {}, t('report.title'), ' ', el('small', {}, day)), status,
    el('div', { class: 'actions' },
      download(t('report.csv'), `/api/v1/reports/daily/${day}/export?format=csv`, `daily-${day}.csv`),
      download(t('report.xlsx'), `/api/v1/reports/daily/${day}/export?format=xlsx`, `daily-${day}.xlsx`),
      download(t('report.fieldsCsv'), `/api/v1/reports/daily/${day}/export?format=csv&level=fields`, `daily-${day}-fields.csv`),
      ctx.plan ? download(t('report.planCsv'), `/api/v1/plans/${ctx.plan.id}/assignments/export`, `plan-${ctx.plan.id}.csv`) : null),
    exportStatus);
  try {
    const days = ctx.plan ? daysOf(ctx.plan.firstDay, ctx.plan.days) : daysOf(addDays(day, -6), 7);
    const reported = [...new Set([...days.filter(d => d <= day), day])];
    const [sites, ...daily] = await Promise.all([
      ctx.api.get('/api/v1/drying-sites/status'), ...reported.map(d => ctx.api.get(`/api/v1/reports/daily/${d}`)),
    ]);
    const report = daily.find(r => r.date === day);
    const season = seasonSeries(days, daily, ctx.plan);
    const charts = el('div', { class: 'charts' },
      chartBox('chart-communities', t('report.chartCommunities')),
      chartBox('chart-days', t('report.chartDays')),
      chartBox('chart-drying', t('report.chartDrying')));
    root.append(kpis(report.district), charts, communityTable(report), siteTable(sites));
    drawCommunities(charts.querySelector('#chart-communities .chart'), report.communities, ctx);
    drawDays(charts.querySelector('#chart-days .chart'), season, ctx);
    drawDrying(charts.querySelector('#chart-drying .chart'), season, ctx);
  } catch (error) {
    showError(status, error);
  }
}

/** Per day: what was reported (null after the day shown) beside what the plan expected. */
export function seasonSeries(days, daily, plan) {
  const byDay = new Map(daily.map(r => [r.date, r.district]));
  const plannedMu = new Map((plan?.outcome?.metrics?.muPerDay || []).map(d => [d.day, d.mu]));
  const arriving = new Map();
  const capacity = new Map();
  for (const queue of plan?.outcome?.metrics?.dryingQueues || []) {
    for (const d of queue.days) {
      arriving.set(d.day, (arriving.get(d.day) || 0) + d.arrivingTonnes);
      capacity.set(d.day, (capacity.get(d.day) || 0) + (d.capacityTonnes || 0));
    }
  }
  const reported = key => days.map(d => byDay.get(d)?.[key] ?? null);
  return {
    labels: days.map(d => d.slice(5)),
    harvested: reported('harvestedTodayMu'),
    percent: reported('percentComplete'),
    intake: reported('dryingIntakeTonnes'),
    // the sites' capacity as reported, and ahead of today as the plan counted it (a yard closes in rain)
    capacity: days.map(d => byDay.get(d)?.dryingCapacityTonnes ?? (capacity.get(d) ? Math.round(capacity.get(d)) : null)),
    waiting: reported('tonnesWaiting'),
    plannedMu: days.map(d => plannedMu.get(d) ?? 0),
    plannedArriving: days.map(d => Math.round((arriving.get(d) || 0) * 10) / 10),
  };
}

function kpis(d) {
  const item = (name, value) => el('div', { class: 'card figure' }, el('span', { class: 'name' }, name), el('strong', {}, value));
  return el('div', { class: 'cards' },
    item(t('report.progress'), `${number(d.percentComplete, 1)} %`),
    item(t('report.today'), `${number(d.harvestedTodayMu, 1)} ${t('unit.mu')}`),
    item(t('report.toDate'), `${number(d.harvestedToDateMu, 1)} / ${number(d.totalMu, 0)} ${t('unit.mu')}`),
    item(t('report.machines'), t('report.machineCounts', { working: d.machinesWorking, idle: d.machinesIdle, broken: d.machinesBroken })),
    item(t('report.drying'), `${number(d.dryingIntakeTonnes, 1)} / ${number(d.dryingCapacityTonnes, 0)} t`),
    item(t('report.atRisk'), `${d.fieldsAtRisk} · ${tonnes(d.expectedLossKg)}`));
}

function chartBox(id, title) {
  return el('figure', { id, class: 'chart-box' }, el('figcaption', {}, title), el('div', { class: 'chart', role: 'img', 'aria-label': title }));
}

/** A chart in {@code target} that follows its size and is let go with the view. */
function chart(target, ctx, option) {
  const instance = echarts.init(target, null, { renderer: 'canvas' });
  const sizes = new ResizeObserver(() => instance.resize());
  sizes.observe(target);
  ctx.onLeave(() => {
    sizes.disconnect();
    instance.dispose();
  });
  instance.setOption(option);
}

function drawCommunities(target, communities, ctx) {
  const rows = [...communities].sort((a, b) => a.communityCode.localeCompare(b.communityCode));
  chart(target, ctx, {
    animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 48, right: 12, top: 32, bottom: 56 },
    xAxis: { type: 'category', data: rows.map(r => r.name || r.communityCode), axisLabel: { rotate: 40 } },
    yAxis: { type: 'value', name: t('unit.mu') },
    series: [
      { name: t('report.harvested'), type: 'bar', stack: 'mu', data: rows.map(r => r.harvestedToDateMu), itemStyle: { color: '#43a047' } },
      { name: t('report.remaining'), type: 'bar', stack: 'mu', data: rows.map(r => Math.max(0, r.totalMu - r.harvestedToDateMu)), itemStyle: { color: '#cfd8dc' } },
    ],
  });
}

function drawDays(target, season, ctx) {
  chart(target, ctx, {
    animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 48, right: 48, top: 32, bottom: 32 },
    xAxis: { type: 'category', data: season.labels },
    yAxis: [{ type: 'value', name: t('unit.mu') }, { type: 'value', name: '%', max: 100 }],
    series: [
      { name: t('report.planned'), type: 'bar', data: season.plannedMu, itemStyle: { color: '#bbdefb' } },
      { name: t('report.today'), type: 'bar', data: season.harvested, itemStyle: { color: '#fb8c00' } },
      { name: t('report.progress'), type: 'line', yAxisIndex: 1, data: season.percent, itemStyle: { color: '#1e88e5' } },
    ],
  });
}

function drawDrying(target, season, ctx) {
  chart(target, ctx, {
    animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 48, right: 12, top: 32, bottom: 32 },
    xAxis: { type: 'category', data: season.labels },
    yAxis: { type: 'value', name: 't' },
    series: [
      { name: t('report.plannedArriving'), type: 'bar', data: season.plannedArriving, itemStyle: { color: '#fff3c4' } },
      { name: t('report.intake'), type: 'bar', data: season.intake, itemStyle: { color: '#fdd835' } },
      { name: t('report.capacity'), type: 'line', step: 'middle', data: season.capacity, itemStyle: { color: '#6d4c41' } },
      { name: t('report.waiting'), type: 'line', data: season.waiting, itemStyle: { color: '#e53935' } },
    ],
  });
}

function communityTable(report) {
  return table(t('report.communities'), [
    [t('col.community'), c => `${c.name} (${c.communityCode})`],
    [t('report.today'), c => number(c.harvestedTodayMu, 1)],
    [t('report.toDate'), c => `${number(c.harvestedToDateMu, 1)} / ${number(c.totalMu, 0)}`],
    [t('report.progress'), c => `${number(c.percentComplete, 1)} %`],
    [t('report.atRisk'), c => c.fieldsAtRisk],
    [t('report.drying'), c => `${number(c.dryingIntakeTonnes, 1)} / ${number(c.dryingCapacityTonnes, 0)} t`],
    [t('report.waiting'), c => `${number(c.tonnesWaiting, 1)} t`],
  ], report.communities);
}

function siteTable(sites) {
  return table(t('report.sites'), [
    [t('col.site'), s => `${s.name} (${s.code})`],
    [t('col.kind'), s => term('dryingKind', s.kind)],
    [t('col.state'), s => badge(term('site', s.state), s.state)],
    [t('report.intake'), s => `${number(s.intakeTodayTonnes, 1)} / ${number(s.capacityTodayTonnes, 0)} t`],
    [t('report.current'), s => `${number(s.currentTonnes, 1)} t`],
    [t('col.contact'), s => `${s.contactName || ''} ${s.contactPhone || ''}`],
  ], sites);
}
