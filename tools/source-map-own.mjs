// Keeps only the mappings of our own sources (not node_modules) in a bundle's
// source map. libs/platform maps a frame of the bundle through its map when a
// stack is formatted, and keeps the map parsed for the life of the process:
// with every library's mappings a service's map is ~70 MB of heap once
// parsed. Ours alone, one segment per original line (a frame's line is exact,
// its column the start of that line's first mapped expression): ~5 MB.
// Library frames keep their position in the bundle, as they kept their
// node_modules position before bundling.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const c of text) {
    const digit = DIGIT.get(c);
    if (digit === undefined) throw new Error(`bad source map character '${c}'`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

function encodeValue(value) {
  let vlq = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = vlq & 31;
    vlq >>>= 5;
    if (vlq > 0) digit |= 32;
    out += B64[digit];
  } while (vlq > 0);
  return out;
}

/**
 * The map with the segments of sources `keep` rejects removed (and the
 * sources left unused dropped), and of the segments left the first of each
 * run on the same original line only; positions re-encoded relative to the
 * kept segments. Names are dropped: a frame needs file, line and column.
 */
export function keepOwnMappings(map, keep = (source) => !source.includes('node_modules/')) {
  const sources = [];
  const newIndex = map.sources.map((source) => (keep(source) ? sources.push(source) - 1 : -1));
  let source = 0;
  let line = 0;
  let column = 0;
  let out = { source: 0, line: 0, column: 0 };
  const lines = map.mappings.split(';').map((text) => {
    let generated = 0;
    let previousGenerated = 0;
    const kept = [];
    for (const segment of text ? text.split(',') : []) {
      const v = decodeSegment(segment);
      generated += v[0];
      if (v.length < 4) continue; // no original position
      source += v[1];
      line += v[2];
      column += v[3];
      const target = newIndex[source];
      if (target < 0) continue;
      if (kept.length > 0 && target === out.source && line === out.line) continue;
      kept.push(encodeValue(generated - previousGenerated) + encodeValue(target - out.source) + encodeValue(line - out.line) + encodeValue(column - out.column));
      previousGenerated = generated;
      out = { source: target, line, column };
    }
    return kept.join(',');
  });
  return { version: 3, file: map.file, sources, names: [], mappings: lines.join(';') };
}
