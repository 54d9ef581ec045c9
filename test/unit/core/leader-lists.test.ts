import { describe, expect, it } from 'vitest';
import { leaderListPattern } from '../../../src/core/leader-lists';

/** Every leaders' list title the scan finds, with where it starts, as a global RegExp would. */
function scanned(text: string): Array<[number, string]> {
  const scan = leaderListPattern();
  const out: Array<[number, string]> = [];
  for (let m = scan.exec(text); m; m = scan.exec(text)) out.push([m.index, m[1] ?? '']);
  return out;
}

describe('leaderListPattern', () => {
  it('finds each list title in text order, leftmost start first', () => {
    expect(
      scanned('县委领导小组召开会议,县领导王刚、李四出席。市政府(林管局)领导赵五讲话。'),
    ).toEqual([
      [11, '县领导'],
      [22, '市政府(林管局)领导'],
    ]);
  });

  it('reads 领导干部 only after a level, and goes on after a 领导 that opens no list', () => {
    expect(scanned('全县领导干部大会召开。县级领导干部王刚、李四参加。')).toEqual([
      [11, '县级领导干部'],
    ]);
  });

  it('starts again from the text’s start once a scan has found nothing more', () => {
    const scan = leaderListPattern();
    const text = '市领导王刚出席。';
    expect(scan.exec(text)?.index).toBe(0);
    expect(scan.exec(text)).toBeNull();
    expect(scan.lastIndex).toBe(0);
    expect(scan.exec(text)?.index).toBe(0);
  });
});
