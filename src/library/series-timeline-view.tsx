/**
 * A meeting series drawn as an SVG timeline: dates across, ordinals up, a mark per meeting, the
 * ordinals not seen shown as hatched bands. The marks are one tab stop (roving tabindex): arrow
 * keys move between them in time order, Home and End go to the first and last; the chosen
 * meeting's details and pages are shown beneath.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SeriesIndexEntry } from '../core/clips/indexes';
import {
  layoutSeriesTimeline,
  markAfterKey,
  type TimelineLayout,
} from '../core/clips/series-timeline';
import { formatDay } from '../ui/dates';
import { t } from '../ui/i18n';
import { SightingList } from './people-views';

function Axes(props: { layout: TimelineLayout }) {
  const { frame, dateTicks, ordinalTicks } = props.layout;
  const bottom = frame.height - frame.bottom;
  const right = frame.width - frame.right;
  return (
    <g class="timeline-axes" aria-hidden="true">
      <line x1={frame.left} y1={bottom} x2={right} y2={bottom} />
      <line x1={frame.left} y1={frame.top} x2={frame.left} y2={bottom} />
      {ordinalTicks.map((tick) => (
        <g key={`o${tick.label}`}>
          <line class="grid" x1={frame.left} y1={tick.at} x2={right} y2={tick.at} />
          <text x={frame.left - 6} y={tick.at} text-anchor="end" dominant-baseline="middle">
            {tick.label}
          </text>
        </g>
      ))}
      {dateTicks.map((tick, i) => (
        <text
          key={`d${i}`}
          x={tick.at}
          y={bottom + 18}
          text-anchor={i === 0 ? 'start' : i === dateTicks.length - 1 ? 'end' : 'middle'}
        >
          {formatDay(tick.label)}
        </text>
      ))}
    </g>
  );
}

/** The timeline of one series, with the chosen meeting's pages. */
export function SeriesTimeline(props: {
  series: SeriesIndexEntry;
  onOpen: (clipId: string) => void;
}) {
  const { series } = props;
  const layout = useMemo(() => layoutSeriesTimeline(series.meetings), [series]);
  const [at, setAt] = useState(0);
  const [moved, setMoved] = useState(false);
  const marksRef = useRef<Array<SVGCircleElement | null>>([]);
  useEffect(() => {
    if (moved) marksRef.current[at]?.focus();
  }, [at, moved]);
  const { frame, marks, gaps } = layout;
  const chosen = marks[at];
  const meeting = chosen ? series.meetings[chosen.index] : undefined;
  const patternId = `gap-hatch-${series.key.length}`;

  const onKeyDown = (event: KeyboardEvent) => {
    const next = markAfterKey(event.key, at, marks.length);
    if (next === null) return;
    event.preventDefault();
    setMoved(true);
    setAt(next);
  };

  return (
    <figure class="series-timeline">
      <svg
        viewBox={`0 0 ${frame.width} ${frame.height}`}
        role="group"
        aria-label={`${t('uiTimeline')}: ${t('uiTimelineHelp')}`}
        onKeyDown={onKeyDown}
      >
        <defs>
          <pattern
            id={patternId}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line class="hatch" x1="0" y1="0" x2="0" y2="6" />
          </pattern>
        </defs>
        <Axes layout={layout} />
        {gaps.map((g) => (
          <g key={`${g.term}-${g.from}`} class="timeline-gap" aria-hidden="true">
            <rect
              x={frame.left}
              y={g.y1}
              width={frame.width - frame.left - frame.right}
              height={Math.max(2, g.y2 - g.y1)}
              fill={`url(#${patternId})`}
            />
            <text x={frame.width - frame.right - 4} y={(g.y1 + g.y2) / 2} text-anchor="end">
              {g.from === g.to ? g.from : `${g.from}–${g.to}`}
            </text>
          </g>
        ))}
        {marks.map((mark, i) => (
          <circle
            key={mark.index}
            ref={(el) => {
              marksRef.current[i] = el;
            }}
            class="timeline-mark"
            data-index={i}
            data-ordinal={mark.ordinals[0]}
            cx={mark.x}
            cy={mark.y}
            r={6}
            role="button"
            tabindex={i === at ? 0 : -1}
            aria-label={`${mark.ordinalText} · ${formatDay(mark.date)}`}
            aria-pressed={i === at}
            onClick={() => setAt(i)}
            onFocus={() => setAt(i)}
          >
            <title>{`${mark.ordinalText} · ${formatDay(mark.date)}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption>
        <p class="muted">{t('uiTimelineHelp')}</p>
        <p class="timeline-gaps">
          {t('uiOrdinalGaps')}:{' '}
          {gaps.length === 0
            ? t('uiNoGaps')
            : gaps
                .map(
                  (g) =>
                    `${g.term !== null ? `第${g.term}届 ` : ''}${g.from === g.to ? g.from : `${g.from}–${g.to}`}`,
                )
                .join('、')}
        </p>
      </figcaption>
      {chosen && meeting && (
        <section class="timeline-chosen" aria-live="polite" data-meeting-key={meeting.key}>
          <h4>
            {meeting.name} · {formatDay(meeting.date)}
            {meeting.dateHeld ? '' : ` (${t('uiSeen')})`}
          </h4>
          <SightingList sightings={meeting.sightings} onOpen={props.onOpen} />
        </section>
      )}
    </figure>
  );
}
