/**
 * Traditional → simplified conversion, one character at a time. Running opencc-js's phrase
 * converter over a whole page is too slow for the content script, so the single-character table
 * is derived once, lazily, from opencc-js's own t2cn data (Taiwan variants folded into OpenCC's
 * traditional standard, then traditional → simplified) and applied per UTF-16 code unit.
 *
 * Only the two single-character dictionaries of the tw → cn chain are imported: the phrase
 * dictionaries of the t2cn preset (and its Hong Kong / Japanese ones) contribute no
 * single-character pair, and leaving them out keeps them out of the content script.
 */
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TW_VARIANTS_REV from 'opencc-js/dict/TWVariantsRev';
import { mapOf, wordsOf } from '../lexicons/index';

/** BMP table: 0 = unchanged, otherwise the simplified code unit. */
let bmpTable: Uint16Array | undefined;
/** Astral code points that change (source → target, both astral so lengths match). */
let astralTable: Map<number, number> | undefined;
/** Simplified characters that never appear in traditional text (used for script detection). */
let simplifiedOnly: Uint8Array | undefined;

/** Single-character pairs of an opencc-js dictionary string (`"src dst|src dst|…"`). */
function pairsOf(dict: string): Map<number, number> {
  const pairs = new Map<number, number>();
  for (const entry of dict.split('|')) {
    const space = entry.indexOf(' ');
    const key = entry.slice(0, space);
    const k = key.codePointAt(0);
    const v = entry.codePointAt(space + 1);
    // Phrase entries (several characters) are skipped: conversion here is per character.
    if (space < 0 || k === undefined || v === undefined) continue;
    if (String.fromCodePoint(k).length !== key.length) continue;
    pairs.set(k, v);
  }
  return pairs;
}

/** Builds the tables on first use. */
function ensureTables(): Uint16Array {
  if (bmpTable) return bmpTable;
  const variants = pairsOf(TW_VARIANTS_REV);
  const toSimplified = pairsOf(TS_CHARACTERS);
  const table = new Uint16Array(0x10000);
  const astral = new Map<number, number>();
  const only = new Uint8Array(0x10000);
  const set = (src: number, dst: number): void => {
    if (src === dst) return;
    if (src < 0x10000 && dst < 0x10000) table[src] = dst;
    else if (src >= 0x10000 && dst >= 0x10000) astral.set(src, dst);
  };
  for (const [src, dst] of toSimplified) set(src, dst);
  // Taiwan variants count only when the OpenCC-standard form they stand for has a simplified form.
  for (const [src, variant] of variants) {
    if (toSimplified.has(src)) continue;
    const dst = toSimplified.get(variant);
    if (dst !== undefined) set(src, dst);
  }
  for (const [src, dst] of toSimplified) {
    if (dst < 0x10000 && src !== dst && !toSimplified.has(dst)) only[dst] = 1;
  }
  // 巿 typed for 市: folded like a variant, but not counted as traditional script.
  for (const [src, dst] of Object.entries(mapOf('characters', 'variantFolds')))
    set(src.codePointAt(0) ?? 0, dst.codePointAt(0) ?? 0);
  bmpTable = table;
  astralTable = astral;
  simplifiedOnly = only;
  return table;
}

/** The simplified form of one BMP code unit (the unit itself when it does not change). */
export function simplifyCodeUnit(unit: number): number {
  const t = ensureTables();
  return t[unit] || unit;
}

/** The simplified form of an astral code point (itself when unchanged). */
export function simplifyAstral(codePoint: number): number {
  ensureTables();
  return astralTable?.get(codePoint) ?? codePoint;
}

/** The BMP conversion table (0 = unchanged), built on first call. */
export function getSimplifyTable(): Uint16Array {
  return ensureTables();
}

/** Table of simplified-only code units (1 = simplified-only), built on first call. */
export function getSimplifiedOnlyTable(): Uint8Array {
  ensureTables();
  return simplifiedOnly ?? new Uint8Array(0x10000);
}

/** Converts traditional characters to simplified, character by character (length preserved). */
export function convertToSimplified(text: string): string {
  const table = ensureTables();
  let out: string[] | undefined;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let rep: string | undefined;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const cp = text.codePointAt(i) ?? c;
      if (cp >= 0x10000) {
        const d = astralTable?.get(cp);
        if (d !== undefined) rep = String.fromCodePoint(d);
        if (rep !== undefined) {
          (out ??= []).push(text.slice(last, i), rep);
          last = i + 2;
        }
        i++;
        continue;
      }
    }
    const s = table[c];
    if (s) {
      (out ??= []).push(text.slice(last, i), String.fromCharCode(s));
      last = i + 1;
    }
  }
  if (!out) return text;
  out.push(text.slice(last));
  return out.join('');
}

/** Words that keep 著 on a traditional page (著名, 显著), as simplified text has them. */
const KEPT_ZHU = wordsOf('characters', 'keptZhu');
const ZHU = '著';

/** An ideograph of the basic block: what follows the 着 of 着力, 随着他 or 坐着一个人. */
const HAN_NEXT = /[\u4e00-\u9fff]/;

/**
 * Whether the 著 at `at` stays: part of a word that keeps it (著名, 显著), or last before a
 * mark or a space, where it ends a name (执行主席张君著、) far more often than a clause.
 */
function keepsZhu(text: string, at: number): boolean {
  if (!HAN_NEXT.test(text.charAt(at + 1))) return true;
  for (const word of KEPT_ZHU) {
    for (let j = word.indexOf(ZHU); j >= 0; j = word.indexOf(ZHU, j + 1))
      if (at - j >= 0 && text.startsWith(word, at - j)) return true;
  }
  return false;
}

/**
 * On a traditional page, 著 is mostly the 着 of 着力, 随着 and 坐着, which simplified text writes
 * 着; the character table cannot tell (著名 keeps it), so this folds it by its word. Length kept.
 */
export function foldTraditionalZhu(text: string): string {
  if (!text.includes(ZHU)) return text;
  return text.replace(/著/g, (zhu: string, at: number) => (keepsZhu(text, at) ? zhu : '着'));
}
