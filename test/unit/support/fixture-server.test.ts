/** The E2E fixture server: charsets, per-path headers, the /csp/ alias, routes, no escaping root. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRICT_CSP, startFixtureServer, type FixtureServer } from '../../support';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({
    headers: { '/csp/seed-002.html': { 'Content-Security-Policy': STRICT_CSP } },
  });
});
afterAll(async () => {
  await server.close();
});

describe('fixture server', () => {
  it('serves pages on a random localhost port with a charset in Content-Type', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(server.url('seed-002.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBeNull();
    expect(await res.text()).toContain('<meta name="ArticleTitle"');
    const css = await fetch(server.url('site.css'));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(server.requests).toContain('/seed-002.html');
  });

  it('serves the same page under /csp/ with the extra headers of that path', async () => {
    const plain = await (await fetch(server.url('seed-002.html'))).text();
    const res = await fetch(server.url('csp/seed-002.html'));
    expect(res.headers.get('content-security-policy')).toBe(STRICT_CSP);
    expect(await res.text()).toBe(plain);
    server.setHeaders('/novel.html', { 'X-Test': 'yes' });
    expect((await fetch(server.url('novel.html'))).headers.get('x-test')).toBe('yes');
  });

  it('serves routes added in code, and index.html for a directory', async () => {
    const gbk = Buffer.from([0xd5, 0xfe, 0xce, 0xc5]); // 政闻 in GBK
    server.addRoute('/gbk.html', { body: gbk, contentType: 'text/html; charset=gbk' });
    const res = await fetch(server.url('gbk.html'));
    expect(res.headers.get('content-type')).toBe('text/html; charset=gbk');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(gbk);
    expect(await (await fetch(server.url('/'))).text()).toContain('seed-000.html');
  });

  it('answers 404 for missing files and never serves files outside its root', async () => {
    expect((await fetch(server.url('no-such-page.html'))).status).toBe(404);
    // An encoded slash survives URL parsing and is decoded by the server: it must not climb out.
    const escaped = await fetch(`${server.origin}/..%2F..%2Fpackage.json`);
    expect(escaped.status).toBe(403);
    expect(await escaped.text()).not.toContain('zhengwen-lens');
  });
});
