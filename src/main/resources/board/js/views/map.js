// The district on one map: fields by status and risk, the chosen day's routes per combine, drying sites with
// today's load and the plan's queue, aid stations, combines out of service. Tiles only when the bureau set a
// tile server; otherwise community outlines on a plain background.

import { t, term } from '../i18n.js';
import { el, field, fieldCodeList, lines, showError, table } from '../ui.js';
import { number } from '../format.js';
import { STATUS_COLOURS, communityOutlines, risks, routesOn } from '../map-model.js';

const LAYERS = ['fields', 'routes', 'sites', 'aid', 'broken'];

export async function render(ctx, root) {
  const settings = ctx.settings;
  const [fields, machines, aid, communities, broken, status] = await Promise.all([
    ctx.ledger('fields'), ctx.ledger('machines'), ctx.ledger('aid-stations'),
    ctx.ledger('communities'), ctx.api.get('/api/v1/machines/breakdowns'),
    ctx.api.get('/api/v1/drying-sites/status'),
  ]);
  const assignments = ctx.plan ? await ctx.assignments(ctx.plan.id) : [];
  const shown = new Set(LAYERS);
  const canvas = el('div', { id: 'map', role: 'region', 'aria-label': t('map.title') });
  const toggles = el('fieldset', { class: 'toolbar' }, el('legend', {}, t('map.layers')),
    LAYERS.map(layer => el('label', {}, el('input', {
      type: 'checkbox', checked: true, name: layer,
      onchange: e => { e.target.checked ? shown.add(layer) : shown.delete(layer); draw(); },
    }), t(`map.layer.${layer}`))));
  const routes = routesOn(assignments, machines, fields, ctx.day);
  // The markers are drawn on a canvas, out of the keyboard's reach: a field is found by its code instead.
  const code = el('input', { type: 'search', name: 'field', list: 'field-codes', size: 10, placeholder: 'P000001' });
  const finder = el('form', {
    class: 'inline', onsubmit: e => {
      e.preventDefault();
      const marker = markers.get(code.value.trim());
      if (marker) {
        map.setView(marker.getLatLng(), 15);
        marker.openTooltip();
      } else {
        showError(found, new Error(t('map.noSuchField', { code: code.value })));
      }
    },
  }, field(t('map.findField'), code), el('button', { type: 'submit' }, t('map.find')),
  el('button', { type: 'button', onclick: () => code.value.trim() && ctx.go('timeline', { field: code.value.trim() }) }, t('nav.timeline')));
  const found = el('div');
  root.replaceChildren(el('h2', {}, t('map.title'), ' ', el('small', {}, ctx.planLabel(), ' · ', ctx.day)),
    el('div', { class: 'map-tools' }, toggles, el('div', { class: 'toolbar' }, finder, found), fieldCodeList(fields)),
    el('div', { class: 'map-and-legend' }, canvas, legend(fields, routes, broken, machines)));

  const map = L.map(canvas, { preferCanvas: true, zoomSnap: 0.25, attributionControl: Boolean(settings.tileUrl) });
  if (settings.tileUrl) {
    L.tileLayer(settings.tileUrl, { subdomains: settings.tileSubdomains, attribution: settings.tileAttribution || '' }).addTo(map);
  } else {
    canvas.classList.add('plain');
  }
  const groups = Object.fromEntries(LAYERS.map(layer => [layer, L.layerGroup()]));
  const outlines = L.layerGroup().addTo(map);
  drawOutlines(outlines, fields, communities);
  const markers = drawFields(groups.fields, fields, risks(ctx.plan), ctx);
  drawRoutes(groups.routes, routes, machines);
  drawSites(groups.sites, status, ctx.plan, ctx.day);
  drawAid(groups.aid, aid);
  drawBroken(groups.broken, broken, machines);
  const points = fields.map(f => [f.lat, f.lon]);
  if (points.length) {
    map.fitBounds(points, { padding: [16, 16] });
  } else {
    map.setView([34.05, 113.85], 11);
  }

  function draw() {
    for (const layer of LAYERS) {
      shown.has(layer) ? groups[layer].addTo(map) : groups[layer].remove();
    }
  }
  draw();
  ctx.onLeave(() => map.remove());
}

function drawOutlines(group, fields, communities) {
  const names = new Map(communities.map(c => [c.code, c.name]));
  for (const { community, outline } of communityOutlines(fields)) {
    if (outline.length >= 3) {
      L.polygon(outline, { color: '#8d6e63', weight: 1, dashArray: '4 3', fillColor: '#efebe9', fillOpacity: 0.5 })
        .bindTooltip(lines(`${names.get(community) || community} (${community})`), { sticky: true }).addTo(group);
    }
  }
}

/** Field code → its marker. */
function drawFields(group, fields, atRisk, ctx) {
  const markers = new Map();
  for (const f of fields) {
    const risk = atRisk.get(f.code);
    const colour = STATUS_COLOURS[f.status] || '#9e9e9e';
    markers.set(f.code, L.circleMarker([f.lat, f.lon], {
      radius: 3 + Math.sqrt(f.areaMu) / 2, color: risk ? '#b71c1c' : '#37474f', weight: risk ? 2.5 : 0.5,
      fillColor: colour, fillOpacity: 0.85,
    }).bindTooltip(lines(`${f.code} ${f.name}`, `${number(f.areaMu, 1)} ${t('unit.mu')} · ${term('field', f.status)}`,
      risk && `⚠ ${risk}`))
      .on('click', () => ctx.go('timeline', { field: f.code }))
      .addTo(group));
  }
  return markers;
}

function drawRoutes(group, routes, machines) {
  const plates = new Map(machines.map(m => [m.code, m.plate]));
  for (const route of routes) {
    L.polyline(route.points, { color: route.colour, weight: 3, opacity: 0.85 })
      .bindTooltip(lines(`${route.machine} ${plates.get(route.machine) || ''} · ${t('map.jobs', { count: route.jobs.length })}`), { sticky: true })
      .addTo(group);
    if (route.points.length) {
      L.circleMarker(route.points[0], { radius: 4, color: route.colour, fillColor: '#fff', fillOpacity: 1, weight: 2 }).addTo(group);
    }
  }
}

function drawSites(group, sites, plan, day) {
  const queues = new Map((plan?.outcome?.metrics?.dryingQueues || [])
    .map(queue => [queue.site, queue.days.find(d => d.day === day)]));
  for (const site of sites) {
    const queue = queues.get(site.code);
    const load = `${number(site.intakeTodayTonnes, 0)}/${number(site.capacityTodayTonnes, 0)} t`;
    const icon = L.divIcon({ className: `site-icon state-${site.state}`, html: el('span', {}, el('b', {}, site.code), ' ', load), iconSize: null });
    L.marker([site.lat, site.lon], { icon, keyboard: true, title: site.name, alt: site.name })
      .bindTooltip(lines(site.name, `${term('site', site.state)} · ${t('map.siteLoad', { load })}`,
        queue && t('map.siteQueue', { waiting: number(queue.waitingTonnes, 1), hours: number(queue.longestWaitHours, 1) })))
      .addTo(group);
  }
}

function drawAid(group, stations) {
  for (const station of stations) {
    const icon = L.divIcon({ className: 'aid-icon', html: '✚', iconSize: [18, 18] });
    L.marker([station.lat, station.lon], { icon, keyboard: true, title: station.name, alt: station.name })
      .bindTooltip(lines(station.name, station.offers.map(o => term('offer', o)).join('、'))).addTo(group);
  }
}

function drawBroken(group, broken, machines) {
  const byCode = new Map(machines.map(m => [m.code, m]));
  for (const breakdown of broken) {
    const machine = byCode.get(breakdown.machineCode);
    if (machine) {
      const icon = L.divIcon({ className: 'broken-icon', html: el('span', {}, `⚠ ${machine.code}`), iconSize: null });
      L.marker([machine.baseLat, machine.baseLon], { icon, keyboard: true, title: `${machine.code} ${t('map.broken')}` })
        .bindTooltip(lines(`${machine.code} ${machine.plate || ''} · ${t('map.broken')}`)).addTo(group);
    }
  }
}

function legend(fields, routes, broken, machines) {
  const counts = Object.keys(STATUS_COLOURS).map(status => [status, fields.filter(f => f.status === status).length]);
  return el('aside', { class: 'legend' },
    table(t('map.legend.fields'), [
      [t('col.status'), ([status]) => el('span', {}, el('i', { class: 'swatch', style: `background:${STATUS_COLOURS[status]}` }), term('field', status))],
      [t('col.fields'), ([, count]) => number(count)],
    ], counts),
    table(t('map.legend.routes'), [
      [t('col.machine'), r => el('span', {}, el('i', { class: 'swatch', style: `background:${r.colour}` }), r.machine)],
      [t('col.jobs'), r => r.jobs.length],
    ], routes),
    table(t('map.legend.broken'), [
      [t('col.machine'), b => b.machineCode],
      [t('col.operator'), b => machines.find(m => m.code === b.machineCode)?.operatorName || '—'],
    ], broken));
}
