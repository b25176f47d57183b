import { stringify } from 'yaml';
import { ImportError } from './import-error';

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A dbt manifest.json (target/manifest.json after `dbt compile` or `dbt parse`) as the
 * project files readDbtProject reads: each model's SQL as written (raw_code) at its
 * original path, and one YAML document holding what the manifest says about the models:
 * descriptions, meta, column types and descriptions, and the generic tests attached to them.
 */
export function dbtFilesFromManifest(text: string, origin: string): Map<string, string> {
  let manifest: Node;
  try {
    manifest = JSON.parse(text) as Node;
  } catch (error) {
    throw new ImportError(`${origin}: not valid JSON: ${(error as Error).message}`);
  }
  const nodes = Object.values((manifest?.['nodes'] ?? {}) as Record<string, Node>);
  const models = nodes.filter((node) => node['resource_type'] === 'model');
  if (models.length === 0) throw new ImportError(`${origin}: no models in its "nodes"; is it a dbt manifest.json?`);
  const files = new Map<string, string>();
  const documented = models
    .sort((a, b) => String(a['unique_id']).localeCompare(String(b['unique_id'])))
    .map((model) => {
      const path = String(model['original_file_path'] ?? `models/${model['name']}.sql`);
      files.set(path.startsWith('models/') ? path : `models/${path}`, String(model['raw_code'] ?? model['raw_sql'] ?? ''));
      const testsOf = (column: string) =>
        nodes
          .filter(
            (n) =>
              n['resource_type'] === 'test' &&
              n['attached_node'] === model['unique_id'] &&
              n['column_name'] === column &&
              n['test_metadata'],
          )
          .sort((a, b) => String(a['unique_id']).localeCompare(String(b['unique_id'])))
          .map((n) => {
            const { name, kwargs } = n['test_metadata'] as Node;
            if (name === 'accepted_values') return { accepted_values: { values: kwargs?.['values'] ?? [] } };
            if (name === 'relationships') return { relationships: { to: kwargs?.['to'], field: kwargs?.['field'] } };
            return String(name);
          });
      const columns = Object.values((model['columns'] ?? {}) as Record<string, Node>).map((c) => ({
        name: c['name'],
        ...(c['data_type'] ? { data_type: c['data_type'] } : {}),
        ...(c['description'] ? { description: c['description'] } : {}),
        ...(c['meta'] && Object.keys(c['meta']).length ? { meta: c['meta'] } : {}),
        ...(testsOf(c['name']).length ? { tests: testsOf(c['name']) } : {}),
      }));
      const meta = { ...(model['config']?.['meta'] ?? {}), ...(model['meta'] ?? {}) };
      return {
        name: model['name'],
        ...(model['description'] ? { description: model['description'] } : {}),
        ...(Object.keys(meta).length ? { meta } : {}),
        columns,
      };
    });
  files.set('models/manifest.yml', stringify({ version: 2, models: documented }));
  return files;
}
