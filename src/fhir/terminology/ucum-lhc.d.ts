// @lhncbc/ucum-lhc ships no type declarations; the one entry point used is typed where it is used.
declare module '@lhncbc/ucum-lhc' {
  const ucum: unknown;
  export default ucum;
}
