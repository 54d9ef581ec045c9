/**
 * The people index and the meeting-series index, each entry opening its own view (a person's
 * titles over time, a series' timeline) and leading back to its clips through a filter.
 */
import { useMemo, useState } from 'preact/hooks';
import { buildPeopleIndex, buildSeriesIndex } from '../core/clips/indexes';
import type { Clip } from '../core/clips/model';
import {
  applyPersonMerges,
  resolverOf,
  type ExternalIds,
  type PersonRecord,
} from '../core/clips/person-merges';
import { t } from '../ui/i18n';
import { PeopleIndex, PersonView } from './people-views';
import { SeriesIndex, SeriesView } from './series-views';

/**
 * People across all clips, the researcher's merges applied; one person opened shows their titles
 * over time and the merge, split and external-id controls. Each change answers every people
 * record; after a merge the view shows the merged person.
 */
export function OfficialsView(props: {
  clips: readonly Clip[];
  people: readonly PersonRecord[];
  /** Sends a `people/*` change; answers the people records after it. */
  onPeople: (
    change:
      | { merge: { from: string; into: string } }
      | { split: { key: string; mergedKey: string } }
      | { setIds: { key: string } & ExternalIds },
  ) => Promise<PersonRecord[]>;
  onShow: (name: string, clipIds: string[]) => void;
  /** Opens the page of a clip, its passage highlighted. */
  onOpen: (clipId: string) => void;
}) {
  const keyed = useMemo(() => buildPeopleIndex(props.clips), [props.clips]);
  const index = useMemo(() => applyPersonMerges(keyed, props.people), [keyed, props.people]);
  const [personKey, setPersonKey] = useState<string | null>(null);
  const person = personKey ? index.find((p) => p.key === personKey) : undefined;
  const keys = useMemo(() => index.map((p) => p.key), [index]);
  return (
    <section class="index-view officials-view" aria-label={t('uiViewOfficials')}>
      {person ? (
        <PersonView
          person={person}
          keys={keys.filter((k) => k !== person.key)}
          onMerge={async (from, into) => {
            const records = await props.onPeople({ merge: { from, into } });
            setPersonKey(resolverOf(records)(into));
          }}
          onSplit={async (key, mergedKey) => {
            await props.onPeople({ split: { key, mergedKey } });
          }}
          onSetIds={async (key, ids) => {
            await props.onPeople({ setIds: { key, ...ids } });
          }}
          onBack={() => setPersonKey(null)}
          onShow={props.onShow}
          onOpen={props.onOpen}
        />
      ) : (
        <PeopleIndex index={index} onPerson={setPersonKey} onOpen={props.onOpen} />
      )}
    </section>
  );
}

/** Meeting series across all clips; one series opened shows its timeline. */
export function MeetingsView(props: {
  clips: readonly Clip[];
  onShow: (body: string, clipIds: string[]) => void;
  onOpen: (clipId: string) => void;
}) {
  const index = useMemo(() => buildSeriesIndex(props.clips), [props.clips]);
  const [seriesKey, setSeriesKey] = useState<string | null>(null);
  const series = seriesKey ? index.find((s) => s.key === seriesKey) : undefined;
  return (
    <section class="index-view meetings-view" aria-label={t('uiViewMeetings')}>
      {series ? (
        <SeriesView
          series={series}
          onBack={() => setSeriesKey(null)}
          onShow={props.onShow}
          onOpen={props.onOpen}
        />
      ) : (
        <SeriesIndex index={index} onSeries={setSeriesKey} />
      )}
    </section>
  );
}
