import type { SpecDocument } from './read';
import type { AnySpec } from './types';

/** A spec file that parsed and passed its JSON Schema: the input to catalog building. */
export interface LoadedSpec<S extends AnySpec = AnySpec> {
  readonly doc: SpecDocument;
  readonly spec: S;
}
