/**
 * Capture bodies too big to keep inline live as files beside the capture store, owner-only (0600). A file
 * is fsynced and its directory entry made durable before the capture that names it is committed, so a
 * committed capture never points at a missing body; a crash in between leaves an orphan the sweep removes.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { GroupCommit } from '../../store/group-commit.js';
import { ensurePrivateDir, isNotFound, PRIVATE_FILE_MODE, syncDir } from '../../store/private-fs.js';

/** Bodies up to this size are stored inline in the capture record (base64 grows them by a third). */
export const INLINE_BODY_MAX_BYTES = 16 * 1024;
const SUFFIX = '.bin';

export class BodyFiles {
  /** Directory fsyncs of concurrent writers are shared, like the record store's group commit. */
  private readonly dirSync: GroupCommit;

  private constructor(readonly dir: string) {
    this.dirSync = new GroupCommit(() => syncDir(dir));
  }

  static async open(dir: string): Promise<BodyFiles> {
    await ensurePrivateDir(dir);
    return new BodyFiles(dir);
  }

  /** Writes the body durably; returns the file name to store in the capture. */
  async write(id: string, bytes: Buffer): Promise<string> {
    const name = `${id}${SUFFIX}`;
    const handle = await fsp.open(path.join(this.dir, name), 'w', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(bytes);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await this.dirSync.request();
    return name;
  }

  read(name: string): Promise<Buffer> {
    return fsp.readFile(this.resolve(name));
  }

  async remove(name: string): Promise<void> {
    try {
      await fsp.unlink(this.resolve(name));
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  /** Deletes files whose capture is gone (retention, a delete that crashed half-way, an orphan). */
  async sweep(isLive: (id: string) => boolean): Promise<number> {
    let removed = 0;
    for (const name of await fsp.readdir(this.dir)) {
      if (!name.endsWith(SUFFIX) || isLive(name.slice(0, -SUFFIX.length))) continue;
      await this.remove(name);
      removed++;
    }
    return removed;
  }

  /** Only names we made are read: a record edited by hand must not read files outside the folder. */
  private resolve(name: string): string {
    if (path.basename(name) !== name || !name.endsWith(SUFFIX))
      throw new Error(`not a body file name: ${name}`);
    return path.join(this.dir, name);
  }
}
