/**
 * The clip library page: search across scripts, filters, edit, delete with undo, bulk select,
 * open, officials and meeting-series indexes, export and import. The page reads the clips from
 * the database itself and follows the change feed (`live-clips.ts`); every write goes to the
 * background. Clips are filtered here, so each keystroke costs only an in-memory search.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createIncrementalFilter, filterChoicesOf, filterClips } from '../core/clips/filters';
import type { Clip } from '../core/clips/model';
import type { PersonRecord } from '../core/clips/person-merges';
import { productNormaliser } from '../core/clips/product-normaliser';
import { clipChars } from '../core/clips/batches';
import { warmSearchText } from '../core/clips/search';
import { exportClips, type ExportFormat } from '../core/clips/export';
import { exportCitations, isCitationFormat, type CitationFormat } from '../core/export/citations';
import { downloadTidyBundle, TIDY_FORMAT } from './tidy-download';
import { ClipRepository } from '../shared/clip-repository';
import { send } from '../shared/send';
import type { CorrectionChange } from '../ui/entity-corrections';
import { t } from '../ui/i18n';
import { ClipListView } from './clip-list-view';
import { deleteClipsInBatches, restoreClipsInBatches, sendImportFile } from './clip-writes';
import { downloadText } from './download';
import { FilterBar, type FilterQuery, type LibraryQuery } from './filter-bar';
import { followClips, followPeople, type LiveClips } from './live-clips';
import { MeetingsView, OfficialsView } from './index-views';

/** Newest clips shown first, read straight from the time index before the rest arrives. */
const FIRST_SCREEN = 60;

type View = 'clips' | 'officials' | 'meetings';

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The library page. */
export function LibraryApp() {
  const [clips, setClips] = useState<Clip[] | null>(null);
  /** The researcher's people records (merges, external ids), followed like the clips. */
  const [people, setPeople] = useState<PersonRecord[]>([]);
  const [query, setQuery] = useState<LibraryQuery>({});
  const [view, setView] = useState<View>('clips');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [undo, setUndo] = useState<Clip[] | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [format, setFormat] = useState<ExportFormat | CitationFormat | typeof TIDY_FORMAT>('json');
  const [scope, setScope] = useState<'all' | 'filter'>('all');
  const searchRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  /** False while only the first screen of clips is shown. */
  const [complete, setComplete] = useState(false);
  /** The clips as the database holds them, followed through the change feed. */
  const liveClips = useRef<LiveClips | null>(null);

  useEffect(() => {
    const run = new AbortController();
    const repository = new ClipRepository();
    liveClips.current = followClips({
      repository,
      firstScreen: FIRST_SCREEN,
      onState: (state) => {
        setClips(state.clips);
        setComplete(state.complete);
      },
      onError: (err) => setError(errorText(err)),
      signal: run.signal,
    });
    followPeople({
      repository,
      onPeople: setPeople,
      onError: (err) => setError(errorText(err)),
      signal: run.signal,
    });
    return () => {
      run.abort();
      void repository.close();
    };
  }, []);

  /** Shows the clips of `ids` as the database now holds them. */
  const refresh = (ids: readonly string[] | 'all') =>
    liveClips.current?.refresh(ids === 'all' ? { all: true } : { ids: [...ids] });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const tag = (event.target as HTMLElement | null)?.tagName ?? '';
      if (event.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(tag)) {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const all = clips ?? [];
  // `all` stays newest first (loaded so, and edits replace in place), so no sort per keystroke;
  // typing on searches only the last matches.
  const [filterShown] = useState(() => createIncrementalFilter(productNormaliser));
  const shown = useMemo(() => filterShown(all, query), [all, query]);
  const choices = useMemo(() => filterChoicesOf(all), [all]);
  const [searchReady, setSearchReady] = useState(false);
  useEffect(() => {
    if (!clips || !complete) return;
    let live = true;
    setSearchReady(false);
    warmSearchText(
      clips,
      productNormaliser,
      (next) => setTimeout(() => live && next(), 0),
      () => setSearchReady(true),
    );
    return () => {
      live = false;
    };
  }, [clips, complete]);
  const { text: _text, ...filters } = query;
  const filterKey = JSON.stringify(filters);
  const setFilters = useCallback(
    (next: FilterQuery) => setQuery((q) => (q.text ? { ...next, text: q.text } : next)),
    [],
  );
  // The filter menus can hold thousands of options: rebuild them only when filters change.
  const filterBar = useMemo(
    () => <FilterBar filters={filters} choices={choices} onChange={setFilters} />,
    [choices, filterKey],
  );
  const filtered = Object.keys(query).length > 0;

  const report = (message: string) => {
    setStatus(message);
    setError('');
  };
  const fail = (err: unknown) => setError(errorText(err));

  const onSave = async (id: string, change: { note: string; tags: string[] }) => {
    await send('clips/update', { id, ...change });
    await refresh([id]);
    report(t('uiSaved'));
  };

  const onCorrect = async (id: string, change: CorrectionChange) => {
    await send('clips/correct', { id, ...change });
    await refresh([id]);
    report(t('uiSaved'));
  };

  const onPeople: Parameters<typeof OfficialsView>[0]['onPeople'] = async (change) => {
    const reply =
      'merge' in change
        ? await send('people/merge', change.merge)
        : 'split' in change
          ? await send('people/split', change.split)
          : await send('people/set-ids', change.setIds);
    setPeople(reply.people);
    report(t('uiSaved'));
    return reply.people;
  };

  const deleteClips = async (ids: string[]) => {
    if (ids.length === 0) return;
    const known = new Map(all.map((c) => [c.id, c]));
    const { deleted, error } = await deleteClipsInBatches(ids, (id) => {
      const clip = known.get(id);
      return clip ? clipChars(clip) : 0;
    });
    // Every id asked for, not only those answered: a batch may have committed without its reply.
    await refresh(ids);
    if (deleted.length > 0) {
      const gone = new Set(deleted.map((c) => c.id));
      setSelected((prev) => new Set([...prev].filter((id) => !gone.has(id))));
      setUndo(deleted);
      report(`${t('uiDeleted')}: ${deleted.length}`);
    }
    if (error) fail(error);
  };

  const undoDelete = async () => {
    if (!undo) return;
    try {
      await restoreClipsInBatches(undo);
      setUndo(null);
      report(`${t('uiUndo')}: ${undo.length}`);
    } catch (err) {
      fail(err);
    } finally {
      // Some batches may be back even after a failure: show the library as it is.
      await refresh(undo.map((c) => c.id));
    }
  };

  const toggleSelect = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const openClip = (clip: Clip) => openClipById(clip.id);
  const openClipById = async (id: string) => {
    try {
      const { opened } = await send('clips/open', { id });
      if (opened) report(t('uiClipOpened'));
      else fail(new Error(t('uiClipNotOpened')));
    } catch (err) {
      fail(err);
    }
  };

  const exportNow = async () => {
    try {
      const subset = scope === 'filter' && filtered;
      // The clips as the database holds them once every announced change is read.
      const every = (await liveClips.current?.settled()) ?? [];
      const chosen = subset
        ? filterClips(every, query, productNormaliser, { presorted: true }).clips
        : every;
      if (format === TIDY_FORMAT) {
        report(`${t('uiExport')}: ${downloadTidyBundle(chosen, people)}`);
        return;
      }
      const file = isCitationFormat(format)
        ? exportCitations(chosen, format)
        : exportClips(chosen, format, new Date(), people);
      downloadText(file.fileName, file.mimeType, file.content);
      report(`${t('uiExport')}: ${file.fileName}`);
    } catch (err) {
      fail(err);
    }
  };

  const importFile = async (file: File) => {
    try {
      const { added, merged } = await sendImportFile(file);
      // Committed: say so at once; re-reading a large library into the list takes longer.
      report(`${t('uiImported')}: +${added}, ${merged} merged`);
      await refresh('all');
    } catch (err) {
      setError(`${t('uiImportFailed')}: ${errorText(err)}`);
    } finally {
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const showFiltered = (next: LibraryQuery) => {
    setQuery(next);
    setView('clips');
  };

  return (
    <div
      class="library"
      data-search-ready={searchReady ? 'true' : 'false'}
      data-complete={complete ? 'true' : 'false'}
    >
      <header class="library-head">
        <h1>{t('uiLibraryTitle')}</h1>
        <nav class="views tabs" aria-label="views">
          {(['clips', 'officials', 'meetings'] as const).map((v) => (
            <button
              key={v}
              type="button"
              class={`view-${v}`}
              aria-pressed={view === v}
              onClick={() => setView(v)}
            >
              {v === 'clips'
                ? t('uiViewClips')
                : v === 'officials'
                  ? t('uiViewOfficials')
                  : t('uiViewMeetings')}
            </button>
          ))}
        </nav>
        <div class="transfer">
          <label>
            {t('uiExport')}
            <select
              class="export-format"
              value={format}
              onChange={(e) => setFormat(e.currentTarget.value as typeof format)}
            >
              <option value="json">JSON</option>
              <option value="w3c">W3C Web Annotation</option>
              <option value="csv">CSV</option>
              <option value="csl-json">CSL-JSON</option>
              <option value="ris">RIS</option>
              <option value={TIDY_FORMAT}>Tidy tables (zip: CSV + datapackage.json)</option>
            </select>
          </label>
          <select
            class="export-scope"
            aria-label={t('uiExport')}
            value={scope}
            onChange={(e) => setScope(e.currentTarget.value as 'all' | 'filter')}
          >
            <option value="all">{t('uiExportScopeAll')}</option>
            <option value="filter">{t('uiExportScopeFilter')}</option>
          </select>
          <button type="button" class="export-button" onClick={exportNow}>
            {t('uiExport')}
          </button>
          <label class="import-label button-like">
            {t('uiImport')}
            <input
              ref={fileRef}
              type="file"
              class="import-input"
              accept=".json,.jsonld,application/json,application/ld+json"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void importFile(file);
              }}
            />
          </label>
        </div>
      </header>

      <div class="messages">
        <p role="status" class="status" aria-live="polite">
          {status}
          {undo && (
            <button type="button" class="undo-button" onClick={undoDelete}>
              {t('uiUndo')}
            </button>
          )}
        </p>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </div>

      {view === 'clips' && (
        <section class="clips-view">
          <label class="visually-hidden" for="library-search">
            {t('uiSearchClips')}
          </label>
          <input
            id="library-search"
            ref={searchRef}
            type="search"
            class="search"
            placeholder={`${t('uiSearchPlaceholder')}  (/)`}
            value={query.text ?? ''}
            onInput={(e) => {
              const text = e.currentTarget.value;
              const next: LibraryQuery = { ...query };
              if (text.trim()) next.text = text;
              else delete next.text;
              setQuery(next);
            }}
          />
          {filterBar}
          <div class="bulk">
            <span class="shown-count">
              {shown.length} / {all.length}
              {complete ? '' : '+'} {t('uiClipsCount')}
            </span>
            <button type="button" onClick={() => setSelected(new Set(shown.map((c) => c.id)))}>
              {t('uiSelectAll')}
            </button>
            <button
              type="button"
              disabled={selected.size === 0}
              onClick={() => setSelected(new Set())}
            >
              {t('uiClearSelection')}
            </button>
            <button
              type="button"
              class="delete-selected"
              disabled={selected.size === 0}
              onClick={() => void deleteClips([...selected])}
            >
              {t('uiDeleteSelected')} ({selected.size})
            </button>
          </div>
          {clips === null ? (
            <p>{t('uiLoading')}</p>
          ) : shown.length === 0 ? (
            <p class="empty">{all.length ? t('uiNoMatches') : t('uiNoClips')}</p>
          ) : (
            <ClipListView
              clips={shown}
              selected={selected}
              onOpen={openClip}
              onSave={onSave}
              onDelete={(id) => void deleteClips([id])}
              onToggleSelect={toggleSelect}
              onCorrect={onCorrect}
            />
          )}
        </section>
      )}
      {view === 'officials' && (
        <OfficialsView
          clips={all}
          people={people}
          onPeople={onPeople}
          onShow={(official, clipIds) => showFiltered({ official, clipIds })}
          onOpen={(id) => void openClipById(id)}
        />
      )}
      {view === 'meetings' && (
        <MeetingsView
          clips={all}
          onShow={(meetingBody, clipIds) => showFiltered({ meetingBody, clipIds })}
          onOpen={(id) => void openClipById(id)}
        />
      )}
    </div>
  );
}
