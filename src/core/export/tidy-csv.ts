/** CSV text of a tidy table: RFC 4180, CRLF rows, columns in schema order, no byte-order mark. */
import { csvField } from '../clips/export';
import type { Cell, TidyTable } from './tidy-tables';

/** One cell as CSV: text through the spreadsheet formula guard, numbers and booleans as is. */
function cellText(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'string') return csvField(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  return String(value);
}

/**
 * The table as CSV. No byte-order mark: these files are for pandas, R and Frictionless readers,
 * which read UTF-8 as declared in `datapackage.json` (a mark would end up in the first header).
 */
export function tableToCsv(table: TidyTable): string {
  const names = table.schema.fields.map((f) => f.name);
  const lines = [names.map(csvField).join(',')];
  for (const row of table.rows) lines.push(names.map((n) => cellText(row[n] ?? null)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
