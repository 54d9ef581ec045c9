/** The citation exports as files: CSL-JSON and RIS, one record per article of the clips. */
import type { ExportFile } from '../clips/export';
import { PRODUCT_NAME, type Clip } from '../clips/model';
import { buildCslJson } from './citation-csl';
import { buildRis } from './citation-ris';

/** Citation formats offered beside the clip exports. */
export type CitationFormat = 'csl-json' | 'ris';

/** The citation formats, for menus. */
export const CITATION_FORMATS: readonly CitationFormat[] = ['csl-json', 'ris'];

/** True when an export format chosen in a menu is a citation format. */
export function isCitationFormat(format: string): format is CitationFormat {
  return (CITATION_FORMATS as readonly string[]).includes(format);
}

/** File name with product and date, e.g. `zhengwen-lens-citations-2026-11-22.ris`. */
export function citationFileName(format: CitationFormat, now: Date = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  return `${PRODUCT_NAME}-citations-${day}.${format === 'ris' ? 'ris' : 'json'}`;
}

/** Builds a citation file for the articles of `clips`. */
export function exportCitations(
  clips: readonly Clip[],
  format: CitationFormat,
  now: Date = new Date(),
): ExportFile {
  const items = buildCslJson(clips);
  const fileName = citationFileName(format, now);
  if (format === 'ris') {
    return { fileName, mimeType: 'application/x-research-info-systems', content: buildRis(items) };
  }
  return {
    fileName,
    mimeType: 'application/vnd.citationstyles.csl+json',
    content: JSON.stringify(items, null, 2),
  };
}
