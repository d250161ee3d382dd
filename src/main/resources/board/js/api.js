// Talks to the service as the signed-in dispatcher: bearer token, one refresh when it has expired, and every
// refusal turned into the problem's own text. The tokens live in sessionStorage, which ends with the tab.

const KEY = 'harvest.board.session';

export class ProblemError extends Error {
  constructor(problem) {
    super(problemText(problem));
    this.problem = problem;
    this.status = problem.status;
  }
}

/** "title: detail" and each named error, as the service wrote them. */
export function problemText(problem) {
  const head = [problem.title, problem.detail].filter(Boolean).join(': ') || `HTTP ${problem.status}`;
  const errors = (problem.errors || []).map(e => [e.ledger, e.line && `#${e.line}`, e.field, e.message]
    .filter(Boolean).join(' '));
  return errors.length && !problem.detail?.includes(errors[0]) ? `${head} (${errors.slice(0, 3).join('; ')})` : head;
}

export class Api {
  constructor(storage = sessionStorage, fetcher = (...args) => fetch(...args)) {
    this.storage = storage;
    this.fetcher = fetcher;
    this.refreshing = null;
    this.onSignedOut = () => {};
  }

  get session() {
    const text = this.storage.getItem(KEY);
    return text ? JSON.parse(text) : null;
  }

  set session(value) {
    if (value) {
      this.storage.setItem(KEY, JSON.stringify(value));
    } else {
      this.storage.removeItem(KEY);
    }
  }

  hasRole(role) {
    return (this.session?.roles || []).includes(role);
  }

  async signIn(username, password) {
    const tokens = await this.call('POST', '/api/v1/auth/sign-in', { json: { username, password }, anonymous: true });
    this.session = tokens;
    return tokens;
  }

  async signOut() {
    try {
      await this.call('POST', '/api/v1/auth/sign-out');
    } finally {
      this.session = null;
    }
  }

  get(path) {
    return this.call('GET', path);
  }

  post(path, json) {
    return this.call('POST', path, json === undefined ? {} : { json });
  }

  /** Sends a file as it is (CSV, XLSX, zip) or a FormData of files. */
  upload(path, body, contentType) {
    return this.call('POST', path, { body, contentType });
  }

  /** Fetches an export with the token and hands it to the browser as a download. */
  async download(path, fileName) {
    const response = await this.send('GET', path, { accept: '*/*' });
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  }

  async call(method, path, options = {}) {
    const response = await this.send(method, path, options);
    if (response.status === 204) {
      return null;
    }
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json() : response.text();
  }

  async send(method, path, options = {}, retried = false) {
    const headers = { Accept: options.accept || 'application/json, application/problem+json' };
    let body = options.body;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.contentType) {
      headers['Content-Type'] = options.contentType;
    }
    const session = this.session;
    if (session && !options.anonymous) {
      headers.Authorization = `Bearer ${session.accessToken}`;
    }
    const response = await this.fetcher(path, { method, headers, body });
    if (response.status === 401 && session && !options.anonymous && !retried) {
      if (await this.renewed(session)) {
        return this.send(method, path, options, true);
      }
      if (this.session) {
        this.session = null;
        this.onSignedOut();
      }
    }
    if (!response.ok) {
      throw new ProblemError(await readProblem(response));
    }
    return response;
  }

  /**
   * Whether a newer access token than the one {@code session} held is there now. The views ask in parallel, and
   * a refresh token is good once (the service ends a session whose refresh token comes back twice), so every
   * caller that met the expiry waits for one shared refresh.
   */
  async renewed(session) {
    if (this.session && this.session.accessToken !== session.accessToken) {
      return true;
    }
    this.refreshing ??= this.refresh(session).finally(() => { this.refreshing = null; });
    return this.refreshing;
  }

  /** A new pair for the old; false when the refresh token is spent or expired (then the dispatcher signs in again). */
  async refresh(session) {
    const response = await this.fetcher('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
      body: JSON.stringify({ refreshToken: session.refreshToken }),
    });
    if (!response.ok) {
      return false;
    }
    this.session = await response.json();
    return true;
  }
}

async function readProblem(response) {
  const text = await response.text();
  try {
    return { status: response.status, ...JSON.parse(text) };
  } catch {
    return { status: response.status, title: response.statusText || `HTTP ${response.status}`, detail: text.slice(0, 200) };
  }
}
