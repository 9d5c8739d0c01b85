import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** The lines of a backup file, read as they are needed, gunzipped when the file is gzip (whatever its name). */
export interface LineReader {
  /** The next line without its '\n'; undefined at the end of the file. */
  next(): Promise<string | undefined>;
  /** The number of the line last returned, for error messages. */
  readonly lineNo: number;
  close(): void;
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

export async function openLines(file: string): Promise<LineReader> {
  const source = createReadStream(file);
  let text: Readable = source;
  if (await isGzip(file)) {
    const gunzip = createGunzip();
    source.on('error', (err) => gunzip.destroy(err));
    text = source.pipe(gunzip);
  }
  // Decoding in the stream keeps a character split across two chunks whole.
  text.setEncoding('utf8');
  const chunks = text[Symbol.asyncIterator]() as AsyncIterator<string>;
  // A line can be far longer than a chunk (an attachment is one line of hex): its pieces are joined once, not per chunk.
  let pieces: string[] = [];
  let ready: string[] = [];
  let at = 0;
  let ended = false;
  let lineNo = 0;
  return {
    get lineNo() { return lineNo; },
    async next() {
      while (at === ready.length) {
        if (ended) return undefined;
        const r = await chunks.next();
        if (r.done) {
          ended = true;
          const last = pieces.join('');
          ready = last === '' ? [] : [last];
          at = 0;
          pieces = [];
          continue;
        }
        const cut = r.value.lastIndexOf('\n');
        if (cut < 0) {
          pieces.push(r.value);
          continue;
        }
        pieces.push(r.value.slice(0, cut));
        ready = pieces.join('').split('\n');
        at = 0;
        pieces = [r.value.slice(cut + 1)];
      }
      lineNo++;
      return ready[at++];
    },
    close() {
      source.destroy();
      text.destroy();
    },
  };
}
