/**
 * `datapackage.json` (Frictionless Data Package, tabular profile) and the README of the tidy
 * export, both made from the same table schemas as the CSV files.
 */
import { PRODUCT_NAME } from '../clips/model';
import { TABLE_NAMES, TABLE_SCHEMAS, type TableName } from './tidy-schemas';

/** Name of the package inside `datapackage.json`. */
export const TIDY_PACKAGE_NAME = `${PRODUCT_NAME}-tidy`;

/** Version of the tidy tables' layout; bump when a column changes meaning or goes. */
export const TIDY_FORMAT_VERSION = 1;

/** The descriptor of a package holding every table; `rows` gives each table's row count. */
export function datapackageOf(rows: Record<TableName, number>, now: Date): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: TIDY_PACKAGE_NAME,
    title: 'Zhengwen Lens clips as tidy tables',
    version: `${TIDY_FORMAT_VERSION}.0.0`,
    created: now.toISOString(),
    resources: TABLE_NAMES.map((name) => {
      const schema = TABLE_SCHEMAS[name];
      return {
        name,
        path: `${name}.csv`,
        profile: 'tabular-data-resource',
        description: schema.description,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', lineTerminator: '\r\n', doubleQuote: true, header: true },
        stats: { rows: rows[name] },
        schema: {
          fields: schema.fields.map((f) => ({
            name: f.name,
            type: f.type,
            ...(f.format && { format: f.format }),
            description: f.description,
            ...(f.required && { constraints: { required: true } }),
          })),
          missingValues: [''],
          primaryKey: schema.primaryKey,
          foreignKeys: schema.foreignKeys,
        },
      };
    }),
  };
}

/** The README of the bundle: what each file holds and how to load it. */
export function tidyReadme(rows: Record<TableName, number>, now: Date): string {
  const tables = TABLE_NAMES.map((n) => {
    const s = TABLE_SCHEMAS[n];
    return `- \`${n}.csv\` (${rows[n]} rows, key ${s.primaryKey.join(' + ')}): ${s.description}`;
  }).join('\n');
  return `# Zhengwen Lens: tidy tables

Exported ${now.toISOString()}. One row per thing, one column per variable, joined by keys;
\`datapackage.json\` gives every column's type, each table's primary key and foreign keys
(Frictionless Data Package).

${tables}

Keys: \`person_key\` is jurisdiction/name (临汾市/董一兵), or ?/name/first title when no
jurisdiction was read; \`series_key\` is jurisdiction/body/type (临汾市/市委/专题会议) and
\`meeting_key\` adds ordinals and date. They are suggestions that rather split than merge: two
people of one name in different places stay apart.

Files are UTF-8 without a byte-order mark, comma-separated, CRLF line ends; an empty field is a
missing value. Text that a spreadsheet would run as a formula (starting with =, +, -, @) starts
with an apostrophe. Meetings are those the whole page reports, whatever part of it was clipped;
\`clips.meetings_recorded\` is false for clips saved before meeting records existed.

Python:

    import pandas as pd
    clips = pd.read_csv("clips.csv", dtype=str, keep_default_na=False)
    mp = pd.read_csv("meeting_people.csv").merge(pd.read_csv("meetings.csv"), on="meeting_id")

R:

    library(readr)
    meetings <- read_csv("meetings.csv")
`;
}
