import { randomBytes } from 'node:crypto';
import { createWriteStream, renameSync, unlinkSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Output holds narratives: only the owner may read it (and the temporary file before it). */
export const OUTPUT_FILE_MODE = 0o600;

/** Every output not yet committed, so a signal handler can remove them all. */
const open = new Set<OutputFile>();

/**
 * A file written under a temporary name in its final folder and renamed over
 * the final name only when complete. A run that fails or is killed leaves
 * nothing under the final name that could be taken for a finished output (a
 * file already there is left as it was); at most a hidden
 * `.<name>.motag-<pid>-<random>.part` beside it, which a failed or
 * interrupted run removes itself. The rename is atomic on one file system,
 * which the same folder guarantees.
 */
export class OutputFile {
  readonly path: string;
  readonly tempPath: string;
  readonly stream: WriteStream;
  private settled = false;

  constructor(path: string) {
    this.path = path;
    this.tempPath = join(dirname(path), `.${basename(path)}.motag-${process.pid}-${randomBytes(4).toString('hex')}.part`);
    // wx: never write through an existing file (or a link planted under the temporary name).
    // flush: the data is on disk before the rename makes it the output.
    this.stream = createWriteStream(this.tempPath, { flags: 'wx', mode: OUTPUT_FILE_MODE, flush: true });
    open.add(this);
  }

  /** Finishes writing and gives the file its final name. The stream must have been ended (or is ended here). */
  async commit(): Promise<void> {
    await finished(this.stream);
    renameSync(this.tempPath, this.path);
    this.settled = true;
    open.delete(this);
  }

  /** Drops the temporary file; the final name is untouched. */
  async abandon(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    open.delete(this);
    this.stream.destroy();
    await new Promise<void>((resolve) => {
      if (this.stream.closed) return resolve();
      this.stream.once('close', () => resolve()).once('error', () => resolve());
    });
    removeQuietly(this.tempPath);
  }

  /** Synchronous clean-up for a signal handler, where nothing asynchronous will run. */
  static abandonAllNow(): void {
    for (const file of open) {
      file.settled = true;
      removeQuietly(file.tempPath);
    }
    open.clear();
  }
}

function finished(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.closed) return stream.errored ? reject(stream.errored) : resolve();
    stream.once('error', reject);
    stream.once('close', () => (stream.errored ? reject(stream.errored) : resolve()));
    if (!stream.writableEnded) stream.end();
  });
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone, or never created: nothing to clean up.
  }
}
