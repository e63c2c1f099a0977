/**
 * Calls the REST API from /control: JSON bodies, the access token (entered once, kept in
 * localStorage) as `Authorization: Bearer`, and one readable line for every failure.
 */
const TOKEN_KEY = 'ergsprint.token';

export function savedToken(): string {
  try {
    return localStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveToken(token: string): void {
  try {
    if (token === '') localStorage.removeItem(TOKEN_KEY);
    else localStorage.setItem(TOKEN_KEY, token);
  } catch {
    // private mode: the token lasts as long as the page
  }
}

/** True when the page was loaded from this machine (no token needed). */
export function isLocalPage(): boolean {
  const h = location.hostname;
  return h === 'localhost' || h === '127.0.0.1' || h === '[::1]';
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** Sends a JSON request; resolves with the JSON answer or throws an ApiFailure with a message for people. */
export async function callApi(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = savedToken();
  if (token !== '' && method !== 'GET') headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch {
    throw new ApiFailure(0, 'NETWORK', 'The server cannot be reached — is ergsprint still running?');
  }
  const json = (await res.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
  if (res.ok) return json;
  const code = json?.error?.code ?? 'HTTP_' + res.status;
  if (res.status === 401) {
    throw new ApiFailure(401, code, token === '' ? 'This server needs its access token: enter the token ergsprint printed at start.' : 'Wrong access token — enter the token ergsprint printed at start.');
  }
  if (res.status === 501) throw new ApiFailure(501, code, `Not available in this session: ${json?.error?.message ?? ''}`);
  throw new ApiFailure(res.status, code, json?.error?.message ?? `request failed (HTTP ${res.status})`);
}
