import { chromium } from 'playwright-core';
import { startFixtureServer } from '../test/e2e/harness';
import { buildBenchPage } from './.zwl-page-tmp';
async function main(): Promise<void> {
  const server = await startFixtureServer();
  server.addRoute('/b.html', { body: buildBenchPage() });
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  for (const variant of (process.env.VARIANTS ?? 'none,universal,root,universal,root,none').split(',')) {
    const page = await (await b.newContext()).newPage();
    await page.goto(server.url('b.html'));
    await page.waitForTimeout(1500);
    const ms = await page.evaluate(`new Promise((resolve) => {
      const long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) long.push(Math.round(e.duration)); }).observe({ type: 'longtask' });
      const v = '${variant}';
      const scope = v === 'root' ? ':root' : v === 'html' ? 'html' : v === 'body' ? 'body' : v === 'main' ? 'main' : '';
      const sheet = new CSSStyleSheet();
      const names = ['zwl-official','zwl-official-name','zwl-meeting','zwl-directive','zwl-directive-slogan','zwl-directive-formula','zwl-flash','zwl-focus'];
      if (v === 'plain') sheet.replaceSync('.zwl-none-such{color:red}'); else if (v !== 'none') sheet.replaceSync(names.map((n) => scope + '::highlight(' + n + '){background-color:rgba(255,0,0,.3);text-decoration:underline solid red;}').join('\\n'));
      const t0 = performance.now();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      requestAnimationFrame(() => setTimeout(() => { const t = performance.now() - t0; setTimeout(() => resolve({ frame: Math.round(t), long }), 300); }, 0));
    })`);
    console.log(variant, JSON.stringify(ms));
    await page.close();
  }
  await b.close();
  await server.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
