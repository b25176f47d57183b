import { ImportError } from '../../importers/import-error';

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

/**
 * Runs an importer step, reporting what it cannot read as an invalid option: the input came
 * from an option (--ddl, --csv, --columns, --input), and the message already names it.
 */
export function asOptionError<T>(step: () => T): T {
  const rethrow = (error: unknown): never => {
    throw error instanceof ImportError ? new GeneratorError('invalid-option', error.message) : error;
  };
  try {
    const result = step();
    return (result instanceof Promise ? result.catch(rethrow) : result) as T;
  } catch (error) {
    return rethrow(error);
  }
}
