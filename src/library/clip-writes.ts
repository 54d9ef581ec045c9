/**
 * The library's writes: every one is a message to the background, the one writer of the clip
 * database. Large deletes and restores go in batches that each fit one message; an import file
 * goes as a blob: URL the background reads itself.
 */
import type { Clip } from '../core/clips/model';
import { checkImportSize, UNREADABLE_FILE_ERROR } from '../core/clips/import';
import { clipChars, splitIntoBatches } from '../core/clips/batches';
import { send } from '../shared/send';

/**
 * Hands a chosen file to the background for import. The background reads it from a blob: URL,
 * which saves copying a large file through a message (the slowest step in Chromium); where the
 * background cannot read the URL, the page sends the text instead.
 */
export async function sendImportFile(file: File): Promise<{ added: number; merged: number }> {
  const url = URL.createObjectURL(file);
  try {
    return await send('clips/import', { url });
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    if (!text.startsWith(UNREADABLE_FILE_ERROR)) throw err;
  } finally {
    URL.revokeObjectURL(url);
  }
  checkImportSize(file.size, 'bytes');
  const content = await file.text();
  checkImportSize(content.length, 'chars');
  return send('clips/import', { content });
}

/**
 * Deletes clips in batches, one message and one transaction each (each batch all or nothing), so
 * "select all, delete" works on any library: at most `LIMITS.batch` ids, and at most
 * `BATCH_CHARS` of clips by `charsOf` (the reply carries the deleted clips). Answers the clips
 * deleted; a failed batch stops the rest and comes back as `error`, beside what the batches
 * before it deleted (which undo can put back).
 */
export async function deleteClipsInBatches(
  ids: readonly string[],
  charsOf: (id: string) => number,
): Promise<{ deleted: Clip[]; error: unknown }> {
  const deleted: Clip[] = [];
  try {
    for (const batch of splitIntoBatches(ids, charsOf)) {
      deleted.push(...(await send('clips/delete', { ids: batch })).deleted);
    }
    return { deleted, error: null };
  } catch (error) {
    return { deleted, error };
  }
}

/** Puts deleted clips back (undo), in batches bounded like `deleteClipsInBatches`. */
export async function restoreClipsInBatches(clips: readonly Clip[]): Promise<void> {
  for (const batch of splitIntoBatches(clips, clipChars)) {
    await send('clips/restore', { clips: batch });
  }
}
