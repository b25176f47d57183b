/**
 * A spec file's path reaches generated headers, project names and diagnostics, so each of its
 * folder and file names is restricted to letters, digits, `_`, `-` and `.` (not first): no
 * space, quote, brace, dollar sign or line break that a comment or template could act on.
 */
export const SAFE_PATH_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** The first segment of a workspace-relative path that is not a safe name, or undefined. */
export function unsafePathSegment(file: string): string | undefined {
  return file.split('/').find((segment) => !SAFE_PATH_SEGMENT.test(segment));
}
