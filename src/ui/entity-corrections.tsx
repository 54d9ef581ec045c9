/**
 * The corrections panel of a clip card: what the engine marked in the clip, one row per name or
 * meeting, each with reject, fix and undo buttons. A row stands for every mention with that label,
 * so one action corrects them all. Only native buttons and inputs: keyboard use comes with them.
 */
import { useState } from 'preact/hooks';
import { entityIdOf, type CorrectionInput, type EntityCorrection } from '../core/clips/corrections';
import type { Clip } from '../core/clips/model';
import { normaliseTags } from '../core/clips/model';
import type { Entity } from '../core/types';
import { t } from './i18n';

/** A change of a clip's corrections, as `clips/correct` takes it. */
export interface CorrectionChange {
  set?: CorrectionInput[];
  clear?: string[];
}

/** Mentions sharing one label, with the correction they carry (the first one's). */
interface EntityGroup {
  key: string;
  label: string;
  entities: Entity[];
  correction: EntityCorrection | undefined;
}

/** What a row shows for an entity: the name, the meeting, the phrase. */
function labelOf(e: Entity): string {
  return e.kind === 'official' ? e.name : e.kind === 'meeting' ? e.simplified : e.normalized;
}

/** The clip's engine entities grouped by kind and label, in text order. */
function groupsOf(clip: Clip): EntityGroup[] {
  const corrections = new Map((clip.corrections ?? []).map((c) => [c.entityId, c]));
  const groups = new Map<string, EntityGroup>();
  for (const e of clip.entities) {
    const key = `${e.kind}:${labelOf(e)}`;
    const group = groups.get(key) ?? {
      key,
      label: labelOf(e),
      entities: [],
      correction: undefined,
    };
    group.entities.push(e);
    group.correction ??= corrections.get(entityIdOf(e));
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Splits a comma list (any comma the researcher types) into trimmed items. */
const listOf = (text: string) => normaliseTags(text.split(/[,，、]/));

/** The fix form of one group: name and titles of an official, ordinals of a meeting. */
function FixForm(props: {
  group: EntityGroup;
  onSubmit: (fields: Omit<CorrectionInput, 'entityId' | 'action'>) => Promise<void>;
  onCancel: () => void;
}) {
  const first = props.group.entities[0]!;
  const c = props.group.correction;
  const [name, setName] = useState(c?.name ?? (first.kind === 'official' ? first.name : ''));
  const [titles, setTitles] = useState(
    (c?.titles ?? (first.kind === 'official' ? first.titles : [])).join(', '),
  );
  const [ordinals, setOrdinals] = useState(
    (c?.ordinals ?? (first.kind === 'meeting' ? first.ordinals : [])).join(', '),
  );
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      if (first.kind === 'official') {
        const fields: Omit<CorrectionInput, 'entityId' | 'action'> = {};
        if (name.trim() !== first.name) fields.name = name.trim();
        const list = listOf(titles);
        if (list.join('\u0000') !== first.titles.join('\u0000')) fields.titles = list;
        if (!fields.name && !fields.titles) throw new Error(t('uiNothingChanged'));
        await props.onSubmit(fields);
      } else if (first.kind === 'meeting') {
        const list = listOf(ordinals).map((x) => {
          if (!/^\d+$/.test(x)) throw new Error(`${t('uiOrdinalsInput')}: ${x}`);
          return Number(x);
        });
        if (list.join(',') === first.ordinals.join(',')) throw new Error(t('uiNothingChanged'));
        await props.onSubmit({ ordinals: list });
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form class="entity-fix" onSubmit={submit}>
      {first.kind === 'official' ? (
        <>
          <label>
            {t('uiName')}
            <input
              class="entity-fix-name"
              value={name}
              maxLength={500}
              autoFocus
              onInput={(e) => setName(e.currentTarget.value)}
            />
          </label>
          <label>
            {t('uiTitlesInput')}
            <input
              class="entity-fix-titles"
              value={titles}
              onInput={(e) => setTitles(e.currentTarget.value)}
            />
          </label>
        </>
      ) : (
        <label>
          {t('uiOrdinalsInput')}
          <input
            class="entity-fix-ordinals"
            value={ordinals}
            inputMode="numeric"
            autoFocus
            onInput={(e) => setOrdinals(e.currentTarget.value)}
          />
        </label>
      )}
      <button type="submit" class="entity-fix-save">
        {t('uiSave')}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t('uiCancel')}
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}

/** What a corrected row now says: rejected, or the fixed fields. */
function correctionText(c: EntityCorrection): string {
  if (c.action === 'reject') return t('uiRejected');
  const parts = [c.name, c.titles?.join('、'), c.ordinals?.join('、')].filter(Boolean);
  return `${t('uiCorrected')}: ${parts.join(' · ')}`;
}

/** The corrections panel of one clip. */
export function EntityCorrections(props: {
  clip: Clip;
  onCorrect: (id: string, change: CorrectionChange) => Promise<void>;
}) {
  const { clip } = props;
  const [fixing, setFixing] = useState<string | null>(null);
  const [error, setError] = useState('');
  const ids = (g: EntityGroup) => g.entities.map(entityIdOf);
  const run = async (change: CorrectionChange) => {
    try {
      await props.onCorrect(clip.id, change);
      setError('');
      setFixing(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div class="entity-corrections">
      <ul aria-label={t('uiCorrectEntities')}>
        {groupsOf(clip).map((g) => (
          <li
            key={g.key}
            class={`entity-row entity-${g.entities[0]!.kind}${g.correction ? ' is-corrected' : ''}`}
            data-entity-label={g.label}
          >
            <span class="entity-label" lang="zh">
              {g.label}
            </span>
            {g.entities.length > 1 && <span class="muted"> ×{g.entities.length}</span>}
            {g.correction && <span class="entity-status"> · {correctionText(g.correction)}</span>}
            {fixing === g.key ? (
              <FixForm
                group={g}
                onCancel={() => setFixing(null)}
                onSubmit={(fields) =>
                  run({ set: ids(g).map((entityId) => ({ entityId, action: 'fix', ...fields })) })
                }
              />
            ) : (
              <span class="entity-actions">
                {g.correction?.action !== 'reject' && (
                  <button
                    type="button"
                    class="entity-reject"
                    aria-label={`${t('uiReject')}: ${g.label}`}
                    onClick={() =>
                      void run({ set: ids(g).map((entityId) => ({ entityId, action: 'reject' })) })
                    }
                  >
                    {t('uiReject')}
                  </button>
                )}
                {g.entities[0]!.kind !== 'directive' && g.correction?.action !== 'reject' && (
                  <button
                    type="button"
                    class="entity-fix-button"
                    aria-label={`${t('uiFix')}: ${g.label}`}
                    onClick={() => setFixing(g.key)}
                  >
                    {t('uiFix')}
                  </button>
                )}
                {g.correction && (
                  <button
                    type="button"
                    class="entity-undo"
                    aria-label={`${t('uiUndo')}: ${g.label}`}
                    onClick={() => void run({ clear: ids(g) })}
                  >
                    {t('uiUndo')}
                  </button>
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
