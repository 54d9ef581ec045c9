/**
 * The in-page UI, rendered by Preact into the extension's closed shadow root: a collapsible panel
 * (detection and its reasons, per-kind toggles, save actions, the lists of officials, meetings and
 * directives) and the hover card of one highlight. Pure view: every action is a callback, every
 * string comes through `t` (the content script passes `browser.i18n.getMessage`).
 */
import { Fragment } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ClipMeeting } from '../../core/clips/model';
import type { Entity, EntityKind, PageSignal, Script } from '../../core/types';
import type { EntitySummary } from './entity-summary';
import { meetingLineOf } from './meeting-line';
import { signalSentenceOf } from './signal-sentence';
import { highlightColour, kindHighlightName, KINDS } from '../highlight-palette';

/** Message look-up (`browser.i18n.getMessage` in the extension). */
export type Translate = (key: string) => string;

/** Where the hover card shows and for which entity. */
export interface CardView {
  /** Index into `PanelView.entities`. */
  index: number;
  /** Viewport position of the card's top-left corner. */
  x: number;
  y: number;
}

/** Save feedback shown in the panel and the card. */
export interface StatusView {
  tone: 'info' | 'ok' | 'error';
  text: string;
}

/** Everything the UI shows. */
export interface PanelView {
  state: 'idle' | 'annotated';
  expanded: boolean;
  detection: { isGov: boolean; score: number; signals: PageSignal[]; script: Script } | null;
  entities: readonly Entity[];
  /** The meetings the page reports as held, in text order (what a saved clip keeps). */
  meetings: ClipMeeting[];
  summary: EntitySummary;
  counts: Record<EntityKind, number>;
  visible: Record<EntityKind, boolean>;
  status: StatusView | null;
  card: CardView | null;
  darkPage: boolean;
  /** Annotation in progress. */
  busy: boolean;
  /** Clips saved from this page so far (shown only inside the panel, never to the page). */
  savedHere: number;
}

/** What the UI can ask for. */
export interface PanelActions {
  /** Highlights the page (from the idle panel). */
  annotate(): void;
  setExpanded(expanded: boolean): void;
  setKindVisible(kind: EntityKind, visible: boolean): void;
  saveSelection(): void;
  saveArticle(): void;
  switchOff(): void;
  /** Scrolls to mention `index` and flashes it. */
  goTo(index: number): void;
  /** Shows the card of mention `index` next to it (keyboard focus). */
  preview(index: number | null): void;
  saveEntity(index: number): void;
  /** Pointer entered or left the card (keeps it open while the user reaches for its button). */
  holdCard(hold: boolean): void;
}

/** Most items listed per kind; the rest is summarised by a count. */
const LIST_LIMIT = 300;

const KIND_KEYS: Record<EntityKind, { many: string; one: string }> = {
  official: { many: 'kindOfficials', one: 'kindOfficial' },
  meeting: { many: 'kindMeetings', one: 'kindMeeting' },
  directive: { many: 'kindDirectives', one: 'kindDirective' },
};

const SUBTYPE_KEYS = {
  slogan: 'subtypeSlogan',
  formula: 'subtypeFormula',
  imperative: 'subtypeImperative',
  enumeration: 'subtypeEnumeration',
} as const;

/** The whole in-page UI. */
export function PageUi({
  view,
  actions,
  t,
}: {
  view: PanelView;
  actions: PanelActions;
  t: Translate;
}) {
  const total = view.counts.official + view.counts.meeting + view.counts.directive;
  const keepSelection = (e: MouseEvent): void => e.preventDefault();
  const collapseButton = useRef<HTMLButtonElement>(null);
  const wasExpanded = useRef(view.expanded);
  // Opening the panel moves keyboard focus into it; the first control closes it again.
  useEffect(() => {
    if (view.expanded && !wasExpanded.current) collapseButton.current?.focus();
    wasExpanded.current = view.expanded;
  }, [view.expanded]);
  return (
    <div class="zwl" lang={t('uiLang') || undefined}>
      {view.expanded ? (
        <section class="panel" role="region" aria-label={t('extName')}>
          <div class="head">
            <h2>{t('extName')}</h2>
            <button
              ref={collapseButton}
              type="button"
              class="icon"
              aria-expanded="true"
              title={t('pageCollapse')}
              aria-label={t('pageCollapse')}
              onMouseDown={keepSelection}
              onClick={() => actions.setExpanded(false)}
            >
              ▾
            </button>
          </div>
          <div class="controls">
            <fieldset class="toggles">
              <legend class="muted">{t('pageShowKinds')}</legend>
              {KINDS.map((kind) => {
                const colour = highlightColour(kindHighlightName(kind), view.darkPage);
                return (
                  <label key={kind}>
                    <input
                      type="checkbox"
                      data-kind={kind}
                      checked={view.visible[kind]}
                      onChange={(e) => actions.setKindVisible(kind, e.currentTarget.checked)}
                    />
                    <span
                      class="swatch"
                      style={{ backgroundColor: colour.bg, borderBottomColor: colour.line }}
                    />
                    {t(KIND_KEYS[kind].many)} <span class="count">{view.counts[kind]}</span>
                  </label>
                );
              })}
            </fieldset>
            <div class="actions">
              {view.state === 'idle' && !view.busy && (
                <button type="button" onMouseDown={keepSelection} onClick={actions.annotate}>
                  {t('pageAnnotate')}
                </button>
              )}
              <button type="button" onMouseDown={keepSelection} onClick={actions.saveSelection}>
                {t('pageSaveSelection')}
              </button>
              <button type="button" onMouseDown={keepSelection} onClick={actions.saveArticle}>
                {t('pageSaveArticle')}
              </button>
              <button type="button" onMouseDown={keepSelection} onClick={actions.switchOff}>
                {t('pageSwitchOff')}
              </button>
            </div>
            {view.savedHere > 0 && (
              <p class="saved-here muted">
                {t('pageSavedHere')} {view.savedHere}
              </p>
            )}
            <p class={`status ${view.status?.tone ?? ''}`} role="status" aria-live="polite">
              {view.status?.text ?? (view.busy ? t('pageAnnotating') : '')}
            </p>
          </div>
          <div class="body">
            <Meeting meetings={view.meetings} t={t} />
            <Detection view={view} t={t} />
            <Lists view={view} actions={actions} t={t} />
          </div>
        </section>
      ) : (
        <button
          type="button"
          class="tab"
          aria-expanded="false"
          title={t('pageOpen')}
          onMouseDown={keepSelection}
          onClick={() => actions.setExpanded(true)}
        >
          {t('extShortName')} · {total}
        </button>
      )}
      {view.card && <Card view={view} card={view.card} actions={actions} t={t} />}
    </div>
  );
}

/** The meeting the page reports (the first, with a count of the others). */
function Meeting({ meetings, t }: { meetings: ClipMeeting[]; t: Translate }) {
  const first = meetings[0];
  if (!first) return null;
  return (
    <p class="meeting" data-meetings={meetings.length}>
      <b>{meetingLineOf(first, t)}</b>
      {meetings.length > 1 && (
        <span class="muted">
          {' '}
          · {t('pageMeetingsMore')} {meetings.length - 1}
        </span>
      )}
    </p>
  );
}

function Detection({ view, t }: { view: PanelView; t: Translate }) {
  const d = view.detection;
  if (!d) return null;
  return (
    <>
      <p class="detect">
        <b>{d.isGov ? t('pageDetectionGov') : t('pageDetectionOther')}</b>{' '}
        <span class="muted">
          ({t('pageScore')} {d.score.toFixed(2)})
        </span>
      </p>
      {d.signals.length > 0 && (
        <details>
          <summary>{t('pageReasons')}</summary>
          <ul>
            {d.signals.map((s, i) => (
              <li key={i} data-signal={s.name}>
                {signalSentenceOf(s, t)}{' '}
                <span class="muted">
                  ({s.weight >= 0 ? '+' : ''}
                  {s.weight.toFixed(2)}
                  {s.evidence ? ` · ${s.evidence.slice(0, 60)}` : ''})
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function Lists({ view, actions, t }: { view: PanelView; actions: PanelActions; t: Translate }) {
  const { officials, meetings, directives } = view.summary;
  const item = (key: string, first: number, label: string, detail: string, n: number) => (
    <li key={key}>
      <button
        type="button"
        data-entity-index={first}
        onClick={() => actions.goTo(first)}
        onFocus={() => actions.preview(first)}
        onBlur={() => actions.preview(null)}
      >
        {label} {detail && <span class="muted">{detail}</span>} <span class="count">×{n}</span>
      </button>
    </li>
  );
  const more = (n: number) =>
    n > LIST_LIMIT ? (
      <li class="muted">
        … {n - LIST_LIMIT} {t('pageMore')}
      </li>
    ) : null;
  return (
    <>
      <h3>{t('kindOfficials')}</h3>
      <ul class="items" data-list="official">
        {officials
          .slice(0, LIST_LIMIT)
          .map((g) => item(g.key, g.mentions[0]!, g.name, g.titles.join('、'), g.mentions.length))}
        {more(officials.length)}
      </ul>
      <h3>{t('kindMeetings')}</h3>
      <ul class="items" data-list="meeting">
        {meetings
          .slice(0, LIST_LIMIT)
          .map((g) => item(g.key, g.mentions[0]!, g.entity.simplified, '', g.mentions.length))}
        {more(meetings.length)}
      </ul>
      <h3>{t('kindDirectives')}</h3>
      <ul class="items" data-list="directive">
        {directives
          .slice(0, LIST_LIMIT)
          .map((g) =>
            item(
              g.key,
              g.mentions[0]!,
              g.entity.normalized,
              t(SUBTYPE_KEYS[g.entity.subtype]),
              g.mentions.length,
            ),
          )}
        {more(directives.length)}
      </ul>
    </>
  );
}

function Card({
  view,
  card,
  actions,
  t,
}: {
  view: PanelView;
  card: CardView;
  actions: PanelActions;
  t: Translate;
}) {
  const e = view.entities[card.index];
  if (!e) return null;
  const traditional =
    view.detection?.script === 'traditional' || view.detection?.script === 'mixed';
  const rows: Array<[string, string]> = [];
  if (traditional && e.simplified !== e.text) rows.push([t('cardSimplified'), e.simplified]);
  if (e.kind === 'official') {
    const group = view.summary.officials.find((g) => g.key === e.personId);
    rows.push([t('cardName'), e.name]);
    rows.push([t('cardTitles'), (group?.titles ?? e.titles).join('、') || '—']);
    rows.push([t('cardMentions'), String(group?.mentions.length ?? 1)]);
  } else if (e.kind === 'meeting') {
    rows.push([t('cardOrdinals'), e.ordinals.join('、') || '—']);
    if (e.term !== undefined) rows.push([t('cardTerm'), String(e.term)]);
    if (e.body) rows.push([t('cardBody'), e.body]);
    if (e.meetingType) rows.push([t('cardType'), e.meetingType]);
  } else {
    rows.push([t('cardSubtype'), t(SUBTYPE_KEYS[e.subtype])]);
    rows.push([t('cardNormalized'), e.normalized]);
  }
  return (
    <div
      class="card"
      role="tooltip"
      data-kind={e.kind}
      style={{ left: `${card.x}px`, top: `${card.y}px` }}
      onPointerEnter={() => actions.holdCard(true)}
      onPointerLeave={() => actions.holdCard(false)}
    >
      <div class="kind">
        {t(KIND_KEYS[e.kind].one)}: {e.text}
      </div>
      <dl>
        {rows.map(([k, v]) => (
          <Fragment key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </Fragment>
        ))}
      </dl>
      <button
        type="button"
        onMouseDown={(ev: MouseEvent) => ev.preventDefault()}
        onClick={() => actions.saveEntity(card.index)}
      >
        {t('cardSave')}
      </button>
      {view.status && <p class={`status ${view.status.tone}`}>{view.status.text}</p>}
    </div>
  );
}
