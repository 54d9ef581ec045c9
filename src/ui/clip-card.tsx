/**
 * One clip as a card: passage, page, entities, note and tags, with open/edit/delete actions.
 * Every piece of clip text is rendered as a Preact text node, so markup in a quote or a note is
 * shown, never run.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { clipDateOf, normaliseTags, type Clip } from '../core/clips/model';
import { formatDay } from './dates';
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
  /** More actions the page adds to the card's footer (the library's "copy citation"). */
  actions?: ComponentChildren;
}

/** Distinct entity labels of a clip, by kind. */
function entityLabels(clip: Clip): { official: string[]; meeting: string[]; directive: string[] } {
  const out = {
    official: new Set<string>(),
    meeting: new Set<string>(),
    directive: new Set<string>(),
  };
  for (const e of clip.entities) {
    if (e.kind === 'official') out.official.add(e.name);
    else if (e.kind === 'meeting') out.meeting.add(e.simplified);
    else out.directive.add(e.normalized);
  }
  return { official: [...out.official], meeting: [...out.meeting], directive: [...out.directive] };
}

/** Shows one clip; edits note and tags in place. */
export function ClipCard(props: ClipCardProps) {
  const { clip, compact } = props;
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(clip.note);
  const [tags, setTags] = useState(clip.tags.join(', '));
  const [error, setError] = useState('');
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
            <li key={`o${x}`} class="chip chip-official">
              {x}
            </li>
          ))}
          {labels.meeting.map((x) => (
            <li key={`m${x}`} class="chip chip-meeting">
              {x}
            </li>
          ))}
          {labels.directive.slice(0, 6).map((x) => (
            <li key={`d${x}`} class="chip chip-directive">
              {x}
            </li>
          ))}
        </ul>
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
