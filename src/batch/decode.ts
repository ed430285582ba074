import { PassThrough, type Readable } from 'node:stream';
import iconv from 'iconv-lite';

export type Encoding = 'utf8' | 'windows-1252' | 'utf16le' | 'utf16be';
export type InputEncoding = 'auto' | Encoding;

/*
 * Police exports arrive as UTF-8, UTF-8 with a byte-order mark, Windows-1252
 * (common from older case systems) or UTF-16 (Excel's "Unicode text"). "auto"
 * reads the first 64 KB: a UTF-16 byte-order mark (or NUL bytes in every
 * other position, which no 8-bit text has) means UTF-16; a UTF-8 mark or
 * valid UTF-8 means UTF-8; anything else Windows-1252. The mark is dropped
 * either way so it never lands in the first column name.
 */
const SNIFF_BYTES = 64 * 1024;

/** What decoding found, complete once the input has been read to the end. */
export interface DecodeReport {
  encoding: Encoding;
  /** Byte sequences that are not valid in the encoding (each read as U+FFFD). */
  invalidSequences: number;
  /**
   * The invalid bytes of a UTF-8 reading are all letters in Windows-1252 and
   * the file holds no valid multi-byte UTF-8 at all: only then would reading
   * it as Windows-1252 give better text rather than garble the rest.
   */
  looksLikeWindows1252: boolean;
}

export interface Decoded {
  readonly text: Readable;
  readonly report: DecodeReport;
}

export function decodeInput(raw: Readable, choice: InputEncoding): Decoded {
  const out = new PassThrough({ encoding: 'utf8' });
  const report: DecodeReport = { encoding: 'utf8', invalidSequences: 0, looksLikeWindows1252: false };
  const head: Buffer[] = [];
  let headBytes = 0;
  let decided = false;

  const start = (enc: Encoding, first: Buffer, ended: boolean): void => {
    decided = true;
    report.encoding = enc;
    const decoder = iconv.getDecoder(enc === 'windows-1252' ? 'win1252' : enc, { stripBOM: true });
    const check = byteChecker(enc);
    const push = (b: Buffer): boolean => {
      check.bytes(b);
      return out.write(decoder.write(b));
    };
    const finish = (): void => {
      const rest = decoder.end();
      if (rest) out.write(rest);
      check.end();
      Object.assign(report, check.result());
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
  return { text: out, report };
}

export function sniff(sample: Buffer): Encoding {
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf16be';
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  const nuls = (parity: number): number => {
    let n = 0;
    for (let i = parity; i < sample.length; i += 2) if (sample[i] === 0) n++;
    return n;
  };
  const pairs = Math.floor(sample.length / 2);
  if (pairs >= 2) {
    if (nuls(1) > pairs / 4 && nuls(0) === 0) return 'utf16le';
    if (nuls(0) > pairs / 4 && nuls(1) === 0) return 'utf16be';
  }
  const utf8 = utf8Checker();
  // The sample may end inside a multi-byte character: only complete ones count.
  utf8.bytes(sample);
  return utf8.result().invalidSequences === 0 ? 'utf8' : 'windows-1252';
}

interface ByteChecker {
  bytes(b: Buffer): void;
  end(): void;
  result(): Omit<DecodeReport, 'encoding'>;
}

function byteChecker(enc: Encoding): ByteChecker {
  if (enc === 'utf8') return utf8Checker();
  if (enc === 'windows-1252') return windows1252Checker();
  return utf16Checker();
}

/** Bytes Windows-1252 leaves undefined. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Counts invalid UTF-8 byte sequences from the bytes themselves, so a valid
 * U+FFFD written in the file (EF BF BD) is never taken for damage. Carries an
 * incomplete character across chunk boundaries.
 */
function utf8Checker(): ByteChecker {
  let carry: Buffer = Buffer.alloc(0);
  let invalid = 0;
  let multibyte = 0;
  let invalidAllCp1252 = true;
  const bad = (byte: number): void => {
    invalid++;
    if (byte < 0x80 || CP1252_UNDEFINED.has(byte)) invalidAllCp1252 = false;
  };
  const scan = (b: Buffer, final: boolean): void => {
    let i = 0;
    while (i < b.length) {
      const c = b[i]!;
      if (c < 0x80) {
        i++;
        continue;
      }
      const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
      if (need < 0) {
        bad(c);
        i++;
        continue;
      }
      if (i + need >= b.length && !final) {
        carry = Buffer.from(b.subarray(i));
        return;
      }
      let ok = i + need < b.length;
      for (let k = 1; ok && k <= need; k++) if ((b[i + k]! & 0xc0) !== 0x80) ok = false;
      if (ok) {
        // Overlong forms and surrogates are not valid UTF-8 either.
        const c1 = b[i + 1]!;
        if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) ok = false;
      }
      if (ok) {
        multibyte++;
        i += need + 1;
      } else {
        bad(c);
        i++;
      }
    }
    carry = Buffer.alloc(0);
  };
  return {
    bytes: (b) => scan(carry.length > 0 ? Buffer.concat([carry, b]) : b, false),
    end: () => {
      if (carry.length > 0) scan(carry, true);
    },
    result: () => ({ invalidSequences: invalid, looksLikeWindows1252: invalid > 0 && invalidAllCp1252 && multibyte === 0 }),
  };
}

function windows1252Checker(): ByteChecker {
  let invalid = 0;
  return {
    bytes: (b) => {
      for (const c of b) if (CP1252_UNDEFINED.has(c)) invalid++;
    },
    end: () => undefined,
    result: () => ({ invalidSequences: invalid, looksLikeWindows1252: false }),
  };
}

/** UTF-16 has no invalid bytes, only a byte left over at the end. */
function utf16Checker(): ByteChecker {
  let total = 0;
  return {
    bytes: (b) => {
      total += b.length;
    },
    end: () => undefined,
    result: () => ({ invalidSequences: total % 2, looksLikeWindows1252: false }),
  };
}
