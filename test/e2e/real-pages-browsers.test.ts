/**
 * Real corpus pages served bare on localhost, in Chromium and Firefox: reports are annotated
 * without being asked and their officials highlighted; pages of other genres are left alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  launchFirefox,
  startFixtureServer,
  waitForAnnotated,
  type AnyPage,
  type ChromiumSession,
  type FirefoxSession,
  type FixtureServer,
} from '../support';
import { hasHost, readHighlights } from './content-pages';
import { addRealPages, type RealPage } from './real-pages';

let server: FixtureServer;
let sample: RealPage[];
beforeAll(async () => {
  server = await startFixtureServer();
  sample = addRealPages(server);
});
afterAll(async () => {
  await server?.close();
});

/** Checks one page: a report is annotated with its officials highlighted, a negative is not. */
async function checkPage(page: AnyPage, real: RealPage): Promise<void> {
  if (real.isGovNews) {
    expect((await waitForAnnotated(page)).isGovNews, real.id).toBe(true);
    const officials = (await readHighlights(page))['zwl-official']?.join('|') ?? '';
    for (const name of real.engineOfficials)
      expect(officials, `${real.id} ${name}`).toContain(name);
    const gold = real.officials.filter((name) => officials.includes(name));
    expect(gold.length, `${real.id}: gold officials highlighted`).toBeGreaterThanOrEqual(2);
  } else {
    // Time for the content script to read the page; it must leave it untouched (no panel host
    // appears on a page that is not annotated).
    await new Promise((r) => setTimeout(r, 2000));
    expect(await hasHost(page), real.id).toBe(false);
    expect(await readHighlights(page), real.id).toEqual({});
  }
}

describe('real pages served bare, Chromium', () => {
  let cr: ChromiumSession;
  beforeAll(async () => {
    cr = await launchChromium();
  });
  afterAll(async () => {
    await cr?.close();
  });

  it('has reports and negatives in the sample', () => {
    expect(sample.filter((p) => p.isGovNews).length).toBe(6);
    expect(sample.filter((p) => !p.isGovNews).length).toBe(4);
  });

  it('annotates the reports by themselves and leaves the other genres alone', async () => {
    const page = await cr.context.newPage();
    for (const real of sample) {
      await page.goto(server.url(real.path));
      await checkPage(page, real);
    }
    await page.close();
  });
});

describe('real pages served bare, Firefox', () => {
  let ff: FirefoxSession;
  beforeAll(async () => {
    ff = await launchFirefox();
  });
  afterAll(async () => {
    await ff?.close();
  });

  it('annotates the reports by themselves and leaves the other genres alone', async () => {
    const page = await ff.newPage();
    for (const real of sample) {
      await page.goto(server.url(real.path));
      await checkPage(page, real);
    }
    await page.close();
  });
});
