// @vitest-environment happy-dom
/**
 * The page's engine: the background reads the page by default; the tab's own engine (a test
 * double here) reads it when the background fails, from then on, or when the text is too long
 * for one message.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnnotateInput, AnnotateResult } from '../../../src/core/types';
import { LIMITS } from '../../../src/core/clips/schema';
import { createPageEngine } from '../../../src/content/page-engine';
import type { Send } from '../../../src/shared/send';

/** Texts the tab's engine double read, in order. */
const tabReads = vi.hoisted((): string[] => []);
vi.mock('../../../src/core/index', () => ({
  *annotateSteps(input: AnnotateInput) {
    yield undefined;
    tabReads.push(input.text);
    return resultOf('tab', input.text);
  },
  *prepareEngine() {
    yield undefined;
  },
}));

/** A result that says who read `text`. */
function resultOf(reader: string, text: string): AnnotateResult {
  return {
    page: {
      isGovNews: true,
      score: 1,
      signals: [{ name: reader, weight: text.length }],
      script: 'simplified',
      pinyinAnnotations: false,
      byline: [],
      editors: [],
    },
    entities: [],
  };
}

const readerOf = (r: AnnotateResult): string => r.page.signals[0]!.name;

let sent: Array<{ type: string; text: string }> = [];
/** How the background answers: with its own result, or by failing. */
let backgroundFails = false;
const send = (async (type: string, payload: AnnotateInput) => {
  sent.push({ type, text: payload.text });
  if (backgroundFails)
    throw new Error('Could not establish connection. Receiving end does not exist.');
  return { result: resultOf('background', payload.text) };
}) as unknown as Send;

beforeEach(() => {
  sent = [];
  tabReads.length = 0;
  backgroundFails = false;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('the page engine', () => {
  it('has the background read the page, with everything the engine is given', async () => {
    const engine = createPageEngine(send);
    const input = { text: '市委书记甲主持会议', url: 'https://example.gov.cn/a', threshold: 0.6 };
    const result = await engine(input, new AbortController().signal);
    expect(readerOf(result)).toBe('background');
    expect(sent).toEqual([{ type: 'engine/annotate', text: input.text }]);
    expect(tabReads).toEqual([]);
  });

  it('reads in the tab once the background has failed, and stops asking it', async () => {
    const engine = createPageEngine(send);
    backgroundFails = true;
    const first = await engine({ text: '第一页' }, new AbortController().signal);
    backgroundFails = false;
    const second = await engine({ text: '第二页' }, new AbortController().signal);
    expect([readerOf(first), readerOf(second)]).toEqual(['tab', 'tab']);
    expect(sent.map((m) => m.text)).toEqual(['第一页']);
    expect(tabReads).toEqual(['第一页', '第二页']);
  });

  it('reads a text too long for one message in the tab', async () => {
    const engine = createPageEngine(send);
    const text = '会'.repeat(LIMITS.engineText + 1);
    const result = await engine({ text }, new AbortController().signal);
    expect(readerOf(result)).toBe('tab');
    expect(sent).toEqual([]);
  });

  it('rejects with the abort reason when the run is aborted while the background reads', async () => {
    const engine = createPageEngine(send);
    const controller = new AbortController();
    const reading = engine({ text: '会议' }, controller.signal);
    controller.abort(new Error('a newer run'));
    await expect(reading).rejects.toThrow('a newer run');
    expect(tabReads).toEqual([]);
  });
});
