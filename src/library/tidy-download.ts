/** The tidy export of the library: the chosen clips as a zip of tidy tables, offered as a file. */
import type { Clip } from '../core/clips/model';
import type { PersonRecord } from '../core/clips/person-merges';
import { documentOfClip } from '../core/export/document';
import { tidyBundleOf, zipTidyBundle } from '../core/export/tidy-bundle';
import { downloadBlob } from './download';

/** Value of the export menu's tidy entry. */
export const TIDY_FORMAT = 'tidy';

/**
 * Builds the tidy bundle of `clips` (with the library's `people` records) and offers it as a
 * zip; answers the file name.
 */
export function downloadTidyBundle(
  clips: readonly Clip[],
  people: readonly PersonRecord[] = [],
  now: Date = new Date(),
): string {
  const bundle = tidyBundleOf(clips.map(documentOfClip), now, people);
  const zip = zipTidyBundle(bundle, now);
  downloadBlob(
    bundle.fileName,
    new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
  );
  return bundle.fileName;
}
