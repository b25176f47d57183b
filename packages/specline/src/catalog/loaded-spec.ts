import type { SpecDocument } from '../spec/read';
import type { AnySpec } from '../spec/types';

/** A spec file that parsed and passed its JSON Schema: the input to catalog building. */
export interface LoadedSpec<S extends AnySpec = AnySpec> {
  readonly doc: SpecDocument;
  readonly spec: S;
}
