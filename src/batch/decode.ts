import { PassThrough, type Readable } from 'node:stream';
import iconv from 'iconv-lite';

export type InputEncoding = 'auto' | 'utf8' | 'windows-1252';

/*
 * Police exports arrive as UTF-8, UTF-8 with a byte-order mark, or
 * Windows-1252 (common from older case systems). "auto" reads the first
 * 64 KB: a BOM or valid UTF-8 means UTF-8, anything else Windows-1252.
 * The BOM is dropped either way so it never lands in the first column name.
 */
const SNIFF_BYTES = 64 * 1024;

export interface Decoded {
  readonly text: Readable;
  /** The encoding used, once known (after the first chunk for "auto"). */
  readonly encoding: Promise<'utf8' | 'windows-1252'>;
}

export function decodeInput(raw: Readable, choice: InputEncoding): Decoded {
  const out = new PassThrough({ encoding: 'utf8' });
  let resolveEncoding!: (e: 'utf8' | 'windows-1252') => void;
  const encoding = new Promise<'utf8' | 'windows-1252'>((r) => (resolveEncoding = r));
  const head: Buffer[] = [];
  let headBytes = 0;
  let decided = false;

  const start = (enc: 'utf8' | 'windows-1252', first: Buffer, ended: boolean): void => {
    decided = true;
    resolveEncoding(enc);
    const decoder = iconv.getDecoder(enc === 'utf8' ? 'utf8' : 'win1252', { stripBOM: true });
    const push = (b: Buffer): boolean => out.write(decoder.write(b));
    const finish = (): void => {
      const rest = decoder.end();
      if (rest) out.write(rest);
      out.end();
    };
    const flowing = push(first);
    if (ended) return finish();
    if (!flowing) raw.pause();
    out.on('drain', () => raw.resume());
    raw.on('data', (b: Buffer) => {
      if (!push(b)) raw.pause();
    });
    raw.on('end', finish);
  };

  const onData = (b: Buffer): void => {
    head.push(b);
    headBytes += b.length;
    if (headBytes >= SNIFF_BYTES) decide(false);
  };
  const onEnd = (): void => decide(true);
  const decide = (ended: boolean): void => {
    if (decided) return;
    raw.off('data', onData);
    raw.off('end', onEnd);
    const first = Buffer.concat(head);
    start(choice === 'auto' ? sniff(first) : choice, first, ended);
  };
  raw.on('data', onData);
  raw.on('end', onEnd);
  raw.on('error', (err) => out.destroy(err));
  return { text: out, encoding };
}

function sniff(sample: Buffer): 'utf8' | 'windows-1252' {
  if (sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  // Ignore a multi-byte character cut off at the end of the sample.
  let end = sample.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const byte = sample[end - k]!;
    if ((byte & 0xc0) === 0xc0) {
      end -= k;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return 'utf8';
  } catch {
    return 'windows-1252';
  }
}
