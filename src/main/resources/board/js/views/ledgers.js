// Loading ledgers: one ledger's CSV/XLSX or a bundle (a zip, or one file per ledger named after it), always
// tried first; the bad cells as a table; committed only once the same files passed the dry run.

import { t } from '../i18n.js';
import { act, downloadButton, el, field, fill, table } from '../ui.js';
import { ProblemError } from '../api.js';

const LEDGERS = ['communities', 'farmers', 'fields', 'machines', 'drying_sites', 'teams', 'aid_stations'];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Where the files go and how: a zip or a single ledger file as it is, several files as a multipart bundle. */
export function uploadOf(ledger, files) {
  if (ledger !== 'bundle') {
    const file = files[0];
    return { path: `/api/v1/ledgers/${ledger}/import`, contentType: file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv' };
  }
  if (files.length === 1 && files[0].name.toLowerCase().endsWith('.zip')) {
    return { path: '/api/v1/ledgers/bundle', contentType: 'application/zip' };
  }
  return { path: '/api/v1/ledgers/bundle/parts', parts: files.map(file => [file.name.replace(/\.(csv|xlsx)$/i, ''), file]) };
}

export async function render(ctx, root) {
  const status = el('div');
  const result = el('div', { 'aria-live': 'polite' });
  const kind = el('select', { name: 'ledger' },
    el('option', { value: 'bundle' }, t('ledgers.bundle')),
    LEDGERS.map(l => el('option', { value: l }, t(`ledger.${l}`))));
  // several files only for a bundle: a single ledger takes one file, so a second could only be ignored
  const files = el('input', { type: 'file', name: 'files', multiple: true, accept: '.csv,.xlsx,.zip', required: true });
  kind.addEventListener('change', () => {
    files.multiple = kind.value === 'bundle';
    files.accept = kind.value === 'bundle' ? '.csv,.xlsx,.zip' : '.csv,.xlsx';
    files.value = '';
  });
  const dryRun = el('button', { type: 'submit' }, t('ledgers.dryRun'));
  const commit = el('button', { type: 'button', class: 'primary', disabled: true }, t('ledgers.commit'));
  const upload = dry => {
    const chosen = [...files.files];
    const target = uploadOf(kind.value, chosen);
    const query = `?dryRun=${dry}`;
    if (target.parts) {
      const form = new FormData();
      for (const [name, file] of target.parts) {
        form.append(name, file, file.name);
      }
      return ctx.api.upload(target.path + query, form);
    }
    return ctx.api.upload(target.path + query, chosen[0], target.contentType);
  };
  const run = async (button, dry) => {
    result.replaceChildren();
    commit.disabled = true;
    const report = await act(button, status, async () => {
      try {
        return await upload(dry);
      } catch (error) {
        if (error instanceof ProblemError && error.problem.errors?.length) {
          result.replaceChildren(badCells(error));
        }
        throw error;
      }
    });
    if (report) {
      result.replaceChildren(counts(report));
      commit.disabled = !dry;
    }
  };
  for (const control of [kind, files]) {
    control.addEventListener('change', () => { commit.disabled = true; result.replaceChildren(); status.replaceChildren(); });
  }
  commit.addEventListener('click', () => run(commit, false));
  const exportStatus = el('div');
  fill(root, el('h2', {}, t('ledgers.title')),
    ctx.canDispatch ? el('form', { class: 'card', onsubmit: e => { e.preventDefault(); run(dryRun, true); } },
      el('p', {}, t('ledgers.help')), field(t('ledgers.which'), kind), field(t('ledgers.files'), files),
      el('div', { class: 'actions' }, dryRun, commit), status, result) : null,
    el('section', { class: 'card' }, el('h3', {}, t('ledgers.export')),
      el('div', { class: 'actions' }, LEDGERS.map(l => downloadButton(ctx.api, t(`ledger.${l}`), `/api/v1/ledgers/${l}/export`, `${l}.csv`, exportStatus))),
      exportStatus));
}

function counts(report) {
  return table(report.dryRun ? t('ledgers.dryRunOk') : t('ledgers.committed'), [
    [t('col.ledger'), c => t(`ledger.${c.ledger}`)],
    [t('ledgers.rows'), c => c.rows],
    [t('ledgers.created'), c => c.created],
    [t('ledgers.updated'), c => c.updated],
    [t('ledgers.unchanged'), c => c.unchanged],
    [t('ledgers.ignored'), c => c.ignoredColumns.join(', ') || '—'],
  ], report.ledgers);
}

function badCells(error) {
  return table(t('ledgers.badCells', { count: error.problem.errors.length }), [
    [t('col.ledger'), e => (e.ledger ? t(`ledger.${e.ledger}`) : '—')],
    [t('ledgers.line'), e => e.line ?? '—'],
    [t('ledgers.column'), e => e.field || '—'],
    [t('col.reason'), e => e.message],
  ], error.problem.errors, () => ({ class: 'bad' }));
}
