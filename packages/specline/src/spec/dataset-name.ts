/**
 * A source table's dataset name: <system>_<table>, e.g. crm_customers. It names the Nx project,
 * the table the source lands in (raw.crm_customers) and every reference to it, so the
 * project graph, the catalog and the generators must derive it the same way: here.
 */
export function sourceDatasetName(source: { readonly system: string; readonly name: string }): string {
  return `${source.system}_${source.name}`;
}
