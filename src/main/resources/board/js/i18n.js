// Chinese first, English on request; the choice lasts as long as the tab's session.

import { MESSAGES } from './messages.js';

const KEY = 'harvest.board.lang';
const storage = globalThis.sessionStorage;
let current = storage?.getItem(KEY) || 'zh';

export function lang() {
  return current;
}

export function setLang(value) {
  current = value;
  storage?.setItem(KEY, value);
  if (globalThis.document) {
    document.documentElement.lang = value === 'zh' ? 'zh-CN' : 'en';
  }
}

/** The message in the current language, {name} placeholders filled; the key itself if a message is missing. */
export function t(key, values = {}) {
  const message = MESSAGES[current][key] ?? MESSAGES.zh[key] ?? key;
  return message.replace(/\{(\w+)}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** Enum values (statuses, kinds) read as words: "status.DONE" → 完成. */
export function term(kind, value) {
  return value == null ? '—' : t(`${kind}.${value}`);
}

/** Fills the page shell's [data-i18n] texts, [data-i18n-label] accessible names and [data-i18n-title] titles. */
export function translate(root) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll('[data-i18n-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  }
  for (const element of root.querySelectorAll('[data-i18n-title]')) {
    element.title = t(element.dataset.i18nTitle);
    element.setAttribute('aria-label', element.title);
  }
}
