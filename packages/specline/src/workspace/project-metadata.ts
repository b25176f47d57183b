/** What createNodes leaves on a project for createDependencies, so that nothing is read twice. */
export interface SpeclineProjectMetadata {
  /** The projects this one's lineage points at: the datasets it reads and its glossary. */
  readonly dependsOn?: readonly string[];
  /** The datasets its relationships tests look values up in (not lineage; see lookup-projects). */
  readonly lookups?: readonly string[];
}
