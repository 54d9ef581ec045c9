/**
 * The researcher's decisions on one person, in the person's view: merge into another person,
 * split a merged key out again, attach external ids (CPED, China Vitae). Every change goes to the
 * background (`people/*` messages), the one writer of the people records.
 */
import { useState } from 'preact/hooks';
import type { ExternalIds, MergedPersonEntry } from '../core/clips/person-merges';
import { t } from '../ui/i18n';

/** What the person view may ask for. */
export interface PersonActions {
  onMerge: (from: string, into: string) => Promise<void>;
  onSplit: (key: string, mergedKey: string) => Promise<void>;
  onSetIds: (key: string, ids: ExternalIds) => Promise<void>;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Merge, split and external ids of `person`; `keys` are the other people's keys to merge into. */
export function PersonDecisions(
  props: { person: MergedPersonEntry; keys: readonly string[] } & PersonActions,
) {
  const { person } = props;
  const [into, setInto] = useState('');
  const [cpedId, setCpedId] = useState(person.record?.cpedId ?? '');
  const [vitae, setVitae] = useState(person.record?.chinaVitaeUrl ?? '');
  const [error, setError] = useState('');
  const attempt = async (action: () => Promise<void>) => {
    try {
      await action();
      setError('');
    } catch (err) {
      setError(errorText(err));
    }
  };
  const merged = person.record?.mergedKeys ?? [];
  const listId = `merge-keys-${person.key}`;
  return (
    <section class="person-decisions">
      <form
        class="person-merge"
        onSubmit={(e) => {
          e.preventDefault();
          if (into.trim()) void attempt(() => props.onMerge(person.key, into.trim()));
        }}
      >
        <label>
          {t('uiMergeInto')}
          <input
            class="person-merge-into"
            list={listId}
            value={into}
            onInput={(e) => setInto(e.currentTarget.value)}
          />
        </label>
        <datalist id={listId}>
          {props.keys.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
        <button type="submit" class="person-merge-button">
          {t('uiMerge')}
        </button>
      </form>
      {merged.length > 0 && (
        <>
          <h3>{t('uiMergedKeys')}</h3>
          <ul class="merged-keys">
            {merged.map((k) => (
              <li key={k} data-merged-key={k}>
                <span class="key">{k}</span>{' '}
                <button
                  type="button"
                  class="person-split"
                  aria-label={`${t('uiSplit')}: ${k}`}
                  onClick={() => void attempt(() => props.onSplit(person.key, k))}
                >
                  {t('uiSplit')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <form
        class="person-ids"
        aria-label={t('uiExternalIds')}
        onSubmit={(e) => {
          e.preventDefault();
          void attempt(() =>
            props.onSetIds(person.key, { cpedId: cpedId.trim(), chinaVitaeUrl: vitae.trim() }),
          );
        }}
      >
        <label>
          {t('uiCpedId')}
          <input
            class="person-cped-id"
            value={cpedId}
            onInput={(e) => setCpedId(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('uiChinaVitaeUrl')}
          <input
            class="person-china-vitae"
            type="url"
            value={vitae}
            placeholder="www.chinavitae.com/biography/…"
            onInput={(e) => setVitae(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="person-ids-save">
          {t('uiSave')}
        </button>
      </form>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
