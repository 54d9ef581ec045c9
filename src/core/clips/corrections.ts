/**
 * A researcher's corrections of what the engine marked in a clip: reject a wrong entity, or fix
 * an official's name and titles or a meeting's ordinals. They are kept beside the engine's output
 * (`clip.corrections`, keyed by entity id), never written over it, and applied when a clip is
 * shown or exported, so a later merge of the engine's output cannot undo them.
 */
import type { Entity } from '../types';
import type { Clip, ClipMeeting } from './model';

/** What a correction does: drop the entity, or change some of its fields. */
export type CorrectionAction = 'reject' | 'fix';

/** One correction of one entity of a clip. */
export interface EntityCorrection {
  /** The entity corrected (`entityIdOf`). */
  entityId: string;
  action: CorrectionAction;
  /** Officials: the right name (simplified). */
  name?: string;
  /** Officials: the right titles (simplified), in order. */
  titles?: string[];
  /** Meetings: the right ordinals. */
  ordinals?: number[];
  /** ISO time of the correction; the later of two for one entity wins a merge. */
  correctedAt: string;
}

/** A correction as the researcher asks for it (the store stamps its time). */
export type CorrectionInput = Omit<EntityCorrection, 'correctedAt'>;

/** An entity as shown and exported: `corrected` when a fix changed it. */
export type ShownEntity = Entity & { corrected?: true };

/** The engine's output of a corrected clip, kept in exports so an import reads it back. */
export interface EngineOutput {
  entities: Entity[];
  meetings?: ClipMeeting[];
}

/**
 * A clip's entity id: kind and offsets in the passage (`official@12-15`). Offsets, not list
 * positions, so a correction still finds its entity when the engine's list around it changes.
 */
export function entityIdOf(e: Pick<Entity, 'kind' | 'start' | 'end'>): string {
  return `${e.kind}@${e.start}-${e.end}`;
}

/** Checks a correction fits its entity; answers the problem, or null when it is fine. */
export function correctionProblemOf(entity: Entity, c: CorrectionInput): string | null {
  if (c.action === 'reject') {
    return c.name !== undefined || c.titles !== undefined || c.ordinals !== undefined
      ? 'a rejection changes no field'
      : null;
  }
  const fields = [c.name, c.titles, c.ordinals].filter((x) => x !== undefined).length;
  if (fields === 0) return 'a fix must change a field';
  if (entity.kind === 'official') {
    if (c.ordinals !== undefined) return 'an official has no ordinals';
    if (c.name !== undefined && !c.name.trim()) return 'the name is empty';
    return null;
  }
  if (entity.kind === 'meeting') {
    return c.name !== undefined || c.titles !== undefined ? 'a meeting takes only ordinals' : null;
  }
  return 'a directive can only be rejected';
}

const byEntityId = (x: EntityCorrection, y: EntityCorrection) =>
  x.entityId < y.entityId ? -1 : x.entityId > y.entityId ? 1 : 0;

/**
 * Sets and clears corrections of a clip's list: `set` replaces any correction of the same entity,
 * `clear` removes them. Answers the new list, by entity id (the input is not changed).
 */
export function withCorrections(
  current: readonly EntityCorrection[],
  set: readonly EntityCorrection[],
  clear: readonly string[] = [],
): EntityCorrection[] {
  const byId = new Map(current.map((c) => [c.entityId, c]));
  for (const id of clear) byId.delete(id);
  for (const c of set) byId.set(c.entityId, c);
  return [...byId.values()].sort(byEntityId);
}

/** Unites two correction lists; for an entity corrected in both, the later correction wins. */
export function mergeCorrections(
  a: readonly EntityCorrection[],
  b: readonly EntityCorrection[],
): EntityCorrection[] {
  const byId = new Map(a.map((c) => [c.entityId, c]));
  for (const c of b) {
    const known = byId.get(c.entityId);
    if (!known || c.correctedAt > known.correctedAt) byId.set(c.entityId, c);
  }
  return [...byId.values()].sort(byEntityId);
}

/** One entity with its fix applied. */
function fixEntity(e: Entity, c: EntityCorrection): ShownEntity {
  if (e.kind === 'official') {
    return {
      ...e,
      ...(c.name !== undefined && { name: c.name }),
      ...(c.titles !== undefined && { titles: [...c.titles] }),
      corrected: true,
    };
  }
  if (e.kind === 'meeting' && c.ordinals !== undefined) {
    return { ...e, ordinals: [...c.ordinals], corrected: true };
  }
  return e;
}

/**
 * The page's meeting records with the clip's corrections carried over: a fixed official name
 * replaces the engine's in every role, a rejected official's name leaves the records unless a kept
 * official of the clip has it, and a meeting's fixed ordinals go to the record of that name.
 */
function correctMeetings(
  meetings: readonly ClipMeeting[],
  entities: readonly Entity[],
  shown: readonly ShownEntity[],
  byId: ReadonlyMap<string, EntityCorrection>,
): ClipMeeting[] {
  const renamed = new Map<string, string>();
  const dropped = new Set<string>();
  const ordinals = new Map<string, number[]>();
  for (const e of entities) {
    const c = byId.get(entityIdOf(e));
    if (!c) continue;
    if (e.kind === 'official') {
      if (c.action === 'reject') dropped.add(e.name);
      else if (c.name !== undefined && c.name !== e.name) renamed.set(e.name, c.name);
    } else if (e.kind === 'meeting' && c.action === 'fix' && c.ordinals) {
      ordinals.set(e.simplified, c.ordinals);
    }
  }
  for (const e of shown) if (e.kind === 'official') dropped.delete(e.name);
  if (renamed.size === 0 && dropped.size === 0 && ordinals.size === 0) return [...meetings];
  const names = (list: readonly string[]) => [
    ...new Set(list.filter((n) => !dropped.has(n)).map((n) => renamed.get(n) ?? n)),
  ];
  return meetings.map((m) => ({
    ...m,
    ordinals: [...(ordinals.get(m.name) ?? m.ordinals)],
    chairs: names(m.chairs),
    speakers: names(m.speakers),
    attendees: names(m.attendees),
  }));
}

/**
 * A clip as shown and exported: rejected entities gone, fixed ones changed and marked
 * `corrected`, its meeting records following. A clip without corrections comes back as it is.
 */
export function applyCorrections<C extends Pick<Clip, 'entities' | 'meetings' | 'corrections'>>(
  clip: C,
): C & { entities: ShownEntity[] } {
  const corrections = clip.corrections ?? [];
  if (corrections.length === 0) return clip;
  const byId = new Map(corrections.map((c) => [c.entityId, c]));
  const shown: ShownEntity[] = [];
  for (const e of clip.entities) {
    const c = byId.get(entityIdOf(e));
    if (!c) shown.push(e);
    else if (c.action === 'fix') shown.push(fixEntity(e, c));
  }
  return {
    ...clip,
    entities: shown,
    ...(clip.meetings && {
      meetings: correctMeetings(clip.meetings, clip.entities, shown, byId),
    }),
  };
}

/**
 * An imported clip back as stored: when the file carries the engine's output beside the
 * corrected entities (`engine`, see the export), that output becomes the clip's entities and
 * meetings again, and the corrections stay beside it.
 */
export function engineClipOf<C extends Clip & { engine?: EngineOutput }>(clip: C): Clip {
  const { engine, ...rest } = clip;
  if (!engine) return rest;
  const { meetings: _shown, ...withoutMeetings } = rest;
  return {
    ...withoutMeetings,
    entities: engine.entities,
    ...(engine.meetings && { meetings: engine.meetings }),
  };
}
