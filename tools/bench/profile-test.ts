/**
 * Runs the test target of every model of a workspace in this one process, as the Nx test
 * batch does, and prints each project's time and its slowest checks. Run it under
 * `node --cpu-prof` to see where `run-many -t test` goes without Nx around it:
 *   node --cpu-prof -r @swc-node/register tools/bench/profile-test.ts [workspace]
 */
import * as path from 'node:path';
import { testProject } from '../../packages/specline/src/executors/test/test-project';
import { workspaceCatalog } from '../../packages/specline/src/executors/workspace-catalog';

async function main(root: string): Promise<void> {
  const seconds = (start: bigint) => (Number(process.hrtime.bigint() - start) / 1e9).toFixed(2);
  // CPU time of every thread (DuckDB's too): on a shared machine it moves less than wall time.
  const cpu = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return `${((used.user + used.system) / 1e6).toFixed(2)} s CPU`;
  };
  const allCpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const { catalog } = await workspaceCatalog(root, 'specs');
  console.log(`load catalog: ${seconds(start)} s, ${cpu(allCpu)}`);
  const models = [...catalog!.models].sort((a, b) => (a.name < b.name ? -1 : 1));
  let failed = 0;
  for (const model of models) {
    const begin = process.hrtime.bigint();
    const beginCpu = process.cpuUsage();
    const run = await testProject(root, { specsDir: 'specs', outputDir: 'build/specline' }, model.name, model.file);
    if (!run.success) failed++;
    const slowest = [...run.results].sort((a, b) => b.durationMs - a.durationMs).slice(0, 2);
    console.log(
      `${model.name}: ${seconds(begin)} s, ${cpu(beginCpu)}, ${run.results.length} checks${run.success ? '' : ' (FAILED)'}; slowest: ${slowest
        .map((result) => `${result.suite} ${result.name.slice(0, 40)} ${(result.durationMs / 1000).toFixed(2)} s`)
        .join('; ')}`,
    );
  }
  console.log(`all ${models.length} models: ${seconds(start)} s, ${cpu(allCpu)}, ${failed} failed`);
}

void main(path.resolve(process.argv[2] ?? '.'));
