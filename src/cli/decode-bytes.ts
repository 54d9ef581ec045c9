/**
 * Turns the bytes of a saved page into a string: byte-order marks, the charset an HTML page
 * declares (Chinese sites still serve GBK/GB2312), and refusal of binary input.
 */
import iconv from 'iconv-lite';

/** An input the CLI cannot read as text; its message is printed as the one-line error. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Bytes looked at when sniffing a `<meta>` charset (the HTML spec prescans 1024; CMS heads run longer). */
const PRESCAN_BYTES = 4096;

/** Share of U+FFFD replacement characters above which input is taken for binary or mis-encoded. */
const MAX_REPLACEMENT_SHARE = 0.01;

/** Labels that all mean the GBK family; GB18030 decodes every one of them correctly. */
const GB_LABELS = new Set([
  'gb2312',
  'gbk',
  'x-gbk',
  'gb_2312-80',
  'csgb2312',
  'chinese',
  'gb18030',
]);

/** Encoding named by a byte-order mark, and the mark's length. */
function detectBom(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** Maps a declared charset label to an iconv-lite encoding name, or undefined when unknown. */
function normalizeCharset(label: string): string | undefined {
  const name = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (GB_LABELS.has(name)) return 'gb18030';
  if (name === 'utf8' || name === 'utf-8' || name === 'unicode-1-1-utf-8') return 'utf-8';
  // A page cannot really be UTF-16 without a BOM; browsers treat such a declaration as UTF-8.
  if (name.startsWith('utf-16') || name.startsWith('utf16')) return 'utf-8';
  return iconv.encodingExists(name) ? name : undefined;
}

/**
 * Charset declared by `<meta charset>` or `<meta http-equiv="content-type" content="…charset=…">`
 * in the first bytes of an HTML document (read as Latin-1 so any ASCII-compatible encoding works).
 */
export function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  for (const match of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = match[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) {
      const charset = normalizeCharset(direct[1]);
      if (charset) return charset;
    }
  }
  return undefined;
}

/** Whether the bytes contain a NUL, which no text page has (outside UTF-16). */
function hasNulByte(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) !== -1;
}

/** Share of U+FFFD replacement characters in a decoded string. */
function replacementShare(text: string): number {
  if (text.length === 0) return 0;
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count / text.length;
}

/** Decodes strict UTF-8, returning undefined when the bytes are not valid UTF-8. */
function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decodes with iconv-lite and refuses the result when it is mostly replacement characters. */
function decodeWith(bytes: Uint8Array, encoding: string): string {
  const text = iconv.decode(Buffer.from(bytes), encoding, { stripBOM: true });
  if (replacementShare(text) > MAX_REPLACEMENT_SHARE)
    throw new InputError(`not ${encoding} text (binary file?)`);
  return text;
}

/** Result of decoding: the text and the encoding actually used. */
export interface DecodedText {
  text: string;
  encoding: string;
}

/**
 * Decodes a plain-text file: UTF-8 (BOM stripped) unless `encoding` says otherwise, or UTF-16
 * with a BOM. Binary input (NUL bytes, or invalid UTF-8 beyond a stray byte) is an `InputError`.
 */
export function decodeTextBytes(bytes: Uint8Array, encoding?: string): DecodedText {
  const bom = detectBom(bytes);
  if (bom)
    return { text: decodeWith(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding };
  if (hasNulByte(bytes)) throw new InputError('binary file (contains NUL bytes)');
  if (encoding) {
    const name = normalizeCharset(encoding);
    if (!name) throw new InputError(`unknown encoding "${encoding}"`);
    return { text: decodeWith(bytes, name), encoding: name };
  }
  const strict = decodeUtf8Strict(bytes);
  if (strict !== undefined) return { text: strict, encoding: 'utf-8' };
  const loose = new TextDecoder('utf-8').decode(bytes);
  if (replacementShare(loose) > MAX_REPLACEMENT_SHARE)
    throw new InputError('not UTF-8 text (binary file, or use --encoding for GBK text)');
  return { text: loose, encoding: 'utf-8' };
}

/**
 * Decodes an HTML document the way a browser would pick its charset: BOM, then a declared
 * `<meta>` charset, then UTF-8; an undeclared page that is not UTF-8 falls back to GB18030 (the
 * Chinese-locale default). An explicit `encoding` overrides the declaration.
 */
export function decodeHtmlBytes(bytes: Uint8Array, encoding?: string): DecodedText {
  const bom = detectBom(bytes);
  if (bom)
    return { text: decodeWith(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding };
  if (hasNulByte(bytes)) throw new InputError('binary file (contains NUL bytes)');
  const declared = encoding ? normalizeCharset(encoding) : sniffMetaCharset(bytes);
  if (encoding && !declared) throw new InputError(`unknown encoding "${encoding}"`);
  if (declared && declared !== 'utf-8')
    return { text: decodeWith(bytes, declared), encoding: declared };
  const strict = decodeUtf8Strict(bytes);
  if (strict !== undefined) return { text: strict, encoding: 'utf-8' };
  if (declared === 'utf-8') {
    const loose = new TextDecoder('utf-8').decode(bytes);
    if (replacementShare(loose) > MAX_REPLACEMENT_SHARE)
      throw new InputError('declared UTF-8 but is not (binary file?)');
    return { text: loose, encoding: 'utf-8' };
  }
  return { text: decodeWith(bytes, 'gb18030'), encoding: 'gb18030' };
}
