/**
 * An AWS SDK client's model schemas (`dist-es/schemas/schemas_0.js`) declare every shape of every
 * operation as a top-level array, some with computed keys (`{ [_e]: _c }`), which esbuild cannot
 * prove free of side effects, so it keeps them all: the S3 client's alone are 70 KB, built at
 * every cold start for the one operation ingest calls. Each array declaration is marked pure
 * (`/* @__PURE__ *\/ (() => [...])()`, the same value at the same moment), so that esbuild drops
 * those nothing uses. Only array literals are wrapped; the error registrations stay as they are.
 */
export function pureSchemas(source: string): string {
  const statements: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const text = current.join('\n');
    const declaration = /^((?:export )?var [\w$]+ = )(\[[\s\S]*\]);(\s*)$/.exec(text);
    statements.push(
      declaration ? `${declaration[1] ?? ''}/* @__PURE__ */ (() => ${declaration[2] ?? ''})();${declaration[3] ?? ''}` : text,
    );
    current = [];
  };
  // A statement starts on a line that starts with a word (the arrays' lines are indented or close a bracket).
  for (const line of source.split('\n')) {
    if (/^[\w$]/.test(line)) flush();
    current.push(line);
  }
  flush();
  return statements.join('\n');
}
