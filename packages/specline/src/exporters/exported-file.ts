import type { OutputFile } from '../output';

/** One review document: a path relative to the export folder and its exact bytes. */
export type ExportedFile = OutputFile;
