/**
 * An input cannot be imported as it is: a DDL statement that does not parse, a CSV without a
 * header, a type Specline has no logical type for. The message names the input and the
 * place in it; generators report it as an invalid option.
 */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
