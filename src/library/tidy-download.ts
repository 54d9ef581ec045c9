/** The tidy export of the library: the chosen clips as a zip of tidy tables, offered as a file. */
import type { Clip } from '../core/clips/model';
import { documentOfClip } from '../core/export/document';
import { tidyBundleOf, zipTidyBundle } from '../core/export/tidy-bundle';
import { downloadBlob } from './download';

/** Value of the export menu's tidy entry. */
export const TIDY_FORMAT = 'tidy';

/** Builds the tidy bundle of `clips` and offers it as a zip; answers the file name. */
export function downloadTidyBundle(clips: readonly Clip[], now: Date = new Date()): string {
  const bundle = tidyBundleOf(clips.map(documentOfClip), now);
  const zip = zipTidyBundle(bundle, now);
  downloadBlob(
    bundle.fileName,
    new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
  );
  return bundle.fileName;
}
