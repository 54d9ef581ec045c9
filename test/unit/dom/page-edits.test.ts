// @vitest-environment happy-dom
/**
 * Page text kept up to date from mutation records: after each kind of change the edited text
 * reads like a fresh extraction (up to repeated line breaks), every segment still maps to its
 * node's text, and only the changed blocks were read.
 */
import { describe, expect, it } from 'vitest';
import { buildNodeIndex, type NodeIndex } from '../../../src/dom/dom-ranges';
import { applyEdits, editsFromMutations } from '../../../src/dom/page-edits';
import { extractPageText, type PageText } from '../../../src/dom/page-text';

const squeeze = (t: string): string => t.replace(/\n+/g, '\n').replace(/^\n|\n$/g, '');

/** Runs `change` on the page, then brings `page` up to date from the records it caused. */
async function follow(
  page: { text: PageText; index: NodeIndex },
  change: () => void,
): Promise<boolean> {
  const records: MutationRecord[] = [];
  const mo = new MutationObserver((r) => records.push(...r));
  mo.observe(document.body, { childList: true, subtree: true, characterData: true });
  change();
  await new Promise((r) => setTimeout(r, 0));
  records.push(...mo.takeRecords());
  mo.disconnect();
  const edits = editsFromMutations(records, document.body, page.text, page.index);
  if (!edits) {
    page.text = extractPageText(document.body);
    page.index = buildNodeIndex(page.text);
    return false;
  }
  page.text = applyEdits(page.text, edits, page.index).pageText;
  return true;
}

/** Asserts `page` reads like a fresh extraction and maps back to the DOM. */
function expectInStep(page: { text: PageText; index: NodeIndex }): void {
  const fresh = extractPageText(document.body);
  expect(squeeze(page.text.text)).toBe(squeeze(fresh.text));
  let last = -1;
  page.text.segments.forEach((s, i) => {
    expect(s.start).toBeGreaterThanOrEqual(last);
    last = s.end;
    expect(page.text.text.slice(s.start, s.end)).toBe(s.node.data);
    expect(page.index.get(s.node)).toBe(i);
  });
  expect(page.index.size).toBe(page.text.segments.length);
}

function start(html: string): { text: PageText; index: NodeIndex } {
  document.body.innerHTML = html;
  const text = extractPageText(document.body);
  return { text, index: buildNodeIndex(text) };
}

describe('page text from mutation records', () => {
  it('appends a block after the last text without reading the rest', async () => {
    const page = start('<main><p>甲<b>乙</b>丙</p><div id="feed"><p>丁</p></div></main>');
    const before = page.text.segments.slice();
    expect(
      await follow(page, () => {
        const div = document.createElement('div');
        div.innerHTML = '<p>戊</p><p>己</p>';
        document.getElementById('feed')!.append(div);
      }),
    ).toBe(true);
    expectInStep(page);
    // Untouched segments are the very same objects: nothing before the change was re-read.
    expect(page.text.segments.slice(0, before.length)).toEqual(before);
    page.text.segments.slice(0, before.length).forEach((s, i) => expect(s).toBe(before[i]));
  });

  it('follows edits, insertions and removals in the middle', async () => {
    const page = start(
      '<p>一</p><p id="b">二<i>三</i></p><div><p>四</p><p id="d">五</p></div><p>六</p>',
    );
    const changes: Array<() => void> = [
      () => (document.getElementById('b')!.firstChild as Text).replaceData(0, 1, '二二二'),
      () => (document.getElementById('b')!.textContent = '新'),
      () =>
        document
          .getElementById('d')!
          .before(Object.assign(document.createElement('p'), { textContent: '插' })),
      () => document.getElementById('d')!.remove(),
      () => document.querySelector('i')?.remove() ?? document.body.firstElementChild!.append('尾'),
      () =>
        document
          .querySelector('div')!
          .prepend(Object.assign(document.createElement('span'), { textContent: '行内' })),
      () => document.body.firstElementChild!.remove(),
    ];
    for (const change of changes) {
      expect(await follow(page, change)).toBe(true);
      expectInStep(page);
    }
  });

  it('ignores changes in skipped elements and reads the whole page when text moved', async () => {
    const page = start('<p id="a">甲</p><script>var x</script><p id="b">乙</p>');
    const script = document.querySelector('script')!;
    expect(await follow(page, () => (script.textContent = 'var y'))).toBe(true);
    expect(page.text.text).toBe(extractPageText(document.body).text);
    // A text node moved from one paragraph to the other: not describable as local edits.
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    b.append(Object.assign(document.createElement('b'), { textContent: '丙' }));
    page.text = extractPageText(document.body);
    page.index = buildNodeIndex(page.text);
    expect(await follow(page, () => a.prepend(b.lastChild!))).toBe(false);
    expectInStep(page);
  });

  it('stays in step over a random sequence of changes', async () => {
    const page = start('<div id="r"><p>起</p></div>');
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const words = ['会议', '书记', '召开', '强调', '第二次'];
    let incremental = 0;
    for (let step = 0; step < 60; step++) {
      const local = await follow(page, () => {
        const all = [...document.querySelectorAll('#r p, #r span')];
        const el = all[rand(all.length)];
        const kind = rand(5);
        const word = words[rand(words.length)]!;
        if (!el || kind === 0) {
          const p = document.createElement('p');
          p.textContent = word;
          document.getElementById('r')!.append(p);
        } else if (kind === 1 && all.length > 1) el.remove();
        else if (kind === 2)
          el.append(Object.assign(document.createElement('span'), { textContent: word }));
        else if (kind === 3 && el.firstChild?.nodeType === 3) (el.firstChild as Text).data += word;
        else el.after(Object.assign(document.createElement('p'), { textContent: word }));
      });
      if (local) incremental++;
      expectInStep(page);
    }
    // Every one of these changes is local to a block under #r.
    expect(incremental).toBe(60);
  });
});
