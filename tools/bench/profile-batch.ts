/**
 * Runs what the validate, codegen and export batches run, for every project of a generated
 * workspace, in this one process, and prints the time of each phase. Run it under
 * `node --cpu-prof` to see where a cold run goes without Nx's own scheduling around it:
 *   node --cpu-prof -r @swc-node/register tools/bench/profile-batch.ts <workspace>
 */
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { codegenProject } from '../../packages/specline/src/executors/codegen/codegen-project';
import { exportProject } from '../../packages/specline/src/executors/export/export-project';
import { validateProject } from '../../packages/specline/src/executors/validate/validate-project';
import { workspaceCatalog } from '../../packages/specline/src/executors/workspace-catalog';

async function main(root: string): Promise<void> {
  rmSync(path.join(root, 'build'), { recursive: true, force: true });
  const phase = async (name: string, work: () => Promise<unknown>) => {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    await work();
    const heap = process.memoryUsage().heapUsed / 1024 / 1024;
    // CPU time as well as wall clock: on a shared machine the wall clock mostly measures the neighbours.
    const cpu = process.cpuUsage(cpuStart);
    const seconds = (value: number) => (value / 1e6).toFixed(2);
    console.log(
      `${name}: ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(2)} s, CPU ${seconds(cpu.user)} s user + ${seconds(cpu.system)} s system, heap in use after it ${heap.toFixed(0)} MiB, RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`,
    );
  };
  const options = { specsDir: 'specs', outputDir: 'build/specline' };
  let projects: { name: string; file: string }[] = [];
  await phase('load catalog', async () => {
    const { catalog } = await workspaceCatalog(root, 'specs');
    projects = [...catalog!.sources, ...catalog!.models].map((dataset) => ({ name: dataset.name, file: dataset.file }));
  });
  await phase(`validate x${projects.length}`, async () => {
    for (const project of projects) await validateProject(root, 'specs', project.name, project.file);
  });
  await phase(`codegen x${projects.length}`, async () => {
    for (const project of projects) await codegenProject(root, options, project.name, project.file);
  });
  await phase('codegen catalog', () => codegenProject(root, { ...options, scope: 'catalog' }, 'catalog', 'specs/constitution.yaml'));
  await phase(`export x${projects.length}`, async () => {
    for (const project of projects) await exportProject(root, options, project.name, project.file);
  });
  await phase('export catalog', () => exportProject(root, { ...options, scope: 'catalog' }, 'catalog', 'specs/constitution.yaml'));
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}

void main(path.resolve(process.argv[2] ?? '.'));
