/**
 * A model as bytes for the database (text_models.model, bytea): a JSON header, then the buckets, their
 * idf, and the weights quantised to one signed byte each with a scale per class. Only buckets with a
 * weight that survives quantisation are kept. Quantising costs no measurable accuracy (the benchmark
 * compares both) and makes the model a quarter of its float size.
 */
import type { FeatureOptions } from './features.js';
import type { TextModel } from './model.js';

const MAGIC = 'MSBTXT1\n';

interface Header {
  classes: string[];
  features: FeatureOptions;
  bits: number;
  rows: number;
  bias: number[];
  scales: number[];
  temperature: number;
}

/** Per class, the scale that maps the largest weight (ignoring the top 0.01% outliers, clamped) to 127. */
function classScales(model: TextModel): number[] {
  const k = model.classes.length;
  const rows = model.buckets.length;
  return model.classes.map((_, c) => {
    const mags = new Float32Array(rows);
    for (let r = 0; r < rows; r++) mags[r] = Math.abs(model.weights[r * k + c]!);
    mags.sort();
    const cap = rows ? mags[Math.min(rows - 1, Math.floor(rows * 0.9999))]! : 0;
    return cap > 0 ? cap / 127 : 1;
  });
}

export function encodeModel(model: TextModel): Buffer {
  const k = model.classes.length;
  const scales = classScales(model);
  const keep: number[] = [];
  const q = new Int8Array(model.buckets.length * k);
  for (let r = 0; r < model.buckets.length; r++) {
    let any = false;
    for (let c = 0; c < k; c++) {
      const v = Math.max(-127, Math.min(127, Math.round(model.weights[r * k + c]! / scales[c]!)));
      q[r * k + c] = v;
      if (v !== 0) any = true;
    }
    if (any) keep.push(r);
  }
  const header: Header = {
    classes: model.classes, features: model.features, bits: model.bits, rows: keep.length,
    bias: Array.from(model.bias), scales, temperature: model.temperature,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const headerBytes = 8 + 4 + json.length;
  const pad = (4 - (headerBytes % 4)) % 4;
  const out = Buffer.alloc(headerBytes + pad + keep.length * (8 + k));
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.length, 8);
  json.copy(out, 12);
  let at = headerBytes + pad;
  const buckets = new Int32Array(out.buffer, out.byteOffset + at, keep.length);
  at += keep.length * 4;
  const idf = new Float32Array(out.buffer, out.byteOffset + at, keep.length);
  at += keep.length * 4;
  const weights = new Int8Array(out.buffer, out.byteOffset + at, keep.length * k);
  keep.forEach((r, i) => {
    buckets[i] = model.buckets[r]!;
    idf[i] = model.idf[r]!;
    weights.set(q.subarray(r * k, r * k + k), i * k);
  });
  return out;
}

export function decodeModel(bytes: Uint8Array): TextModel {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 12 || buf.toString('latin1', 0, 8) !== MAGIC) throw new Error('Not a text model (bad magic)');
  const jsonLength = buf.readUInt32LE(8);
  if (buf.length < 12 + jsonLength) throw new Error('Text model is truncated');
  const header = JSON.parse(buf.toString('utf8', 12, 12 + jsonLength)) as Header;
  const k = header.classes.length;
  const headerBytes = 12 + jsonLength;
  let at = headerBytes + ((4 - (headerBytes % 4)) % 4);
  if (buf.length !== at + header.rows * (8 + k)) throw new Error('Text model is truncated');
  // Copied out of the buffer: typed-array views need 4-byte alignment, which a bytea from pg may lack.
  const slice = (bytes: number) => { const s = buf.subarray(at, at + bytes); at += bytes; return Uint8Array.from(s).buffer; };
  const buckets = new Int32Array(slice(header.rows * 4));
  const idf = new Float32Array(slice(header.rows * 4));
  const q = new Int8Array(slice(header.rows * k));
  const weights = new Float32Array(header.rows * k);
  for (let i = 0; i < q.length; i++) weights[i] = q[i]! * header.scales[i % k]!;
  return {
    classes: header.classes, features: header.features, bits: header.bits, buckets, idf, weights,
    bias: Float32Array.from(header.bias), temperature: header.temperature,
  };
}
