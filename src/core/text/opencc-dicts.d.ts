/**
 * Types of the opencc-js dictionary modules imported one by one (the package ships them as
 * `export default "src dst|src dst|…"` strings but declares no types for these paths).
 */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
