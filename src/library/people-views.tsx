/**
 * The people index (one row per person key, so two 王伟 of different places are two rows) and a
 * person's view: the titles held over time, and the pages the person was seen on.
 */
import { useState } from 'preact/hooks';
import type { PersonIndexEntry, Sighting } from '../core/clips/indexes';
import type { MergedPersonEntry } from '../core/clips/person-merges';
import { formatDay, formatDaySpan } from '../ui/dates';
import { t } from '../ui/i18n';
import { PersonDecisions, type PersonActions } from './person-decisions';

/** Entries rendered before "show more" (the index of a large library is long). */
export const PAGE = 200;

/** `Mar 25, 2020 – Jan 4, 2021` in the UI's language, or one date when both are the same. */
export function dateSpanOf(first: string, last: string): string {
  return formatDaySpan(first, last);
}

/** The pages something was seen on, each opening its page. */
export function SightingList(props: {
  sightings: readonly Sighting[];
  onOpen: (clipId: string) => void;
}) {
  return (
    <ol class="sightings">
      {props.sightings.map((s) => (
        <li key={s.clipId} data-clip-id={s.clipId}>
          {formatDay(s.date)} ·{' '}
          <button type="button" class="link" title={s.url} onClick={() => props.onOpen(s.clipId)}>
            {s.title || s.url}
          </button>
        </li>
      ))}
    </ol>
  );
}

/**
 * How often and when a person was seen; opened, the pages. The list is built only while open: a
 * prominent official can be on thousands of pages.
 */
function Sightings(props: { entry: PersonIndexEntry; onOpen: (clipId: string) => void }) {
  const { entry } = props;
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {entry.sightings.length} × {dateSpanOf(entry.firstDate, entry.lastDate)}
      </summary>
      {open && <SightingList sightings={entry.sightings} onOpen={props.onOpen} />}
    </details>
  );
}

/** The people index. */
export function PeopleIndex(props: {
  index: readonly PersonIndexEntry[];
  onPerson: (key: string) => void;
  onOpen: (clipId: string) => void;
}) {
  const { index } = props;
  const [shown, setShown] = useState(PAGE);
  return (
    <>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('uiFilterOfficial')}</th>
            <th scope="col">{t('uiJurisdiction')}</th>
            <th scope="col">{t('uiTitlesSeen')}</th>
            <th scope="col">{t('uiSeen')}</th>
            <th scope="col">{t('uiFilterSite')}</th>
          </tr>
        </thead>
        <tbody>
          {index.slice(0, shown).map((entry) => (
            <tr key={entry.key} data-official={entry.name} data-person-key={entry.key}>
              <th scope="row">
                <button type="button" class="link" onClick={() => props.onPerson(entry.key)}>
                  {entry.name}
                </button>
              </th>
              <td>{entry.jurisdiction ?? <span class="muted">{t('uiUnknownPlace')}</span>}</td>
              <td>{entry.titles.map((s) => s.title).join('、')}</td>
              <td>
                <Sightings entry={entry} onOpen={props.onOpen} />
              </td>
              <td>{[...new Set(entry.sightings.map((s) => s.site))].join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {index.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          … {index.length - shown}
        </button>
      )}
    </>
  );
}

/**
 * One person: titles over time (first and last date seen), the pages, and the researcher's
 * decisions (merge, split, external ids).
 */
export function PersonView(
  props: {
    person: MergedPersonEntry;
    /** Every other person's key, to merge into. */
    keys: readonly string[];
    onBack: () => void;
    onShow: (name: string, clipIds: string[]) => void;
    onOpen: (clipId: string) => void;
  } & PersonActions,
) {
  const { person } = props;
  return (
    <article class="person-view" data-person-key={person.key}>
      <button type="button" class="back" onClick={props.onBack}>
        ← {t('uiBackToIndex')}
      </button>
      <h2>
        {person.name}
        <span class="muted"> · {person.jurisdiction ?? t('uiUnknownPlace')}</span>
      </h2>
      <p class="muted key">{person.key}</p>
      <PersonDecisions
        key={person.key}
        person={person}
        keys={props.keys}
        onMerge={props.onMerge}
        onSplit={props.onSplit}
        onSetIds={props.onSetIds}
      />
      <table class="title-spans">
        <caption>{t('uiTitlesOverTime')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('uiTitlesSeen')}</th>
            <th scope="col">{t('uiFirstSeen')}</th>
            <th scope="col">{t('uiLastSeen')}</th>
            <th scope="col">{t('uiClipsCount')}</th>
          </tr>
        </thead>
        <tbody>
          {person.titles.map((span) => (
            <tr key={span.title} data-title={span.title}>
              <th scope="row">{span.title}</th>
              <td>{formatDay(span.firstDate)}</td>
              <td>{formatDay(span.lastDate)}</td>
              <td>{span.clips}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>
        {t('uiSeen')}: {person.sightings.length} ·{' '}
        <button
          type="button"
          class="link"
          onClick={() =>
            props.onShow(
              person.name,
              person.sightings.map((s) => s.clipId),
            )
          }
        >
          {t('uiShowClips')}
        </button>
      </h3>
      <SightingList sightings={person.sightings} onOpen={props.onOpen} />
    </article>
  );
}
