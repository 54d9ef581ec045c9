/**
 * RIS (the tagged format EndNote, Zotero and Mendeley import) built from the CSL-JSON items, so
 * both citation exports say the same thing.
 */
import type { CslDate, CslItem, CslName } from './citation-csl';

/** RIS reference type of each CSL type we write. */
const RIS_TYPES: Record<CslItem['type'], string> = { 'article-newspaper': 'NEWS' };

/** One tag line; RIS values are single lines, so line breaks inside a value become spaces. */
function risLine(tag: string, value: string): string {
  return `${tag}  - ${value.replace(/[\r\n]+/g, ' ').trim()}`;
}

/** `Family, Given` as RIS writes authors; a literal name as it is. */
function risName(name: CslName): string {
  return 'literal' in name ? name.literal : `${name.family}, ${name.given}`;
}

/** RIS date `YYYY/MM/DD/` (missing parts left empty, as the format allows). */
function risDate(date: CslDate): string {
  const [y, m, d] = date['date-parts'][0] ?? [];
  const two = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
  return `${y ?? ''}/${two(m)}/${two(d)}/`;
}

/** One RIS record. */
function risRecord(item: CslItem): string[] {
  const lines = [risLine('TY', RIS_TYPES[item.type])];
  lines.push(risLine('TI', item.title));
  for (const author of item.author ?? []) lines.push(risLine('AU', risName(author)));
  lines.push(risLine('T2', item['container-title']));
  if (item.issued) {
    lines.push(risLine('PY', String(item.issued['date-parts'][0]?.[0] ?? '')));
    lines.push(risLine('DA', risDate(item.issued)));
  }
  // Zotero reads Y2 as the access date.
  if (item.accessed) lines.push(risLine('Y2', risDate(item.accessed)));
  lines.push(risLine('UR', item.URL));
  if (item.language) lines.push(risLine('LA', item.language));
  lines.push(risLine('ID', item.id));
  lines.push('ER  - ');
  return lines;
}

/** RIS text of CSL items: CRLF lines, a blank line between records. */
export function buildRis(items: readonly CslItem[]): string {
  return items.map((item) => risRecord(item).join('\r\n')).join('\r\n\r\n') + '\r\n';
}
