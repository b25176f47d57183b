/**
 * Bounds on what one spec file may be. A real spec is a few kilobytes; these limits stop
 * hostile or accidental input (a 10 MB dump, an alias bomb, a deeply nested document)
 * before it can exhaust memory or the stack.
 */
export const MAX_SPEC_BYTES = 1024 * 1024;
/** yaml's own guard against "billion laughs" alias expansion. */
export const MAX_ALIAS_COUNT = 100;
export const MAX_NESTING_DEPTH = 64;
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
export const SPEC_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json'];
