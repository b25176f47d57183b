/**
 * A generator refused to run: an invalid option, a file it would overwrite, or a spec it
 * would write that does not validate. Throwing before Nx flushes the tree means nothing is
 * written; the message says what to change.
 */
export class GeneratorError extends Error {
  constructor(
    readonly code: 'invalid-option' | 'file-exists' | 'invalid-spec' | 'missing-constitution',
    message: string,
  ) {
    super(message);
    this.name = 'GeneratorError';
  }
}
