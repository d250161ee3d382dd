// Small DOM helpers: elements from data (never from HTML strings, so ledger text cannot inject markup),
// tables, and one way to show a failure.

import { t } from './i18n.js';

/** el('button', {class: 'x', onclick: f}, 'text', child, …); attributes starting with "on" become listeners. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value == null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  return fill(element, ...children);
}

/** Replaces what {@code target} shows; absent children (null, false) are left out rather than written as text. */
export function fill(target, ...children) {
  target.replaceChildren(...children.flat().filter(c => c != null && c !== false).map(c => (c instanceof Node ? c : String(c))));
  return target;
}

/** A table with a caption; columns are [heading, row → cell]. */
export function table(caption, columns, rows, rowAttributes = () => ({})) {
  return el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, columns.map(([heading]) => el('th', { scope: 'col' }, heading)))),
    el('tbody', {}, rows.length
      ? rows.map(row => el('tr', rowAttributes(row), columns.map(([, cell]) => el('td', {}, cell(row)))))
      : el('tr', {}, el('td', { colspan: columns.length, class: 'empty' }, t('none')))));
}

/** A labelled control: the label names it for screen readers and focus. */
export function field(label, control) {
  const id = control.id || `c${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  return el('label', { for: id, class: 'field' }, el('span', {}, label), control);
}

/** Shows what went wrong, in the problem's own words, where the dispatcher is looking. */
export function showError(target, error) {
  target.replaceChildren(el('p', { class: 'problem', role: 'alert' }, error.message || String(error)));
}

/** Runs an action from a button: disabled while it runs, any failure shown in {@code status}. */
export async function act(button, status, action) {
  button.disabled = true;
  status.replaceChildren();
  try {
    return await action();
  } catch (error) {
    showError(status, error);
    return undefined;
  } finally {
    button.disabled = false;
  }
}

export function badge(text, kind) {
  return el('span', { class: `badge ${kind || ''}` }, text);
}

/** Lines of text as an element (for map tooltips, which would otherwise read a string as HTML). */
export function lines(...texts) {
  return el('div', {}, texts.filter(Boolean).flatMap((text, i) => (i ? [el('br'), text] : [text])));
}

/**
 * Runs {@code step} now, then again after the milliseconds it answers, until the view is left: a step still
 * running when the dispatcher moves on schedules nothing more.
 */
export function repeat(onLeave, step) {
  let left = false;
  let timer = null;
  onLeave(() => {
    left = true;
    clearTimeout(timer);
  });
  const run = async () => {
    const delay = await step();
    if (!left && delay) {
      timer = setTimeout(run, delay);
    }
  };
  return run();
}

/** A button that fetches an export with the dispatcher's token and hands it over as {@code fileName}. */
export function downloadButton(api, label, path, fileName, status) {
  const button = el('button', { type: 'button', onclick: () => act(button, status, () => api.download(path, fileName)) }, label);
  return button;
}

/** The fields' codes (with their names) offered as one types a code. */
export function fieldCodeList(fields) {
  return el('datalist', { id: 'field-codes' }, fields.map(f => el('option', { value: f.code }, f.name)));
}
