/** What createNodes leaves on a project for createDependencies, so that nothing is read twice. */
export interface SpeclineProjectMetadata {
  /** The projects this one's lineage points at: the datasets it reads, and nothing else. */
  readonly dependsOn?: readonly string[];
  /** The datasets its relationships tests look values up in (not lineage; see lookup-projects). */
  readonly lookups?: readonly string[];
}

/**
 * What a dataset project shows in `nx show project <name>` (and its --web details): the
 * contract as written in the spec, so an architect browsing the graph need not open the file.
 */
export interface DatasetProjectMetadata {
  readonly owner?: string;
  readonly layer?: string;
  readonly loadStrategy?: string;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
}
