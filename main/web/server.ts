/**
 * The browser host: the same API as the Electron preload, over HTTP on 127.0.0.1 only.
 * - POST /api/<method>  JSON input → `{ value }` or `{ error }` (status from the error code)
 * - GET  /api/events    Server-Sent Events for core events
 * - GET  /healthz       readiness
 * - everything else     the built renderer (dist-web/)
 * Every /api request needs the per-run token (Authorization: Bearer, or ?token= for SSE),
 * and the Host header must be loopback, so a web page elsewhere cannot drive the API.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { ApiErrorCode } from '../api/contract';
import type { Core } from '../app/start';

const STATUS: Record<ApiErrorCode, number> = {
  unknown_method: 404,
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  internal: 500,
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const MAX_BODY = 1_000_000;

export interface WebServerOptions {
  core: Core;
  staticDir: string;
  token: string;
  port?: number;
}

export interface WebServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, code: ApiErrorCode, message: string): void {
  sendJson(res, STATUS[code], { error: { code, message } });
}

function sameToken(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too_large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { core, token } = options;
  const staticRoot = path.resolve(options.staticDir);
  const sseClients = new Set<http.ServerResponse>();
  const offEvents = core.events.onAny((event, payload) => {
    for (const res of sseClients)
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[web] request failed', error);
      if (!res.headersSent)
        sendError(res, 'internal', 'The local service hit an unexpected problem.');
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
      // DNS-rebinding guard: a page on another origin that resolves to 127.0.0.1 gets nothing.
      sendError(res, 'forbidden', 'This service only answers on 127.0.0.1.');
      return;
    }
    if (url.pathname === '/healthz') {
      sendJson(res, 200, { ok: true });
      return;
    }
    if (url.pathname === '/api/events') {
      if (!sameToken(url.searchParams.get('token'), token)) {
        sendError(res, 'unauthenticated', 'Missing or wrong access token.');
        return;
      }
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      await handleApi(req, res, url.pathname.slice('/api/'.length));
      return;
    }
    serveStatic(url.pathname, res);
  }

  async function handleApi(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    method: string,
  ): Promise<void> {
    const auth = req.headers.authorization ?? '';
    if (!sameToken(auth.startsWith('Bearer ') ? auth.slice(7) : null, token)) {
      sendError(
        res,
        'unauthenticated',
        'Missing or wrong access token. Open the address the host printed.',
      );
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      sendError(res, 'invalid_input', 'API methods are called with POST.');
      return;
    }
    // A JSON content type cannot be sent cross-origin without a CORS preflight we never grant.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendError(res, 'invalid_input', 'API requests must have content-type application/json.');
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch (error) {
      const tooLarge = (error as Error).message === 'too_large';
      sendError(
        res,
        'invalid_input',
        tooLarge ? 'The request is too large.' : 'The request body is not valid JSON.',
      );
      return;
    }
    const sessionHeader = req.headers['x-sightline-session'];
    const sessionId = typeof sessionHeader === 'string' ? sessionHeader : null;
    const result = await core.router.call(decodeURIComponent(method), input, sessionId);
    if (result.ok) sendJson(res, 200, { value: result.value });
    else sendJson(res, STATUS[result.error.code], { error: result.error });
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const relative = path.normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = path.join(staticRoot, relative);
    if (!file.startsWith(staticRoot)) {
      sendError(res, 'forbidden', 'Not allowed.');
      return;
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      file = path.join(staticRoot, 'index.html'); // single-page app: unknown paths get the shell
    }
    if (!fs.existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The app has not been built. Run `npm run web`, which builds it first.');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    // A file that vanishes or cannot be read after the checks above must not take the host down.
    pipeline(fs.createReadStream(file), res, (error) => {
      if (error) res.destroy();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        offEvents();
        for (const res of sseClients) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
