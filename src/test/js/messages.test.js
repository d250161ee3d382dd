import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGES } from '../../main/resources/board/js/messages.js';

const BOARD = new URL('../../main/resources/board/', import.meta.url).pathname;

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => (entry.isDirectory()
    ? sources(join(dir, entry.name)) : entry.name.endsWith('.js') || entry.name.endsWith('.html') ? [join(dir, entry.name)] : []));
}

test('Chinese and English have the same messages', () => {
  const zh = Object.keys(MESSAGES.zh).sort();
  const en = Object.keys(MESSAGES.en).sort();
  assert.deepEqual(zh.filter(k => !en.includes(k)), []);
  assert.deepEqual(en.filter(k => !zh.includes(k)), []);
});

test('every message the page names exists', () => {
  const used = new Set();
  for (const file of sources(BOARD)) {
    const text = readFileSync(file, 'utf8');
    for (const [, key] of text.matchAll(/\bt\('([^']+)'/g)) used.add(key);
    for (const [, key] of text.matchAll(/data-i18n(?:-title|-label)?="([^"]+)"/g)) used.add(key);
  }
  assert.ok(used.size > 100);
  assert.deepEqual([...used].filter(key => !(key in MESSAGES.zh)), []);
});
