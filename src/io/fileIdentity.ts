// Whether two paths name one file: through a symbolic link, a folder reached by two names, or a hard link, the paths
// differ but writing to one replaces the other. Compared by device and inode, as the file system itself tells them.
import fs from 'node:fs';

/** The identity of what `file` names (its links followed): device and inode; undefined when nothing is there. */
export function fileIdentity(file: string): string | undefined {
  try {
    const stats = fs.statSync(file, { bigint: true });
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * True when `other` names an existing file that is not `file`: another name of the same file (a link, or `a.TXT` for
 * `a.txt` on a file system that ignores case) is not another file.
 */
export function isOtherFile(file: string, other: string): boolean {
  const id = fileIdentity(other);
  return id !== undefined && id !== fileIdentity(file);
}
