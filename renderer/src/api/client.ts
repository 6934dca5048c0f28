/**
 * One client for the renderer, whichever host it runs under: the Electron preload's
 * `window.sightline` bridge when present, otherwise the browser host's HTTP + SSE API.
 *
 * Browser host protocol (main/web/server.ts):
 * - POST /api/<method> with the JSON input, `Authorization: Bearer <run token>` and
 *   `X-Sightline-Session`. The token arrives once in the address the host prints
 *   (`/?token=…`); the page keeps it for the tab and removes it from the address bar.
 *   200 → `{ value }`; otherwise `{ error: ApiErrorBody }`.
 * - GET /api/events?token=<run token> → Server-Sent Events named after `Events` keys.
 */
import type {
  EventName,
  Events,
  Input,
  Method,
  Output,
  PreloadBridge,
  SightlineClient,
} from '../../../main/api/contract';
import { ApiError } from '../../../main/api/errors';
import { i18n } from '../i18n';

declare global {
  interface Window {
    sightline?: PreloadBridge;
  }
}

const SESSION_KEY = 'sightline.session';
const TOKEN_KEY = 'sightline.token';

function rememberSession(method: Method, value: unknown, client: SightlineClient): void {
  if (method === 'auth.signIn') client.sessionId = (value as Output<'auth.signIn'>).sessionId;
  if (method === 'auth.signOut') client.sessionId = null;
  if (client.sessionId) sessionStorage.setItem(SESSION_KEY, client.sessionId);
  else sessionStorage.removeItem(SESSION_KEY);
}

function bridgeClient(bridge: PreloadBridge): SightlineClient {
  const client: SightlineClient = {
    sessionId: sessionStorage.getItem(SESSION_KEY),
    async call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
      const result = await bridge.invoke(method, input, client.sessionId);
      if (!result.ok) throw ApiError.fromJSON(result.error);
      rememberSession(method, result.value, client);
      return result.value as Output<M>;
    },
    subscribe<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      return bridge.on(event, (payload) => listener(payload as Events[E]));
    },
  };
  return client;
}

function httpClient(baseUrl: string, token: string): SightlineClient {
  let source: EventSource | null = null;
  const client: SightlineClient = {
    sessionId: sessionStorage.getItem(SESSION_KEY),
    async call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/api/${method}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            ...(client.sessionId ? { 'x-sightline-session': client.sessionId } : {}),
          },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        throw new ApiError('unavailable', i18n.t('common:errors.serviceDown'));
      }
      const body = (await response.json().catch(() => null)) as
        { value: unknown } | { error: unknown } | null;
      if (!response.ok || !body || !('value' in body)) {
        throw ApiError.fromJSON(body && 'error' in body ? body.error : null);
      }
      rememberSession(method, body.value, client);
      return body.value as Output<M>;
    },
    subscribe<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      source ??= new EventSource(`${baseUrl}/api/events?token=${encodeURIComponent(token)}`);
      const handler = (e: MessageEvent<string>) => listener(JSON.parse(e.data) as Events[E]);
      source.addEventListener(event, handler);
      return () => source?.removeEventListener(event, handler);
    },
  };
  return client;
}

export function createClient(): SightlineClient {
  if (window.sightline) return bridgeClient(window.sightline);
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  return httpClient(window.location.origin, sessionStorage.getItem(TOKEN_KEY) ?? '');
}

/** The app's one client. */
export const api: SightlineClient = createClient();
