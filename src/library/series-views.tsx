/**
 * The meeting-series index (one entry per series key: two cities' 市委常委会 are two series) and
 * a series' view with its timeline.
 */
import { useState } from 'preact/hooks';
import type { SeriesIndexEntry, SeriesMeeting } from '../core/clips/indexes';
import { formatDay } from '../ui/dates';
import { t } from '../ui/i18n';
import { PAGE } from './people-views';
import { SeriesTimeline } from './series-timeline-view';

/** `第3届 第25、26次 专题会议`. */
function meetingText(m: SeriesMeeting): string {
  return `${m.term !== null ? `${m.term}届 ` : ''}${m.ordinals.map((o) => `第${o}次`).join('、')}`;
}

/** `临汾市 市委 专题会议`: what a series is, read from its key. */
export function seriesTitleOf(series: SeriesIndexEntry): string {
  return [series.place ?? t('uiUnknownPlace'), series.body, series.type ?? ''].join(' ').trim();
}

/** The series index. */
export function SeriesIndex(props: {
  index: readonly SeriesIndexEntry[];
  onSeries: (key: string) => void;
}) {
  const { index } = props;
  const [shown, setShown] = useState(PAGE);
  return (
    <>
      {index.slice(0, shown).map((series) => (
        <section
          key={series.key}
          class="series"
          data-body={series.pageBody}
          data-series-key={series.key}
        >
          <h3>
            <button type="button" class="link" onClick={() => props.onSeries(series.key)}>
              {seriesTitleOf(series)}
            </button>
          </h3>
          <ol class="series-meetings">
            {series.meetings.map((m) => (
              <li key={m.key}>
                {meetingText(m)} · {formatDay(m.date)} · {m.sightings.map((s) => s.site).join(', ')}
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
    </>
  );
}

/** One series: its timeline and a way back to its clips. */
export function SeriesView(props: {
  series: SeriesIndexEntry;
  onBack: () => void;
  onShow: (body: string, clipIds: string[]) => void;
  onOpen: (clipId: string) => void;
}) {
  const { series } = props;
  return (
    <article class="series-view" data-series-key={series.key}>
      <button type="button" class="back" onClick={props.onBack}>
        ← {t('uiBackToIndex')}
      </button>
      <h2>
        {seriesTitleOf(series)}{' '}
        <span class="muted">
          · {series.meetings.length} ·{' '}
          <button
            type="button"
            class="link"
            onClick={() =>
              props.onShow(
                series.pageBody,
                series.meetings.flatMap((m) => m.sightings.map((s) => s.clipId)),
              )
            }
          >
            {t('uiShowClips')}
          </button>
        </span>
      </h2>
      <SeriesTimeline series={series} onOpen={props.onOpen} />
    </article>
  );
}
