/**
 * Loads one CLI argument (a file path, or `-` for stdin) into the engine's input: plain text as is,
 * HTML decoded by its charset and reduced to visible text with its meta tags, title and URL.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { AnnotateInput } from '../core/types';
import { InputError, decodeHtmlBytes, decodeTextBytes } from './decode-bytes';
import { readHtmlPage } from './html-page';

/** How to read an input: by file extension / content sniffing, or forced. */
export type InputFormat = 'auto' | 'text' | 'html';

/** Options for `loadInput`. */
export interface LoadOptions {
  format?: InputFormat;
  /** Charset overriding BOM-less UTF-8 (text) or the declared charset (HTML). */
  encoding?: string;
  /** Reads all of stdin; injected so tests and callers control it. */
  readStdin: () => Promise<Uint8Array>;
}

/** An input ready for `annotate()`, with the page title when the HTML had one. */
export interface LoadedInput {
  input: AnnotateInput;
  format: 'text' | 'html';
  encoding: string;
  title?: string;
}

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);

/** Whether bytes look like markup: a doctype, `<html>`, or a `<head>`/`<body>` near the start. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  return /^<(!doctype html|html|head|body|meta|!--)/.test(head);
}

/** Turns a file-system error into a short human reason. */
function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Reads the bytes of a path or of stdin; file-system failures become `InputError`s. */
async function readBytes(file: string, options: LoadOptions): Promise<Uint8Array> {
  if (file === '-') return options.readStdin();
  try {
    return await readFile(file);
  } catch (error) {
    throw new InputError(describeFsError(error));
  }
}

/** Picks text or HTML reading for a path and its bytes. */
function chooseFormat(file: string, bytes: Uint8Array, format: InputFormat): 'text' | 'html' {
  if (format !== 'auto') return format;
  const ext = extname(file).toLowerCase();
  if (HTML_EXTENSIONS.has(ext)) return 'html';
  if (ext === '.txt') return 'text';
  return looksLikeHtml(bytes) ? 'html' : 'text';
}

/**
 * Turns the bytes of one page into an `AnnotateInput`. `name` picks the reader by extension (a
 * WARC record passes its URL); undecodable bytes throw `InputError`.
 */
export function readInputBytes(
  name: string,
  bytes: Uint8Array,
  options: Omit<LoadOptions, 'readStdin'>,
): LoadedInput {
  const format = chooseFormat(name, bytes, options.format ?? 'auto');
  if (format === 'text') {
    const { text, encoding } = decodeTextBytes(bytes, options.encoding);
    return { input: { text }, format, encoding };
  }
  const { text: html, encoding } = decodeHtmlBytes(bytes, options.encoding);
  const page = readHtmlPage(html);
  // The contract has no title field: the engine reads `<title>` as the `title` meta fallback.
  const meta = { ...page.meta };
  if (page.title !== undefined && meta.title === undefined) meta.title = page.title;
  const input: AnnotateInput = { text: page.text, meta };
  if (page.url) input.url = page.url;
  const loaded: LoadedInput = { input, format, encoding };
  if (page.title) loaded.title = page.title;
  return loaded;
}

/** Loads `file` (or stdin for `-`) into an `AnnotateInput`; unreadable input throws `InputError`. */
export async function loadInput(file: string, options: LoadOptions): Promise<LoadedInput> {
  return readInputBytes(file, await readBytes(file, options), options);
}
