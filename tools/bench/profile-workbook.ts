/**
 * Times the catalog workbook alone on a generated workspace: loads the catalog, then builds
 * the .xlsx as export writes it and, with --sheet-per-model, also with one sheet per model
 * whatever the catalog's size (the layout before MODEL_SHEETS_UP_TO), and prints time and
 * size of each. Run under `node --cpu-prof` to see where the workbook goes:
 *   node -r @swc-node/register tools/bench/profile-workbook.ts <workspace> [--sheet-per-model]
 */
import * as path from 'node:path';
import { workspaceCatalog } from '../../packages/specline/src/executors/workspace-catalog';
import { toWorkbook } from '../../packages/specline/src/exporters/workbook';

async function main(root: string): Promise<void> {
  const loadStart = process.hrtime.bigint();
  const { catalog } = await workspaceCatalog(root, 'specs');
  const seconds = (start: bigint) => (Number(process.hrtime.bigint() - start) / 1e9).toFixed(2);
  console.log(`load catalog (${catalog!.models.length} models): ${seconds(loadStart)} s`);
  const layouts: [string, number | undefined][] = [['as exported', undefined]];
  if (process.argv.includes('--sheet-per-model')) layouts.push(['one sheet per model', Infinity]);
  for (const [layout, modelSheetsUpTo] of layouts) {
    const start = process.hrtime.bigint();
    const bytes = await toWorkbook(catalog!, modelSheetsUpTo);
    console.log(`workbook, ${layout}: ${seconds(start)} s, ${(bytes.length / 1024 / 1024).toFixed(1)} MiB`);
  }
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}

void main(path.resolve(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? '.'));
