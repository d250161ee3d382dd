import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uploadOf } from '../../main/resources/board/js/views/ledgers.js';

const file = name => ({ name });

test('one ledger goes as the file itself, typed by its extension', () => {
  assert.deepEqual(uploadOf('fields', [file('地块.csv')]), { path: '/api/v1/ledgers/fields/import', contentType: 'text/csv' });
  assert.equal(uploadOf('fields', [file('Fields.XLSX')]).contentType, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
});

test('a bundle is one zip as it is, or one part per file named after its ledger', () => {
  assert.deepEqual(uploadOf('bundle', [file('district.zip')]), { path: '/api/v1/ledgers/bundle', contentType: 'application/zip' });
  const parts = uploadOf('bundle', [file('fields.csv'), file('drying_sites.xlsx')]);
  assert.equal(parts.path, '/api/v1/ledgers/bundle/parts');
  assert.deepEqual(parts.parts.map(([name]) => name), ['fields', 'drying_sites']);
});
