// The board's shell: sign-in, the header (plan, day, language), the six views behind hash addresses, and the
// data the views share (ledgers, a plan's assignments) read once per visit.

import { Api } from './api.js';
import { lang, setLang, t, term, translate } from './i18n.js';
import { el, field, showError } from './ui.js';
import { dayInHorizon } from './format.js';
import { preferredPlan } from './plan-model.js';
import * as map from './views/map.js';
import * as timeline from './views/timeline.js';
import * as plans from './views/plans.js';
import * as day from './views/day.js';
import * as report from './views/report.js';
import * as ledgers from './views/ledgers.js';

const VIEWS = { map, timeline, plans, day, report, ledgers };
const api = new Api();
const main = document.getElementById('main');
let leaving = [];
let cache = new Map();

const ctx = {
  api,
  plan: null,
  plans: [],
  /** The district day shown: the service's today at sign-in (a drill's day in a drill), then the dispatcher's pick. */
  day: null,
  settings: null,
  get canDispatch() {
    return api.hasRole('DISPATCHER');
  },
  go(view, params = {}) {
    const query = new URLSearchParams(params).toString();
    const hash = `#${view}${query ? `?${query}` : ''}`;
    if (location.hash === hash) {
      show();
    } else {
      location.hash = hash;
    }
  },
  onLeave(action) {
    leaving.push(action);
  },
  /** Every row of a ledger (all pages), read once until something changes. */
  ledger(name) {
    return remember(`ledger:${name}`, async () => {
      const rows = [];
      for (let page = 0; ; page += 1) {
        const answer = await api.get(`/api/v1/${name}?size=500&page=${page}`);
        rows.push(...answer.items);
        if (page + 1 >= answer.totalPages) {
          return rows;
        }
      }
    });
  },
  assignments(planId, fresh = false) {
    if (fresh) {
      cache.delete(`assignments:${planId}`);
    }
    return remember(`assignments:${planId}`, () => api.get(`/api/v1/plans/${planId}/assignments`));
  },
  async refreshPlans() {
    ctx.plans = (await api.get('/api/v1/plans?size=50')).items;
    drawPlanPicker();
  },
  selectPlan(plan) {
    ctx.plan = plan;
    ctx.day = dayInHorizon(ctx.day, plan);
    drawPlanPicker();
    document.getElementById('day').value = ctx.day;
  },
  planLabel() {
    return ctx.plan ? `${t('plans.plan', { id: ctx.plan.id })} (${term('publication', ctx.plan.publication)})` : t('plan.none');
  },
};

function remember(key, load) {
  if (!cache.has(key)) {
    cache.set(key, load().catch(error => {
      cache.delete(key);
      throw error;
    }));
  }
  return cache.get(key);
}

async function show() {
  leaving.forEach(action => action());
  leaving = [];
  // Ledgers and assignments are read once per visit: texts, other dispatchers and publishing change them.
  cache = new Map();
  document.getElementById('job-dialog').close?.();
  if (!api.session) {
    signInForm();
    return;
  }
  const [name, query] = location.hash.slice(1).split('?');
  const view = VIEWS[name] ? name : 'map';
  for (const link of document.querySelectorAll('nav a')) {
    if (link.dataset.view === view) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  // Each visit draws into a root of its own: a slower earlier view that finishes late writes into a root that is
  // no longer shown, never over the view the dispatcher moved to.
  const root = el('div', { class: 'view' }, el('p', {}, t('loading')));
  main.replaceChildren(root);
  try {
    await VIEWS[view].render(ctx, root, new URLSearchParams(query || ''));
  } catch (error) {
    showError(root, error);
  }
  if (main.contains(root)) {
    main.focus({ preventScroll: true });
  }
}

function signInForm() {
  document.body.classList.add('signed-out');
  const username = el('input', { name: 'username', autocomplete: 'username', required: true, autofocus: true });
  const password = el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const status = el('div');
  const submit = el('button', { type: 'submit', class: 'primary' }, t('signIn.submit'));
  main.replaceChildren(el('form', {
    class: 'card sign-in', onsubmit: async e => {
      e.preventDefault();
      submit.disabled = true;
      try {
        await api.signIn(username.value, password.value);
        await start();
      } catch (error) {
        showError(status, error);
      } finally {
        submit.disabled = false;
      }
    },
  }, el('h2', {}, t('signIn.title')), field(t('signIn.username'), username), field(t('signIn.password'), password), submit, status));
  username.focus();
}

function drawPlanPicker() {
  const picker = document.getElementById('plan');
  picker.replaceChildren(...ctx.plans.map(p => el('option', { value: p.id, selected: p.id === ctx.plan?.id },
    `#${p.id} ${term('publication', p.publication)} · ${term('state', p.state)} · ${p.firstDay}`)));
}

async function start() {
  document.body.classList.remove('signed-out');
  document.getElementById('who').textContent = api.session.name;
  ctx.settings = await api.get('/board/settings');
  ctx.day = ctx.settings.today;
  document.getElementById('day').value = ctx.day;
  await ctx.refreshPlans();
  const chosen = preferredPlan(ctx.plans);
  if (chosen) {
    ctx.selectPlan(await api.get(`/api/v1/plans/${chosen.id}`));
  }
  await show();
}

function header() {
  const picker = document.getElementById('plan');
  picker.addEventListener('change', async () => {
    try {
      ctx.selectPlan(await api.get(`/api/v1/plans/${picker.value}`));
      show();
    } catch (error) {
      showError(main, error);
    }
  });
  const dayInput = document.getElementById('day');
  dayInput.addEventListener('change', () => {
    if (dayInput.value) {
      ctx.day = dayInput.value;
      show();
    }
  });
  document.getElementById('lang').addEventListener('click', () => {
    setLang(lang() === 'zh' ? 'en' : 'zh');
    translate(document);
    show();
    if (api.session) {
      drawPlanPicker();
    }
  });
  document.getElementById('sign-out').addEventListener('click', async () => {
    // Signing out ends the session here whatever the service answers; a failure only means it ends there on its own.
    await api.signOut().catch(error => console.warn('sign-out', error.message));
    show();
  });
  api.onSignedOut = () => show();
  // The view already shown is read again when its tab is chosen again (the hash does not change, so no event).
  for (const link of document.querySelectorAll('nav a')) {
    link.addEventListener('click', () => {
      if (location.hash === link.getAttribute('href')) {
        show();
      }
    });
  }
}

setLang(lang());
translate(document);
header();
window.addEventListener('hashchange', show);
if (api.session) {
  // A session that ended while the tab was closed has already brought back the sign-in form.
  start().catch(error => api.session && showError(main, error));
} else {
  show();
}
