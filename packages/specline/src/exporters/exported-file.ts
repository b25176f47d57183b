/** One review document: a path relative to the export folder and its exact bytes. */
export interface ExportedFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}
