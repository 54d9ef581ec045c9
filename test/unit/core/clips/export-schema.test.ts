import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportClips } from '../../../../src/core/clips/export';
import { entityIdOf } from '../../../../src/core/clips/corrections';
import { makeClip, meeting, sampleMeeting } from '../../../support/clip-fixtures';

const schema = JSON.parse(
  readFileSync(new URL('../../../../docs/clip-export.schema.json', import.meta.url), 'utf8'),
);

describe('docs/clip-export.schema.json', () => {
  const ajv = new Ajv2020({ allErrors: true });
  // date-time is checked by the importer; the schema names it for documentation.
  ajv.addFormat('date-time', true);
  const validate = ajv.compile(schema);

  it('accepts what the JSON export writes', () => {
    const clips = [
      makeClip({ note: '备注', tags: ['a'] }),
      makeClip({ entities: [meeting('市委', [3, 4])], wholeArticle: true }),
      makeClip({ meetings: [sampleMeeting(), sampleMeeting({ date: null, body: null })] }),
    ];
    const corrected = makeClip({ meetings: [sampleMeeting()] });
    const [person, mention] = corrected.entities.map(entityIdOf);
    const correctedAt = '2026-11-02T00:00:00.000Z';
    clips.push({
      ...corrected,
      corrections: [
        { entityId: person!, action: 'fix', name: '韦涛', titles: [], correctedAt },
        { entityId: mention!, action: 'reject', correctedAt },
      ],
    });
    const people = [
      {
        key: '临汾市/王伟',
        mergedKeys: ['?/王伟/副市长'],
        cpedId: '4711',
        chinaVitaeUrl: 'https://www.chinavitae.com/biography/Wang_Wei',
        updatedAt: '2026-11-02T00:00:00.000Z',
      },
    ];
    const ok = validate(JSON.parse(exportClips(clips, 'json', new Date(), people).content));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a clip with an unknown field or a wrong entity', () => {
    const data = JSON.parse(exportClips([makeClip()], 'json').content);
    data.clips[0].extra = 1;
    expect(validate(data)).toBe(false);
    delete data.clips[0].extra;
    data.clips[0].entities[0].kind = 'person';
    expect(validate(data)).toBe(false);
    data.clips[0].entities[0].kind = 'official';
    data.clips[0].meetings = [{ ...sampleMeeting(), date: '2020年3月25日' }];
    expect(validate(data)).toBe(false);
    data.clips[0].meetings = [sampleMeeting()];
    expect(validate(data)).toBe(true);
    data.clips[0].corrections = [{ entityId: 'official@0-1', action: 'undo', correctedAt: 'x' }];
    expect(validate(data)).toBe(false);
  });
});
