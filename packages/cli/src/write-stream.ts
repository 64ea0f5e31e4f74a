/** What the report is written to: standard output, or a stream standing in for it in tests. */
export interface Writable {
  write(text: string): unknown;
  once?(event: 'drain' | 'close', listener: () => void): unknown;
  removeListener?(event: 'drain' | 'close', listener: () => void): unknown;
  /** Set once the stream is closed, as when the reader of a pipe went away (EPIPE). */
  readonly destroyed?: boolean;
}

/** Pieces are joined into writes of about 64 KB. */
const WRITE_SIZE = 1 << 16;

/**
 * Writes `chunks` one batch at a time. When the stream says its buffer is full (write returns
 * false: a slow pipe), waits for 'drain' before making more, so memory stays bounded however
 * large the report. Once the reader has gone away (`k8s-lint … | head`), stops: the rest has
 * nowhere to go.
 */
export async function writeChunks(stream: Writable, chunks: Iterable<string>): Promise<void> {
  let pending = '';
  for (const chunk of chunks) {
    if (stream.destroyed === true) return;
    pending += chunk;
    if (pending.length < WRITE_SIZE) continue;
    await writeAndWait(stream, pending);
    pending = '';
  }
  if (pending !== '' && stream.destroyed !== true) await writeAndWait(stream, pending);
}

async function writeAndWait(stream: Writable, text: string): Promise<void> {
  if (stream.write(text) !== false || typeof stream.once !== 'function') return;
  // A closed stream has already emitted 'close' and will emit nothing more.
  if (stream.destroyed === true) return;
  // A reader that went away ('close') would never drain: stop waiting then too.
  await new Promise<void>((resolve) => {
    const done = (): void => {
      stream.removeListener?.('drain', done);
      stream.removeListener?.('close', done);
      resolve();
    };
    stream.once?.('drain', done);
    stream.once?.('close', done);
  });
}
