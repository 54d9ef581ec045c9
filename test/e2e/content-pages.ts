/**
 * Shared pieces of the in-page E2E tests (Chromium and Firefox): the expected findings per seed
 * fixture, extra pages served from code (page script, hostile pages, appended text), and
 * page-side reads of what a page can see (the host element, `CSS.highlights`). What the content
 * script knows about the page is read from the extension side (`test/support/tab-status.ts`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  FIXTURE_PAGES_DIR,
  PANEL_SELECTOR,
  evaluateIn,
  type AnyPage,
  type FixtureServer,
} from '../support';

/** Strings (as written on the page) that must lie inside a highlight of each kind. */
export interface SeedExpectation {
  page: string;
  official: string[];
  meeting: string[];
  directive: string[];
  /** Names the panel lists (simplified). */
  panelOfficials: string[];
}

/** What each seed fixture must show (from the corpus gold files). */
export const SEEDS: SeedExpectation[] = [
  {
    page: 'seed-000.html',
    official: ['韋韜', '張新偉'],
    meeting: ['第115次'],
    directive: ['三區'],
    panelOfficials: ['韦韬', '张新伟'],
  },
  {
    page: 'seed-001.html',
    official: ['林武', '佛安'],
    meeting: ['第121次'],
    directive: ['二十條'],
    panelOfficials: ['林武', '蓝佛安'],
  },
  {
    page: 'seed-002.html',
    official: ['董一兵', '李云峰'],
    meeting: ['第二十六次'],
    directive: ['十个到位'],
    panelOfficials: ['董一兵', '李云峰'],
  },
  {
    page: 'seed-003.html',
    official: ['李正印', '王立伟'],
    meeting: ['第二十四次'],
    directive: ['一是'],
    panelOfficials: ['李正印', '王立伟'],
  },
  {
    page: 'seed-004.html',
    official: ['傅明先', '石光亮'],
    meeting: [],
    directive: ['開門紅'],
    panelOfficials: ['傅明先', '石光亮'],
  },
];

/** The text of every range of every `zwl-*` highlight, read from the page's own `CSS.highlights`. */
export function readHighlights(page: AnyPage): Promise<Record<string, string[]>> {
  return evaluateIn(
    page,
    () => {
      const out: Record<string, string[]> = {};
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> })
        .highlights;
      registry.forEach((h, name) => {
        if (name.startsWith('zwl-')) out[name] = [...h].map((r) => String(r));
      });
      return out;
    },
    undefined,
  );
}

/** Where the `zwl-official` ranges lie, measured in viewport heights outside the viewport. */
export interface OfficialRangePlaces {
  registered: number;
  inView: number;
  /** How far the farthest registered range lies outside the viewport (0: all in it). */
  farthest: number;
}

/** Reads where the page's registered `zwl-official` ranges lie relative to its viewport. */
export function readOfficialRangePlaces(page: AnyPage): Promise<OfficialRangePlaces> {
  return evaluateIn(
    page,
    () => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const ranges = [...(registry.get('zwl-official') ?? [])];
      const h = innerHeight;
      let inView = 0;
      let farthest = 0;
      for (const r of ranges) {
        const box = r.getBoundingClientRect();
        const away = box.bottom < 0 ? -box.bottom / h : box.top > h ? (box.top - h) / h : 0;
        if (away === 0) inView++;
        farthest = Math.max(farthest, away);
      }
      return { registered: ranges.length, inView, farthest };
    },
    undefined,
  );
}

/**
 * Checks that a page too large to register every range registers those near the viewport, at
 * the top and after scrolling halfway down (the registry follows scrolling).
 */
export async function expectRangesFollowScrolling(page: AnyPage, officials: number): Promise<void> {
  const check = (p: OfficialRangePlaces): void => {
    expect(p.registered).toBeLessThan(officials);
    expect(p.inView).toBeGreaterThan(0);
    expect(p.farthest).toBeLessThanOrEqual(3);
  };
  check(await readOfficialRangePlaces(page));
  await evaluateIn(page, () => scrollTo(0, document.documentElement.scrollHeight / 2), undefined);
  let places = await readOfficialRangePlaces(page);
  for (let i = 0; i < 50 && (places.inView === 0 || places.farthest > 3); i++) {
    await new Promise((r) => setTimeout(r, 100));
    places = await readOfficialRangePlaces(page);
  }
  check(places);
}

/** Whether the page has the extension's host element. */
export function hasHost(page: AnyPage): Promise<boolean> {
  return evaluateIn(page, (s: string) => document.querySelector(s) !== null, PANEL_SELECTOR);
}

/** Script that records the DOM as it was before any content script ran. */
export const RECORD_INITIAL_DOM = `document.addEventListener('DOMContentLoaded', () => {
  window.__zwlBefore = document.documentElement.outerHTML;
});`;

/** Reads the DOM recorded by `RECORD_INITIAL_DOM` and the current one. */
export function readDomBeforeAfter(page: AnyPage): Promise<{ before: string; now: string }> {
  return evaluateIn(
    page,
    () => ({
      before: (window as unknown as { __zwlBefore: string }).__zwlBefore,
      now: document.documentElement.outerHTML,
    }),
    undefined,
  );
}

/** A seed article with the page's own script (a counter, a DOM-reading check). */
function pageWithScript(seed: string): string {
  return seed.replace(
    '</body>',
    `<p><button id="own-button" type="button">+1</button> <span id="own-count">0</span></p>
<script src="own-script.js"></script>
</body>`,
  );
}

/** The page's own script: counts clicks and records that it ran and saw the page's text. */
const OWN_SCRIPT = `
window.__ownScript = { ran: true, paragraphs: document.querySelectorAll('p').length };
document.getElementById('own-button').addEventListener('click', () => {
  const c = document.getElementById('own-count');
  c.textContent = String(Number(c.textContent) + 1);
});`;

/** A page script that redefines common DOM methods before the content script runs. */
const REDEFINING_SCRIPT = `
const boom = function () { throw new Error('page redefined this'); };
Range.prototype.setStart = boom;
Range.prototype.setEnd = boom;
Document.prototype.createRange = boom;
Element.prototype.attachShadow = boom;
Element.prototype.setAttribute = boom;
Element.prototype.append = boom;
Node.prototype.appendChild = boom;
Node.prototype.insertBefore = boom;
document.createElement = boom;
window.setTimeout = boom;
window.MutationObserver = boom;
window.Highlight = boom;
CSS.highlights.set = boom;
window.__redefined = true;`;

/** Markup-like page text that must stay text. */
const MARKUP_PARAGRAPH =
  '<p>市委书记董一兵强调，要落实“&lt;img src=x onerror=window.__xss=1&gt;”和“&lt;script&gt;window.__xss=2&lt;/script&gt;”要求。</p>';

/** Registers the extra pages on `server` (paths listed in the return value). */
export function addContentPages(server: FixtureServer): {
  ownScript: string;
  redefining: string;
  markup: string;
  csp: string;
  huge: string;
} {
  const seed = readFileSync(join(FIXTURE_PAGES_DIR, 'seed-002.html'), 'utf8');
  server.addRoute('/own-script.js', { body: OWN_SCRIPT, contentType: 'text/javascript' });
  server.addRoute('/redefine.js', { body: REDEFINING_SCRIPT, contentType: 'text/javascript' });
  server.addRoute('/own-script.html', { body: pageWithScript(seed) });
  server.addRoute('/redefining.html', {
    body: seed.replace('</head>', '<script src="redefine.js"></script></head>'),
  });
  server.addRoute('/markup.html', { body: seed.replace('</main>', `${MARKUP_PARAGRAPH}</main>`) });
  const paragraphs = [...seed.matchAll(/<p>[^<]*<\/p>/g)].map((m) => m[0]).join('\n');
  const copies = Math.ceil(300_000 / paragraphs.length);
  server.addRoute('/huge.html', {
    body: seed.replace('</main>', `${Array(copies).fill(paragraphs).join('\n')}</main>`),
  });
  return {
    ownScript: server.url('own-script.html'),
    redefining: server.url('redefining.html'),
    markup: server.url('markup.html'),
    csp: server.url('csp/seed-002.html'),
    huge: server.url('huge.html'),
  };
}

/** Appends a paragraph with a new meeting and official; returns nothing. */
export function appendMeetingParagraph(page: AnyPage): Promise<void> {
  return evaluateIn(
    page,
    () => {
      const p = document.createElement('p');
      p.textContent = '4月2日，市委书记董一兵主持召开市委第二十七次专题会议，研究部署有关工作。';
      (document.querySelector('main') ?? document.body).append(p);
    },
    undefined,
  );
}
