/**
 * One clip as a card: passage, page, entities, note and tags, with open/edit/delete actions.
 * Every piece of clip text is rendered as a Preact text node, so markup in a quote or a note is
 * shown, never run.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { applyCorrections } from '../core/clips/corrections';
import { clipDateOf, normaliseTags, type Clip } from '../core/clips/model';
import { formatDay } from './dates';
import { EntityCorrections, type CorrectionChange } from './entity-corrections';
import { t } from './i18n';

/** Longest passage shown on a card; the full text stays in the clip and exports. */
const QUOTE_PREVIEW_CHARS = 280;

/** Card actions; a missing one hides its button. */
export interface ClipCardProps {
  clip: Clip;
  compact?: boolean;
  selected?: boolean;
  onToggleSelect?: (id: string) => void;
  onOpen?: (clip: Clip) => void;
  onSave?: (id: string, change: { note: string; tags: string[] }) => Promise<void>;
  onDelete?: (id: string) => void;
  /** Sets or clears corrections of the clip's entities (shows "Correct entities"). */
  onCorrect?: (id: string, change: CorrectionChange) => Promise<void>;
  /** More actions the page adds to the card's footer (the library's "copy citation"). */
  actions?: ComponentChildren;
}

/** One chip: its label, and whether a correction changed it. */
interface Label {
  text: string;
  corrected: boolean;
}

/** Distinct entity labels of a clip as shown (corrections applied), by kind. */
function entityLabels(clip: Clip): { official: Label[]; meeting: Label[]; directive: Label[] } {
  const out = {
    official: new Map<string, Label>(),
    meeting: new Map<string, Label>(),
    directive: new Map<string, Label>(),
  };
  for (const e of applyCorrections(clip).entities) {
    const text =
      e.kind === 'official' ? e.name : e.kind === 'meeting' ? e.simplified : e.normalized;
    const known = out[e.kind].get(text);
    const corrected = 'corrected' in e && e.corrected === true;
    out[e.kind].set(text, { text, corrected: corrected || (known?.corrected ?? false) });
  }
  return {
    official: [...out.official.values()],
    meeting: [...out.meeting.values()],
    directive: [...out.directive.values()],
  };
}

/** A chip's class and title: a corrected one says so. */
function chipProps(kind: string, label: Label) {
  return {
    class: `chip chip-${kind}${label.corrected ? ' chip-corrected' : ''}`,
    ...(label.corrected && { title: t('uiCorrected') }),
  };
}

/** Shows one clip; edits note and tags in place. */
export function ClipCard(props: ClipCardProps) {
  const { clip, compact } = props;
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(clip.note);
  const [tags, setTags] = useState(clip.tags.join(', '));
  const [error, setError] = useState('');
  const [correcting, setCorrecting] = useState(false);
  const quote =
    clip.quote.exact.length > QUOTE_PREVIEW_CHARS
      ? `${clip.quote.exact.slice(0, QUOTE_PREVIEW_CHARS)}…`
      : clip.quote.exact;
  const labels = entityLabels(clip);

  const startEdit = () => {
    setNote(clip.note);
    setTags(clip.tags.join(', '));
    setError('');
    setEditing(true);
  };
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      await props.onSave?.(clip.id, { note, tags: normaliseTags(tags.split(/[,，、]/)) });
      setEditing(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <article
      class={`clip-card${compact ? ' compact' : ''}`}
      data-clip-id={clip.id}
      aria-label={clip.title}
    >
      <header class="clip-head">
        {props.onToggleSelect && (
          <input
            type="checkbox"
            class="clip-select"
            checked={props.selected ?? false}
            aria-label={`${t('uiSelected')}: ${clip.title}`}
            onChange={() => props.onToggleSelect?.(clip.id)}
          />
        )}
        <span class="clip-title">{clip.title || clip.url}</span>
        <span class="clip-meta">
          {clip.site} · <time dateTime={clipDateOf(clip)}>{formatDay(clipDateOf(clip))}</time>
          {clip.wholeArticle ? ` · ${t('uiWholeArticle')}` : ''}
        </span>
      </header>
      <blockquote class="clip-quote" lang="zh">
        {quote}
      </blockquote>
      {!compact && (
        <ul class="clip-entities" aria-label="entities">
          {labels.official.map((x) => (
            <li key={`o${x.text}`} {...chipProps('official', x)}>
              {x.text}
            </li>
          ))}
          {labels.meeting.map((x) => (
            <li key={`m${x.text}`} {...chipProps('meeting', x)}>
              {x.text}
            </li>
          ))}
          {labels.directive.slice(0, 6).map((x) => (
            <li key={`d${x.text}`} {...chipProps('directive', x)}>
              {x.text}
            </li>
          ))}
        </ul>
      )}
      {!compact && correcting && props.onCorrect && (
        <EntityCorrections clip={clip} onCorrect={props.onCorrect} />
      )}
      {editing ? (
        <form class="clip-edit" onSubmit={save}>
          <label>
            {t('uiNote')}
            <textarea
              class="clip-note-input"
              value={note}
              maxLength={20_000}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          </label>
          <label>
            {t('uiTags')}
            <input
              class="clip-tags-input"
              value={tags}
              onInput={(e) => setTags(e.currentTarget.value)}
            />
          </label>
          <button type="submit" class="clip-save">
            {t('uiSave')}
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('uiCancel')}
          </button>
          {error && (
            <p role="alert" class="error">
              {error}
            </p>
          )}
        </form>
      ) : (
        <>
          {clip.note && <p class="clip-note">{clip.note}</p>}
          {clip.tags.length > 0 && (
            <ul class="clip-tags" aria-label={t('uiTags')}>
              {clip.tags.map((tag) => (
                <li key={tag} class="chip chip-tag">
                  {tag}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <footer class="clip-actions">
        {props.onOpen && (
          <button type="button" class="clip-open" onClick={() => props.onOpen?.(clip)}>
            {t('uiOpen')}
          </button>
        )}
        {props.onSave && !editing && (
          <button type="button" class="clip-edit-button" onClick={startEdit}>
            {t('uiEdit')}
          </button>
        )}
        {props.onCorrect && !compact && clip.entities.length > 0 && (
          <button
            type="button"
            class="clip-correct-button"
            aria-expanded={correcting}
            onClick={() => setCorrecting(!correcting)}
          >
            {t('uiCorrectEntities')}
          </button>
        )}
        {props.onDelete && (
          <button type="button" class="clip-delete" onClick={() => props.onDelete?.(clip.id)}>
            {t('uiDelete')}
          </button>
        )}
        {props.actions}
      </footer>
    </article>
  );
}
