/**
 * The officials index (name → titles seen, pages, dates) and the meeting-series index
 * (body → ordinals with dates); each entry leads back to its clips through a filter.
 */
import { useMemo, useState } from 'preact/hooks';
import {
  buildMeetingSeriesIndex,
  buildOfficialsIndex,
  type OfficialIndexEntry,
} from '../core/clips/indexes';
import type { Clip } from '../core/clips/model';
import { t } from '../ui/i18n';

/** Entries rendered before "show more" (the index of a large library is long). */
const PAGE = 200;

/**
 * How often and when a person was seen; opened, the pages (date, title), each opening its page.
 * The list is built only while open: a prominent official can be on thousands of pages.
 */
function Sightings(props: { entry: OfficialIndexEntry; onOpen: (clipId: string) => void }) {
  const { entry } = props;
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {entry.sightings.length} × {entry.firstDate}
        {entry.lastDate !== entry.firstDate ? ` – ${entry.lastDate}` : ''}
      </summary>
      {open && (
        <ol class="sightings">
          {entry.sightings.map((s) => (
            <li key={s.clipId} data-clip-id={s.clipId}>
              {s.date} ·{' '}
              <button
                type="button"
                class="link"
                title={s.url}
                onClick={() => props.onOpen(s.clipId)}
              >
                {s.title || s.url}
              </button>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

/** Officials across all clips. */
export function OfficialsView(props: {
  clips: readonly Clip[];
  onShow: (name: string) => void;
  /** Opens the page of a clip, its passage highlighted. */
  onOpen: (clipId: string) => void;
}) {
  const index = useMemo(() => buildOfficialsIndex(props.clips), [props.clips]);
  const [shown, setShown] = useState(PAGE);
  return (
    <section class="index-view officials-view" aria-label={t('uiViewOfficials')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('uiFilterOfficial')}</th>
            <th scope="col">{t('uiTitlesSeen')}</th>
            <th scope="col">{t('uiSeen')}</th>
            <th scope="col">{t('uiFilterSite')}</th>
          </tr>
        </thead>
        <tbody>
          {index.slice(0, shown).map((entry) => (
            <tr key={entry.name} data-official={entry.name}>
              <th scope="row">
                <button type="button" class="link" onClick={() => props.onShow(entry.name)}>
                  {entry.name}
                </button>
              </th>
              <td>{entry.titles.join('、')}</td>
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
    </section>
  );
}

/** Meeting series across all clips. */
export function MeetingsView(props: { clips: readonly Clip[]; onShow: (body: string) => void }) {
  const index = useMemo(() => buildMeetingSeriesIndex(props.clips), [props.clips]);
  const [shown, setShown] = useState(PAGE);
  return (
    <section class="index-view meetings-view" aria-label={t('uiViewMeetings')}>
      {index.slice(0, shown).map((series) => (
        <section key={series.body} class="series" data-body={series.body}>
          <h3>
            <button type="button" class="link" onClick={() => props.onShow(series.body)}>
              {series.body}
            </button>
          </h3>
          <ol class="series-meetings">
            {series.meetings.map((m) => (
              <li key={`${m.clipId}-${m.ordinals.join(',')}`}>
                {m.term !== undefined ? `${m.term}届 ` : ''}
                {m.ordinals.map((o) => `第${o}次`).join('、')}
                {m.meetingType ? ` ${m.meetingType}` : ''} · {m.date} · {m.site}
              </li>
            ))}
          </ol>
        </section>
      ))}
      {index.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          … {index.length - shown}
        </button>
      )}
    </section>
  );
}
