/**
 * Static localhost server for the fixture pages (`test/fixtures/pages`), used by every E2E test.
 *
 * API:
 *   const server = await startFixtureServer({ root?, headers? });
 *   server.origin                 // 'http://127.0.0.1:<random free port>'
 *   server.url('seed-000.html')   // absolute URL of a page
 *   server.setHeaders('/csp/seed-000.html', { 'Content-Security-Policy': STRICT_CSP });
 *   server.addRoute('/gbk.html', { body: buffer, contentType: 'text/html; charset=gbk' });
 *   await server.close();
 *
 * Every file is served with a Content-Type that names its charset (utf-8 for text). Extra headers
 * apply to an exact pathname; a pathname under `/csp/` serves the same file as without the prefix,
 * so one fixture can be loaded both with and without a strict Content-Security-Policy.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { REPO_ROOT } from './paths';

/** Directory the server serves by default. */
export const FIXTURE_PAGES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'pages');

/** A strict page CSP like hardened government sites send: no inline script or style, no eval. */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Content types by file extension; text types carry their charset. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
};

/** A response registered in code rather than read from disk. */
export interface FixtureRoute {
  body: string | Buffer;
  /** Defaults to `text/html; charset=utf-8`. */
  contentType?: string;
  headers?: Record<string, string>;
  status?: number;
}

/** Options of `startFixtureServer`. */
export interface FixtureServerOptions {
  /** Directory to serve; defaults to `test/fixtures/pages`. */
  root?: string;
  /** Extra response headers keyed by exact pathname (e.g. `/csp/seed-000.html`). */
  headers?: Record<string, Record<string, string>>;
}

/** A running fixture server. */
export interface FixtureServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Absolute URL of `path` (leading slash optional). */
  url(path: string): string;
  /** Adds or replaces extra headers sent for an exact pathname. */
  setHeaders(pathname: string, headers: Record<string, string>): void;
  /** Serves `route` at an exact pathname, taking precedence over files. */
  addRoute(pathname: string, route: FixtureRoute): void;
  /** Pathnames requested so far, in order (useful to assert a page was loaded). */
  requests: string[];
  close(): Promise<void>;
}

/** Pathname prefix that serves the same file, meant to carry the strict CSP header. */
export const CSP_PREFIX = '/csp/';

/** Starts the server on a random free port of 127.0.0.1. */
export async function startFixtureServer(
  options: FixtureServerOptions = {},
): Promise<FixtureServer> {
  const root = normalize(options.root ?? FIXTURE_PAGES_DIR);
  const extraHeaders = new Map(Object.entries(options.headers ?? {}));
  const routes = new Map<string, FixtureRoute>();
  const requests: string[] = [];

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    requests.push(pathname);
    const headers = extraHeaders.get(pathname) ?? {};
    const route = routes.get(pathname);
    if (route) {
      res.writeHead(route.status ?? 200, {
        'Content-Type': route.contentType ?? 'text/html; charset=utf-8',
        ...headers,
        ...route.headers,
      });
      res.end(route.body);
      return;
    }
    let relative = pathname.startsWith(CSP_PREFIX)
      ? pathname.slice(CSP_PREFIX.length - 1)
      : pathname;
    if (relative.endsWith('/')) relative += 'index.html';
    const file = normalize(join(root, relative));
    // Refuse paths that climb out of the served directory.
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('forbidden');
      return;
    }
    try {
      const body = await readFile(file);
      const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    }
  }

  const server = createServer((req, res) => {
    respond(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(String(err));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    requests,
    url: (path) => `${origin}/${path.replace(/^\/+/, '')}`,
    setHeaders: (pathname, headers) => void extraHeaders.set(pathname, headers),
    addRoute: (pathname, route) => void routes.set(pathname, route),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
