/**
 * Infrastructure faults only. Bad SQL is reported as a SqlProblem value; these are thrown
 * when the caller broke a contract: called before initSql, or passed no identifier.
 */
export class SqlError extends Error {
  constructor(
    readonly code: 'SQL_NOT_READY' | 'SQL_BAD_ARGUMENT',
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class SqlNotReadyError extends SqlError {
  constructor() {
    super('SQL_NOT_READY', 'sql: polyglot is not initialised; await initSql() once before parsing or transpiling');
  }
}
