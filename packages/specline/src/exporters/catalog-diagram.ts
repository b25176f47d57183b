import { inputNames, type Catalog } from '../catalog';
import { mermaidLabel } from '../escaping';

/**
 * The table-level lineage of the whole catalog: sources grouped by system, models grouped
 * by layer (in the constitution's layer order), one edge per input. Ids are positional.
 */
export function toCatalogMermaid(catalog: Catalog): string {
  const ids = new Map<string, string>();
  [...catalog.sources, ...catalog.models].forEach((dataset, index) => ids.set(dataset.name, `dataset_${index}`));
  const lines = ['flowchart LR'];
  const groups: [title: string, names: string[]][] = [];
  for (const system of [...new Set(catalog.sources.map((source) => source.system))].sort()) {
    groups.push([`source: ${system}`, catalog.sources.filter((source) => source.system === system).map((source) => source.name)]);
  }
  const layers = [
    ...catalog.constitution.layers.map((layer) => layer.name),
    ...[...new Set(catalog.models.map((model) => model.layer))].sort(),
  ];
  for (const layer of [...new Set(layers)]) {
    const names = catalog.models.filter((model) => model.layer === layer).map((model) => model.name);
    if (names.length > 0) groups.push([layer, names]);
  }
  groups.forEach(([title, names], index) => {
    lines.push(`  subgraph group_${index}[${mermaidLabel(title)}]`);
    for (const name of names) lines.push(`    ${ids.get(name)}[${mermaidLabel(name)}]`);
    lines.push('  end');
  });
  for (const model of catalog.models) {
    for (const input of inputNames(model)) if (ids.has(input)) lines.push(`  ${ids.get(input)} --> ${ids.get(model.name)}`);
  }
  return lines.join('\n') + '\n';
}
