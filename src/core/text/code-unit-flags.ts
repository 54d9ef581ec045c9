/** Per-code-unit lookup tables for the engine's character scans (one typed-array load per test). */

/** A table with 1 at the code unit of each of `chars` (first unit of each string) and 0 elsewhere. */
export function codeUnitFlags(chars: Iterable<string>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const ch of chars) table[ch.charCodeAt(0)] = 1;
  return table;
}
