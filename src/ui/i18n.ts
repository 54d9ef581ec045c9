/**
 * UI strings of the popup and library: `browser.i18n` messages (public/_locales), with the
 * English text here as the fallback when a key is missing from a locale.
 */
import browser from 'webextension-polyfill';

/** English text of every popup/library key (keep in step with public/_locales/en). */
const UI_STRINGS = {
  uiLang: 'en',
  uiOpenLibrary: 'Open clip library',
  uiSearchClips: 'Search clips',
  uiSearchPlaceholder: 'Search quote, note, tags, names (any script)',
  uiNewestClips: 'Newest clips',
  uiNoClips: 'No clips yet.',
  uiNoMatches: 'No clip matches.',
  uiPageGov: 'Government news page',
  uiPageOther: 'Not detected as government news',
  uiPageUnavailable: 'Annotations are not available on this page.',
  uiScore: 'Score',
  uiAnnotateOn: 'Annotate this page',
  uiAnnotateOff: 'Switch annotations off',
  uiKindOfficial: 'Officials',
  uiKindMeeting: 'Meetings',
  uiKindDirective: 'Directives',
  uiOpen: 'Open',
  uiEdit: 'Edit',
  uiDelete: 'Delete',
  uiSave: 'Save',
  uiCancel: 'Cancel',
  uiUndo: 'Undo',
  uiNote: 'Note',
  uiTags: 'Tags (comma-separated)',
  uiWholeArticle: 'Whole article',
  uiLibraryTitle: 'Zhengwen Lens — clip library',
  uiViewClips: 'Clips',
  uiViewOfficials: 'Officials index',
  uiViewMeetings: 'Meeting series',
  uiFilterKind: 'Kind',
  uiFilterOfficial: 'Official',
  uiFilterMeetingBody: 'Meeting body',
  uiFilterSite: 'Site',
  uiFilterTag: 'Tag',
  uiFilterFrom: 'From',
  uiFilterTo: 'To',
  uiFilterAny: 'Any',
  uiClearFilters: 'Clear filters',
  uiSelectAll: 'Select all shown',
  uiClearSelection: 'Clear selection',
  uiDeleteSelected: 'Delete selected',
  uiSelected: 'selected',
  uiExport: 'Export',
  uiExportScopeAll: 'All clips',
  uiExportScopeFilter: 'Current filter',
  uiImport: 'Import file',
  uiImported: 'Imported',
  uiImportFailed: 'Import failed',
  uiCopyCitation: 'Copy citation',
  uiCitationCopied: 'Citation copied',
  uiDeleted: 'Deleted',
  uiClipsCount: 'clips',
  uiSaved: 'Saved',
  uiLoading: 'Loading…',
  uiError: 'Error',
  uiTitlesSeen: 'Titles seen',
  uiSeen: 'Seen',
  uiShowClips: 'Show clips',
  uiJurisdiction: 'Jurisdiction',
  uiUnknownPlace: 'place unknown',
  uiTitlesOverTime: 'Titles over time',
  uiFirstSeen: 'First seen',
  uiLastSeen: 'Last seen',
  uiBackToIndex: 'Back to the index',
  uiTimeline: 'Timeline',
  uiTimelineHelp: 'Ordinals against dates; arrow keys move between meetings.',
  uiOrdinalGaps: 'Ordinals not seen',
  uiNoGaps: 'No gaps in the ordinals seen.',
  uiClipOpened: "The clip's page was opened; it says there whether the passage was found.",
  uiClipNotOpened: "The clip's page could not be opened.",
  uiCorrectEntities: 'Correct entities',
  uiReject: 'Reject',
  uiRejected: 'rejected',
  uiFix: 'Fix',
  uiCorrected: 'corrected',
  uiName: 'Name',
  uiTitlesInput: 'Titles (comma-separated)',
  uiOrdinalsInput: 'Ordinals (comma-separated)',
  uiNothingChanged: 'Nothing changed.',
  uiMergeInto: 'Merge into',
  uiMerge: 'Merge',
  uiSplit: 'Split',
  uiMergedKeys: 'Merged person keys',
  uiExternalIds: 'External ids',
  uiCpedId: 'CPED id',
  uiChinaVitaeUrl: 'China Vitae URL',
} as const;

/** A UI string key. */
export type UiKey = keyof typeof UI_STRINGS;

/** The UI text of `key` in the browser's language. */
export function t(key: UiKey): string {
  try {
    return browser.i18n.getMessage(key) || UI_STRINGS[key];
  } catch {
    return UI_STRINGS[key];
  }
}

/** The UI's language as a BCP 47 tag (`en`, `zh-CN`, `zh-TW`), for `Intl` formatting. */
export function uiLocale(): string {
  const tag = t('uiLang');
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
