/** File bytes as text, and what is wrong with the encoding, if anything. */
export interface DecodedFile {
  text: string;
  /** Set when the file is binary, not UTF-8, or UTF-16: reported as a finding at 1:1. */
  problem: string | null;
}

// ignoreBOM keeps a leading BOM in the text, as Buffer#toString does: the YAML parser skips it.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Kubernetes manifests are UTF-8. UTF-16 files (with a byte order mark) are decoded and still
 * linted; invalid UTF-8 is linted with replacement characters; binary files are not linted.
 * Each case is reported so that nothing is skipped silently.
 */
export function decodeFile(bytes: Buffer): DecodedFile {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const littleEndian = bytes[0] === 0xff;
    // UTF-16 is whole code units: a last odd byte (a truncated file) is no character; said, not read.
    const odd = (bytes.length - 2) % 2 === 1;
    const body = Buffer.from(bytes.subarray(2, odd ? bytes.length - 1 : bytes.length));
    if (!littleEndian) body.swap16();
    const truncated = odd ? ' with an odd number of bytes (the last one was not read)' : '';
    return { text: body.toString('utf16le'), problem: `file is UTF-16 (${littleEndian ? 'little' : 'big'}-endian)${truncated}; Kubernetes expects UTF-8` };
  }
  if (bytes.includes(0)) return { text: '', problem: 'binary file (it contains NUL bytes): not linted' };
  try {
    return { text: strictUtf8.decode(bytes), problem: null };
  } catch {
    return { text: bytes.toString('utf8'), problem: 'file is not valid UTF-8: invalid bytes were read as U+FFFD' };
  }
}
