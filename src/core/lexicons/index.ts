/**
 * The one loader of the engine's linguistic knowledge. Every word list lives in a JSON data file
 * beside this one (`titles.json`, `surnames.json`, `meetings.json`, `directives.json`,
 * `detection.json`, `records.json`, `characters.json`, `places.json`), each list as `{ "about": "…", "words": [ … ] }`, sorted, unique and in
 * simplified script (a unit test checks all three). A researcher adds a title by adding a word to
 * `titles.json` → `heads`; nothing in the passes needs to change.
 */
import titlesFile from './titles.json';
import surnamesFile from './surnames.json';
import meetingsFile from './meetings.json';
import directivesFile from './directives.json';
import detectionFile from './detection.json';
import recordsFile from './records.json';
import charactersFile from './characters.json';
import placesFile from './places.json';

/** One word list of a data file. */
export interface WordList {
  about: string;
  words: string[];
}

/** The data files by name, for the loader and the lint test. */
export const LEXICON_FILES = {
  titles: titlesFile,
  surnames: surnamesFile,
  meetings: meetingsFile,
  directives: directivesFile,
  detection: detectionFile,
  records: recordsFile,
  characters: charactersFile,
  places: placesFile,
} as const;

/** Name of a data file. */
export type LexiconFile = keyof typeof LEXICON_FILES;

/** True when `x` has the shape of a word list. */
export function isWordList(x: unknown): x is WordList {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return (
    typeof o.about === 'string' &&
    Array.isArray(o.words) &&
    o.words.every((w) => typeof w === 'string' && w.length > 0)
  );
}

/** The words of list `list` in data file `file`; a clear error when the file is malformed. */
export function wordsOf(file: LexiconFile, list: string): readonly string[] {
  const entry: unknown = (LEXICON_FILES[file] as Record<string, unknown>)[list];
  if (!isWordList(entry))
    throw new Error(`lexicon ${file}.json: "${list}" is missing or is not { about, words[] }`);
  return entry.words;
}

/** The string → string map `list` of data file `file` (meeting type aliases). */
export function mapOf(file: LexiconFile, list: string): Readonly<Record<string, string>> {
  const entry = (LEXICON_FILES[file] as Record<string, unknown>)[list] as
    { map?: unknown } | undefined;
  const map = entry?.map;
  if (typeof map !== 'object' || map === null)
    throw new Error(`lexicon ${file}.json: "${list}" is missing or has no map`);
  return map as Record<string, string>;
}

/** Words of a list as an alternation for a RegExp, longest first, metacharacters escaped. */
export function alternationOf(words: Iterable<string>): string {
  return [...new Set(words)]
    .filter((w) => w.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}
