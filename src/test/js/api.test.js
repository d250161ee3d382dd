import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ProblemError, problemText } from '../../main/resources/board/js/api.js';

class Storage {
  constructor() { this.map = new Map(); }
  getItem(key) { return this.map.get(key) ?? null; }
  setItem(key, value) { this.map.set(key, value); }
  removeItem(key) { this.map.delete(key); }
}

const json = (status, body, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

test('an expired token is refreshed once and the call repeated with the new one', async () => {
  const calls = [];
  const api = new Api(new Storage(), async (path, init) => {
    calls.push([path, init.headers.Authorization]);
    if (path === '/api/v1/auth/refresh') {
      assert.deepEqual(JSON.parse(init.body), { refreshToken: 'r1' });
      return json(200, { accessToken: 'a2', refreshToken: 'r2', roles: ['VIEWER'] });
    }
    return init.headers.Authorization === 'Bearer a2' ? json(200, { ok: true }) : json(401, { status: 401, title: 'Unauthorized' }, 'application/problem+json');
  });
  api.session = { accessToken: 'a1', refreshToken: 'r1', roles: ['VIEWER'] };
  assert.deepEqual(await api.get('/api/v1/fields'), { ok: true });
  assert.deepEqual(calls.map(c => c[0]), ['/api/v1/fields', '/api/v1/auth/refresh', '/api/v1/fields']);
  assert.equal(api.session.refreshToken, 'r2');
});

test('a spent refresh token signs the dispatcher out', async () => {
  let signedOut = false;
  const api = new Api(new Storage(), async path => (path === '/api/v1/auth/refresh'
    ? json(401, { status: 401, title: 'Unauthorized' }, 'application/problem+json')
    : json(401, { status: 401, title: 'Unauthorized', detail: 'expired' }, 'application/problem+json')));
  api.onSignedOut = () => { signedOut = true; };
  api.session = { accessToken: 'a1', refreshToken: 'r1' };
  await assert.rejects(api.get('/api/v1/fields'), ProblemError);
  assert.equal(api.session, null);
  assert.ok(signedOut);
});

test('a refusal reads as the problem\'s own title, detail and named errors', async () => {
  const api = new Api(new Storage(), async () => json(422, {
    status: 422, title: 'The ledger has bad rows', detail: '1 bad row(s); nothing was written',
    errors: [{ ledger: 'communities', line: 2, field: 'lat', message: 'must be between 3 and 54' }],
  }, 'application/problem+json'));
  api.session = { accessToken: 'a', refreshToken: 'r' };
  const error = await api.post('/api/v1/ledgers/communities/import', {}).catch(e => e);
  assert.equal(error.status, 422);
  assert.equal(error.message, 'The ledger has bad rows: 1 bad row(s); nothing was written (communities #2 lat must be between 3 and 54)');
  assert.equal(problemText({ status: 502 }), 'HTTP 502');
});

test('calls that meet an expired token together share one refresh (a refresh token is good once)', async () => {
  let refreshes = 0;
  const api = new Api(new Storage(), async (path, init) => {
    if (path === '/api/v1/auth/refresh') {
      refreshes += 1;
      await new Promise(resolve => setTimeout(resolve, 10));
      return json(200, { accessToken: 'a2', refreshToken: 'r2' });
    }
    return init.headers.Authorization === 'Bearer a2' ? json(200, { path }) : json(401, { status: 401, title: 'Unauthorized' }, 'application/problem+json');
  });
  api.session = { accessToken: 'a1', refreshToken: 'r1' };
  const answers = await Promise.all(['/a', '/b', '/c'].map(path => api.get(path)));
  assert.deepEqual(answers.map(a => a.path), ['/a', '/b', '/c']);
  assert.equal(refreshes, 1);
  assert.equal(api.session.refreshToken, 'r2');
});
