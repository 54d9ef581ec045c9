/**
 * The page's entities, built from what the passes found: spans mapped back to the original text,
 * in text order, built in pieces so a content script can spread them over short tasks.
 */
import type { RawDirective } from './directives';
import type { RawMeeting } from './meeting-numbers';
import type { RawOfficial } from './officials';
import type { NormalizedText } from './text/normalize';
import { OffsetMapper } from './text/offset-mapping';
import type { DirectiveEntity, Entity, MeetingEntity, OfficialEntity } from './types';

/** Entity span fields (text, simplified, start, end) of one normalised range, reused per entity. */
interface Span {
  text: string;
  simplified: string;
  start: number;
  end: number;
}

/** Where one pass's entities go, and what maps their spans back to the page's own offsets. */
interface Sink {
  entities: Entity[];
  norm: NormalizedText;
  /** One mapper per pass: each pass reports its spans in order, so the mapper walks forward. */
  mapper: OffsetMapper;
  /** Reused for every entity (no array per entity). */
  span: Span;
}

/** Fills the sink's span from normalised offsets. */
function fillSpan({ span, norm, mapper }: Sink, start: number, end: number): Span {
  const s = mapper.start(start);
  const e = Math.max(s, mapper.end(end));
  span.text = norm.original.slice(s, e);
  span.simplified = norm.text.slice(start, end);
  span.start = s;
  span.end = e;
  return span;
}

/** Entities built between two yields. */
const ENTITIES_PER_STEP = 600;

const KIND_ORDER: Record<Entity['kind'], number> = { official: 0, meeting: 1, directive: 2 };

/**
 * Runs `build` over `[0, n)` in pieces, yielding before every {@link ENTITIES_PER_STEP}-th entity
 * the passes build (`built` counts across passes). The loops are plain functions, not the
 * generator's own: V8 then optimises a small loop on a page's first call, not the whole pass.
 */
function* inEntitySteps(
  built: { count: number },
  n: number,
  build: (from: number, to: number) => void,
): Generator<undefined, void> {
  let i = 0;
  while (i < n) {
    const k = Math.min(n - i, ENTITIES_PER_STEP - 1 - (built.count % ENTITIES_PER_STEP));
    build(i, i + k);
    i += k;
    built.count += k;
    if (i < n) {
      built.count++;
      yield;
      build(i, i + 1);
      i++;
    }
  }
}

/** Adds the entities of `officials[from, to)`. */
function pushOfficials(
  sink: Sink,
  officials: readonly RawOfficial[],
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) {
    const o = officials[i] as RawOfficial;
    const { text, simplified, start, end } = fillSpan(sink, o.start, o.end);
    // Optional fields are left out by building the object without them: `delete` would turn
    // every entity into a slow dictionary-mode object (slower sort, more memory).
    const e: OfficialEntity = o.level
      ? {
          kind: 'official',
          text,
          simplified,
          start,
          end,
          name: o.name,
          titles: o.titles,
          level: o.level,
          personId: o.personId,
          role: o.role,
          nameStart: sink.mapper.start(o.nameStart),
          nameEnd: sink.mapper.end(o.nameEnd),
        }
      : {
          kind: 'official',
          text,
          simplified,
          start,
          end,
          name: o.name,
          titles: o.titles,
          personId: o.personId,
          role: o.role,
          nameStart: sink.mapper.start(o.nameStart),
          nameEnd: sink.mapper.end(o.nameEnd),
        };
    sink.entities.push(e);
  }
}

/** Adds the entities of `meetings[from, to)`. */
function pushMeetings(sink: Sink, meetings: readonly RawMeeting[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const m = meetings[i] as RawMeeting;
    const { text, simplified, start, end } = fillSpan(sink, m.start, m.end);
    const e: MeetingEntity = {
      kind: 'meeting',
      text,
      simplified,
      start,
      end,
      ordinals: m.ordinals,
    };
    // Few meetings per page: adding the optional fields (never deleting them) keeps objects fast.
    if (m.term !== undefined) e.term = m.term;
    if (m.body !== undefined) e.body = m.body;
    if (m.meetingType !== undefined) e.meetingType = m.meetingType;
    e.category = m.category;
    if (m.expanded) e.expanded = true;
    sink.entities.push(e);
  }
}

/** Adds the entities of `directives[from, to)`. */
function pushDirectives(
  sink: Sink,
  directives: readonly RawDirective[],
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) {
    const d = directives[i] as RawDirective;
    const { text, simplified, start, end } = fillSpan(sink, d.start, d.end);
    const e: DirectiveEntity =
      d.count === undefined
        ? {
            kind: 'directive',
            text,
            simplified,
            start,
            end,
            subtype: d.subtype,
            normalized: d.normalized,
          }
        : {
            kind: 'directive',
            text,
            simplified,
            start,
            end,
            subtype: d.subtype,
            normalized: d.normalized,
            count: d.count,
          };
    sink.entities.push(e);
  }
}

/**
 * The entities of the officials, meetings and directives found on a normalised page, sorted by
 * start (officials before meetings before directives at the same start, longer spans first).
 */
export function* buildEntitiesSteps(
  norm: NormalizedText,
  officials: readonly RawOfficial[],
  meetings: readonly RawMeeting[],
  directives: readonly RawDirective[],
): Generator<undefined, Entity[]> {
  const entities: Entity[] = [];
  const built = { count: 0 };
  const sink: Sink = {
    entities,
    norm,
    mapper: new OffsetMapper(norm),
    span: { text: '', simplified: '', start: 0, end: 0 },
  };
  yield* inEntitySteps(built, officials.length, (a, b) => pushOfficials(sink, officials, a, b));
  sink.mapper = new OffsetMapper(norm);
  yield* inEntitySteps(built, meetings.length, (a, b) => pushMeetings(sink, meetings, a, b));
  sink.mapper = new OffsetMapper(norm);
  yield* inEntitySteps(built, directives.length, (a, b) => pushDirectives(sink, directives, a, b));
  yield;
  entities.sort(
    (a, b) => a.start - b.start || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.end - a.end,
  );
  return entities;
}
