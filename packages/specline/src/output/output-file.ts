/**
 * One file Specline writes: a path below its output folder (forward slashes) and its exact
 * content. Emitters write text (`OutputFile<string>`); exporters also write bytes (.xlsx).
 */
export interface OutputFile<Content extends string | Uint8Array = string | Uint8Array> {
  readonly path: string;
  readonly content: Content;
}
