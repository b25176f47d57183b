/** postgres/: the PostgreSQL client behind `test --engine=postgresql`; the server is the user's (or a test's throwaway one). */
export { PostgresSession, redactedUrl, type Row } from './session';
