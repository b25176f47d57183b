/**
 * Temporary files are written beside their target as `<name>.<pid>.tmp` and renamed over it.
 * Another run in the same workspace (two terminals, an editor's task and a CI script) must
 * leave such a file alone while its writer lives, or that writer's rename fails with ENOENT.
 */
const TEMPORARY = /\.(\d+)\.tmp$/;

export function temporaryPath(file: string): string {
  return `${file}.${process.pid}.tmp`;
}

/** True for another live process's temporary file; a dead writer's leftover is fair game. */
export function isInFlightTemporary(file: string): boolean {
  const match = TEMPORARY.exec(file);
  if (!match) return false;
  const pid = Number(match[1]);
  if (pid === process.pid) return false;
  try {
    // Signal 0 checks that the process exists without touching it.
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else; only ESRCH means it is gone.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
