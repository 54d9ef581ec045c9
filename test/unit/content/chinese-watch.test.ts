// @vitest-environment happy-dom
/**
 * Pages without Chinese text at first: a single-page site whose article arrives later, and a page
 * whose Chinese follows more English than the first check samples. Both are found; a page that
 * stays English is not, and aborting stops the watch.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  LATE_CHECK_MS,
  pageHasChineseText,
  SAMPLE_CHARS,
  watchForChinese,
} from '../../../src/content/chinese-check';

const paragraph = (text: string): HTMLParagraphElement =>
  Object.assign(document.createElement('p'), { textContent: text });
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('watchForChinese', () => {
  it('finds Chinese text added after load, once, and not English text', async () => {
    document.body.replaceChildren(paragraph('Loading…'));
    const onFound = vi.fn();
    const controller = new AbortController();
    watchForChinese(document, onFound, controller.signal);
    document.body.append(paragraph('Still loading the article.'));
    await wait(LATE_CHECK_MS + 100);
    expect(onFound).not.toHaveBeenCalled();
    document.body.append(paragraph('3月25日，市委召开常委会会议。'));
    document.body.append(paragraph('会议强调……'));
    await vi.waitFor(() => expect(onFound).toHaveBeenCalledTimes(1), { timeout: 2000 });
    document.body.append(paragraph('又一段中文。'));
    await wait(LATE_CHECK_MS + 100);
    expect(onFound).toHaveBeenCalledTimes(1);
    controller.abort();
  });

  it('finds Chinese past the first check’s sample with a complete scan in slices', async () => {
    const english = Array.from({ length: 60 }, () =>
      paragraph('Navigation, links and English menus. '.repeat(15)),
    );
    document.body.replaceChildren(...english, paragraph('市委书记主持召开会议。'));
    expect(english.length * english[0]!.textContent!.length).toBeGreaterThan(SAMPLE_CHARS);
    expect(pageHasChineseText(document)).toBe(false);
    const onFound = vi.fn();
    const controller = new AbortController();
    watchForChinese(document, onFound, controller.signal);
    await vi.waitFor(() => expect(onFound).toHaveBeenCalledTimes(1), { timeout: 3000 });
    controller.abort();
  });

  it('stops when aborted', async () => {
    document.body.replaceChildren(paragraph('English only.'));
    const onFound = vi.fn();
    const controller = new AbortController();
    watchForChinese(document, onFound, controller.signal);
    controller.abort();
    document.body.append(paragraph('中文来了。'));
    await wait(LATE_CHECK_MS + 1200);
    expect(onFound).not.toHaveBeenCalled();
  });
});
