// @vitest-environment happy-dom
/**
 * The highlight registry against a minimal Custom Highlight API (happy-dom has none): each
 * highlight under its contract name and its palette's ink name, kinds toggled by unregistering,
 * a commit that aborts leaving the previous set, and clear() leaving nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/types';
import {
  createHighlightRegistry,
  type RegisteredEntity,
} from '../../../src/content/highlight-registry';

class FakeHighlight extends Set<Range> {
  priority = 0;
}
const win = document.defaultView as unknown as Record<string, unknown>;
win.Highlight = FakeHighlight;
win.CSS = { highlights: new Map<string, FakeHighlight>() };
const registry = (win.CSS as { highlights: Map<string, FakeHighlight> }).highlights;

function item(kind: 'official' | 'directive', text: string): RegisteredEntity {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  const range = document.createRange();
  range.selectNodeContents(p);
  const base = { text, simplified: text, start: 0, end: text.length };
  const entity: Entity =
    kind === 'official'
      ? {
          ...base,
          kind,
          name: text,
          titles: [],
          personId: text,
          role: 'titled',
          nameStart: 0,
          nameEnd: text.length,
        }
      : { ...base, kind, subtype: 'slogan', normalized: text };
  return { entity, range, nameRange: null };
}

const names = (): string[] => [...registry.keys()].sort();

describe('highlight registry', () => {
  it('registers each highlight under its name and the ink name of the page’s palette', async () => {
    for (const dark of [false, true]) {
      registry.clear();
      const reg = createHighlightRegistry(document, dark);
      reg.reset();
      reg.add(item('official', '张三'));
      reg.add(item('directive', '稳中求进'));
      await reg.commit(new AbortController().signal);
      const ink = dark ? 'zwl-ink-dark-' : 'zwl-ink-';
      expect(names()).toEqual(
        [
          'zwl-official',
          `${ink}official`,
          'zwl-directive',
          `${ink}directive`,
          'zwl-directive-slogan',
          `${ink}directive-slogan`,
        ].sort(),
      );
      expect(registry.get(`${ink}official`)).toBe(registry.get('zwl-official'));
      expect(registry.get('zwl-directive-slogan')!.priority).toBeGreaterThan(
        registry.get('zwl-directive')!.priority,
      );
      reg.clear();
      expect(names()).toEqual([]);
    }
  });

  it('hides a kind by unregistering both of its names, and shows it again', async () => {
    registry.clear();
    const reg = createHighlightRegistry(document, false);
    reg.reset();
    reg.add(item('official', '李四'));
    reg.add(item('directive', '六稳'));
    await reg.commit(new AbortController().signal);
    reg.setKindVisible('official', false);
    expect(names().some((n) => n.includes('official'))).toBe(false);
    expect(registry.has('zwl-directive')).toBe(true);
    reg.setKindVisible('official', true);
    expect(registry.get('zwl-ink-official')).toBe(registry.get('zwl-official'));
    expect([...registry.get('zwl-official')!].map(String)).toEqual(['李四']);
    reg.clear();
  });

  it('keeps the previous set when a commit is aborted', async () => {
    registry.clear();
    const reg = createHighlightRegistry(document, false);
    reg.reset();
    reg.add(item('official', '王五'));
    await reg.commit(new AbortController().signal);
    const before = registry.get('zwl-official');
    reg.reset();
    reg.add(item('directive', '三区'));
    const controller = new AbortController();
    controller.abort();
    await expect(reg.commit(controller.signal)).rejects.toThrow();
    expect(registry.get('zwl-official')).toBe(before);
    expect(registry.has('zwl-directive')).toBe(false);
    reg.clear();
    expect(names()).toEqual([]);
  });
});
