import { describe, expect, it } from 'vitest';
import {
  applyCorrections,
  correctionProblemOf,
  engineClipOf,
  entityIdOf,
  mergeCorrections,
  withCorrections,
  type EntityCorrection,
} from '../../../../src/core/clips/corrections';
import { mergeClips } from '../../../../src/core/clips/merge';
import type { Clip } from '../../../../src/core/clips/model';
import { makeClip, meeting, official, sampleMeeting } from '../../../support/clip-fixtures';

const at = (s: number) => new Date(Date.UTC(2026, 10, 2, 0, 0, s)).toISOString();

/** seed-002-like clip: 董一兵 chairs, 李云峰 speaks, one numbered meeting. */
function clipWithMeeting(): Clip {
  return makeClip({
    entities: [
      official('董一兵', ['市委书记'], 0),
      official('李云峰', ['市长'], 12),
      meeting('市委', [26], 30),
    ],
    meetings: [sampleMeeting({ name: '市委第26次会议' })],
  });
}

describe('entityIdOf', () => {
  it('names an entity by kind and offsets', () => {
    expect(entityIdOf(official('韦韬', ['市长'], 3))).toBe('official@3-9');
  });
});

describe('applyCorrections', () => {
  it('gives a clip without corrections back unchanged', () => {
    const clip = clipWithMeeting();
    expect(applyCorrections(clip)).toBe(clip);
  });

  it('drops a rejected entity and its name from the meeting records', () => {
    const clip = clipWithMeeting();
    const reject: EntityCorrection = {
      entityId: entityIdOf(clip.entities[1]!),
      action: 'reject',
      correctedAt: at(1),
    };
    const shown = applyCorrections({ ...clip, corrections: [reject] });
    expect(shown.entities.map((e) => (e.kind === 'official' ? e.name : e.kind))).toEqual([
      '董一兵',
      'meeting',
    ]);
    expect(shown.meetings![0]!.speakers).toEqual(['董一兵']);
    // The stored clip is not changed.
    expect(clip.entities).toHaveLength(3);
  });

  it('keeps a rejected name in the records when a kept official carries it', () => {
    const clip = makeClip({
      entities: [official('董一兵', ['市委书记'], 0), official('董一兵', [], 20)],
      meetings: [sampleMeeting()],
    });
    const corrections = [
      { entityId: entityIdOf(clip.entities[1]!), action: 'reject' as const, correctedAt: at(1) },
    ];
    const shown = applyCorrections({ ...clip, corrections });
    expect(shown.entities).toHaveLength(1);
    expect(shown.meetings![0]!.chairs).toEqual(['董一兵']);
  });

  it('fixes a name and titles, marks the entity and renames it in the records', () => {
    const clip = clipWithMeeting();
    const fix: EntityCorrection = {
      entityId: entityIdOf(clip.entities[0]!),
      action: 'fix',
      name: '董一斌',
      titles: ['市委书记', '市人大常委会主任'],
      correctedAt: at(1),
    };
    const shown = applyCorrections({ ...clip, corrections: [fix] });
    expect(shown.entities[0]).toMatchObject({
      name: '董一斌',
      titles: ['市委书记', '市人大常委会主任'],
      corrected: true,
    });
    expect(shown.entities[1]).not.toHaveProperty('corrected');
    expect(shown.meetings![0]!.chairs).toEqual(['董一斌']);
    expect(shown.meetings![0]!.speakers).toEqual(['董一斌', '李云峰']);
  });

  it("fixes a meeting's ordinals, and those of the record of that name", () => {
    const clip = makeClip({
      entities: [meeting('市委', [26], 0)],
      meetings: [sampleMeeting({ name: '市委第26次会议' }), sampleMeeting({ name: '别的会议' })],
    });
    const fix: EntityCorrection = {
      entityId: entityIdOf(clip.entities[0]!),
      action: 'fix',
      ordinals: [27],
      correctedAt: at(1),
    };
    const shown = applyCorrections({ ...clip, corrections: [fix] });
    expect(shown.entities[0]).toMatchObject({ ordinals: [27], corrected: true });
    expect(shown.meetings!.map((m) => m.ordinals)).toEqual([[27], [26]]);
  });

  it('keeps a correction whose entity is gone without applying it', () => {
    const clip = clipWithMeeting();
    const orphan: EntityCorrection = {
      entityId: 'official@90-95',
      action: 'reject',
      correctedAt: at(1),
    };
    const shown = applyCorrections({ ...clip, corrections: [orphan] });
    expect(shown.entities).toEqual(clip.entities);
    expect(shown.corrections).toEqual([orphan]);
  });
});

describe('correction checks and lists', () => {
  const o = official('韦韬', ['市长']);
  const m = meeting('市委', [1]);
  const id = entityIdOf(o);

  it('accepts what fits the entity and says what does not', () => {
    expect(correctionProblemOf(o, { entityId: id, action: 'reject' })).toBeNull();
    expect(correctionProblemOf(o, { entityId: id, action: 'fix', name: '韦涛' })).toBeNull();
    expect(correctionProblemOf(o, { entityId: id, action: 'fix' })).toMatch(/change a field/);
    expect(correctionProblemOf(o, { entityId: id, action: 'fix', ordinals: [2] })).toMatch(
      /no ordinals/,
    );
    expect(correctionProblemOf(m, { entityId: id, action: 'fix', name: 'x' })).toMatch(
      /only ordinals/,
    );
    expect(correctionProblemOf(o, { entityId: id, action: 'reject', name: 'x' })).toMatch(
      /changes no field/,
    );
  });

  it('sets, replaces and clears corrections by entity id, in id order', () => {
    const a = { entityId: 'official@5-9', action: 'reject' as const, correctedAt: at(1) };
    const b = { entityId: 'meeting@0-4', action: 'reject' as const, correctedAt: at(1) };
    const a2 = { ...a, action: 'fix' as const, name: '王炜', correctedAt: at(2) };
    expect(withCorrections([a], [b])).toEqual([b, a]);
    expect(withCorrections([a, b], [a2])).toEqual([b, a2]);
    expect(withCorrections([a, b], [], ['official@5-9'])).toEqual([b]);
  });

  it('merges two lists, the later correction of an entity winning', () => {
    const old = { entityId: 'official@5-9', action: 'reject' as const, correctedAt: at(1) };
    const later = { ...old, action: 'fix' as const, name: '王炜', correctedAt: at(2) };
    const other = { entityId: 'meeting@0-4', action: 'reject' as const, correctedAt: at(0) };
    expect(mergeCorrections([later], [old, other])).toEqual([other, later]);
    expect(mergeCorrections([old], [later])).toEqual([later]);
  });
});

describe('corrections and import merges', () => {
  it("keeps a stored clip's corrections when a newer copy without them merges in", () => {
    const stored = clipWithMeeting();
    const correction = {
      entityId: entityIdOf(stored.entities[0]!),
      action: 'reject' as const,
      correctedAt: at(1),
    };
    const withFix = { ...stored, corrections: [correction] };
    // The same page as a newer engine annotated it, without the researcher's corrections.
    const incoming: Clip = {
      ...stored,
      entities: [...stored.entities, official('常青', [], 40)],
      updatedAt: '2027-01-01T00:00:00.000Z',
    };
    const merged = mergeClips(withFix, incoming);
    expect(merged.entities).toHaveLength(4);
    expect(merged.corrections).toEqual([correction]);
    expect(applyCorrections(merged).entities).toHaveLength(3);
    // Merging the same clip again changes nothing.
    expect(mergeClips(merged, merged)).toEqual(merged);
  });

  it("reads an exported clip's engine output back as its entities and meetings", () => {
    const clip = clipWithMeeting();
    const corrections = [
      { entityId: entityIdOf(clip.entities[1]!), action: 'reject' as const, correctedAt: at(1) },
    ];
    const stored = { ...clip, corrections };
    const shown = applyCorrections(stored);
    const exported = {
      ...shown,
      engine: { entities: clip.entities, meetings: clip.meetings! },
    };
    expect(engineClipOf(exported)).toEqual(stored);
    expect(engineClipOf(stored)).toEqual(stored);
  });
});
