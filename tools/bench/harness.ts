/**
 * The benchmark: for each N, generates the Specline, trivial-plugin and Dataform workspaces,
 * measures (a)-(f) with the median of several runs, and prints a markdown report.
 *
 *   node -r @swc-node/register tools/bench/harness.ts [--runs=3] [--out=/tmp/specline-bench] [--only=a,b,c,d,e] 100 1000
 *
 * Run by hand on an idle machine, never in CI: it takes minutes and measures the machine.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { planCatalog, type PlannedModel } from './catalog-plan';
import { generateWorkspaces } from './generate';
import { REPO_ROOT } from './workspace';
import { executedTasks, measure, median, type Measurement } from './measure';

interface Row {
  readonly size: number;
  readonly name: string;
  readonly ours: readonly Measurement[];
  readonly baseline?: readonly Measurement[];
  readonly baselineName?: string;
  readonly tasks?: string;
}

const NX = (dir: string) => path.join(dir, 'node_modules/.bin/nx');
const RUN_MANY = ['run-many', '-t', 'validate,codegen,export', '--outputStyle=static'];
const AFFECTED = ['affected', '-t', 'validate,codegen,test', '--base=HEAD', '--outputStyle=static'];

function main(): void {
  const flags = new Map(
    process.argv
      .slice(2)
      .filter((a) => a.startsWith('--'))
      .map((a) => a.slice(2).split('=') as [string, string]),
  );
  const sizes = process.argv
    .slice(2)
    .filter((a) => !a.startsWith('--'))
    .map(Number);
  const runs = Number(flags.get('runs') ?? 3);
  const only = new Set((flags.get('only') ?? 'a,b,c,d,e').split(','));
  const out = path.resolve(flags.get('out') ?? '/tmp/specline-bench');
  const rows: Row[] = [];
  const loads = [loadavg()[0]];
  for (const size of sizes) {
    const dirs = generateWorkspaces(out, size);
    execFileSync('sh', ['-c', 'git init -q && git add -A && git -c user.email=bench@example.com -c user.name=bench commit -qm synthetic'], {
      cwd: dirs.specline,
    });
    // Nx keeps its cache outside the workspace unless told; cold must mean cold.
    const env = { NX_CACHE_DIRECTORY: path.join(dirs.specline, '.nx/cache') };
    const trivialEnv = { NX_CACHE_DIRECTORY: path.join(dirs.trivial, '.nx/cache') };
    const cold = (dir: string) => rmSync(path.join(dir, '.nx'), { recursive: true, force: true });
    const repeat = (work: (run: number) => Measurement) => Array.from({ length: runs }, (_, run) => work(run));
    const log = (what: string) => console.error(`[bench] N=${size} ${what} (load ${loadavg()[0].toFixed(1)})`);

    if (only.has('a')) {
      log('a: cold graph');
      const ours = repeat(() => (cold(dirs.specline), check(measure(NX(dirs.specline), ['show', 'projects'], dirs.specline, env))));
      const trivial = repeat(() => (cold(dirs.trivial), check(measure(NX(dirs.trivial), ['show', 'projects'], dirs.trivial, trivialEnv))));
      rows.push({ size, name: 'a. cold graph (`nx show projects`)', ours, baseline: trivial, baselineName: 'trivial plugin' });
      const warm = repeat(() => check(measure(NX(dirs.specline), ['show', 'projects'], dirs.specline, env)));
      const warmTrivial = repeat(() => check(measure(NX(dirs.trivial), ['show', 'projects'], dirs.trivial, trivialEnv)));
      rows.push({
        size,
        name: 'a. warm graph (workspace data kept, no daemon)',
        ours: warm,
        baseline: warmTrivial,
        baselineName: 'trivial plugin',
      });
    }
    if (only.has('b')) {
      log('b: cold run-many vs dataform compile');
      const ours = repeat(() => {
        cold(dirs.specline);
        rmSync(path.join(dirs.specline, 'build'), { recursive: true, force: true });
        return check(measure(NX(dirs.specline), RUN_MANY, dirs.specline, { ...env, NX_BATCH_MODE: 'true' }));
      });
      const dataform = repeat(() =>
        check(measure(path.join(REPO_ROOT, 'node_modules/.bin/dataform'), ['compile', '--json'], dirs.dataform)),
      );
      rows.push({
        size,
        name: 'b. cold `run-many -t validate,codegen,export` (batch mode)',
        ours,
        baseline: dataform,
        baselineName: '`dataform compile`',
        tasks: tasksOf(ours),
      });
    }
    if (only.has('c')) {
      log('c: fully cached re-run');
      const ours = repeat(() => check(measure(NX(dirs.specline), RUN_MANY, dirs.specline, { ...env, NX_BATCH_MODE: 'true' })));
      rows.push({ size, name: 'c. fully cached re-run', ours, tasks: tasksOf(ours) });
    }
    const model = midGraphModel(size);
    const file = path.join(dirs.specline, `specs/models/${model.layer}/${model.name}.yaml`);
    const original = readFileSync(file, 'utf8');
    if (only.has('d') || only.has('e')) {
      // Unmeasured: cache what (d) and (e) may re-run, in the unedited state. (b) and (c) never
      // ran `test`, so without this every affected test would count as executed, edit or not.
      const affected = measure(
        NX(dirs.specline),
        ['show', 'projects', '--affected', `--files=${path.relative(dirs.specline, file)}`],
        dirs.specline,
        env,
      );
      const projects = affected.output.split('\n').filter((line) => /^[a-z][a-z0-9_]*$/.test(line.trim()));
      log(`priming the cache for ${projects.length} affected projects`);
      check(
        measure(
          NX(dirs.specline),
          ['run-many', '-t', 'validate,codegen,test', `--projects=${projects.join(',')}`, '--outputStyle=static'],
          dirs.specline,
          { ...env, NX_BATCH_MODE: 'true' },
        ),
      );
    }
    const edited = (edit: (text: string) => string) =>
      repeat((run) => {
        writeFileSync(
          file,
          edit(original.replace(/>= 1000/, `>= ${1001 + run}`).replace(/^description: (.*)$/m, `description: $1 Edit ${run}.`)),
        );
        try {
          return check(measure(NX(dirs.specline), AFFECTED, dirs.specline, { ...env, NX_BATCH_MODE: 'true' }));
        } finally {
          writeFileSync(file, original);
        }
      });
    if (only.has('d')) {
      log(`d: transform edit of ${model.name}`);
      const ours = edited((text) => text.replace(/^description: (.*) Edit \d+\.$/m, 'description: $1'));
      rows.push({
        size,
        name: `d. transform edit of ${model.name}, then \`affected -t validate,codegen,test\``,
        ours,
        tasks: tasksOf(ours),
      });
    }
    if (only.has('e')) {
      log(`e: description edit of ${model.name}`);
      const ours = edited((text) => text.replace(/>= 10\d\d/, '>= 1000'));
      rows.push({ size, name: `e. description-only edit of ${model.name}, then \`affected\``, ours, tasks: tasksOf(ours) });
    }
    loads.push(loadavg()[0]);
  }
  console.log(report(rows, runs, loads));
}

/** An intermediate join model in the middle of the plan that has readers downstream. */
function midGraphModel(size: number): PlannedModel {
  const plan = planCatalog(size);
  const readers = new Map<string, number>();
  for (const model of plan.models) for (const input of model.inputs) readers.set(input.ref, (readers.get(input.ref) ?? 0) + 1);
  const candidates = plan.models.filter(
    (m) =>
      m.layer === 'intermediate' && m.join && m.columns.some((c) => c.transform?.includes('>= 1000')) && (readers.get(m.name) ?? 0) > 0,
  );
  return candidates[Math.floor(candidates.length / 2)];
}

function check(measurement: Measurement): Measurement {
  if (measurement.status !== 0)
    throw new Error(`benchmark command failed (exit ${measurement.status}):\n${measurement.output.slice(-4000)}`);
  return measurement;
}

function tasksOf(measurements: readonly Measurement[]): string {
  const counts = measurements.map((m) => executedTasks(m.output));
  return counts.map((c) => `${c.executed}/${c.total}`).join(', ');
}

function report(rows: readonly Row[], runs: number, loads: readonly number[]): string {
  const s = (values: readonly number[]) => `${median(values).toFixed(2)} s`;
  const lines = [
    `Median of ${runs} runs; load average ${loads.map((l) => l.toFixed(1)).join(' → ')} during the run.`,
    '',
    '| N | measurement | Specline median | peak RSS | baseline | baseline median | baseline peak RSS | ratio | tasks executed/total per run |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const ours = median(row.ours.map((m) => m.seconds));
    const base = row.baseline ? median(row.baseline.map((m) => m.seconds)) : undefined;
    const rss = (ms: readonly Measurement[]) => `${median(ms.map((m) => m.peakMiB)).toFixed(0)} MiB`;
    lines.push(
      `| ${row.size} | ${row.name} | ${s(row.ours.map((m) => m.seconds))} | ${rss(row.ours)} | ${row.baselineName ?? ''} | ${row.baseline ? s(row.baseline.map((m) => m.seconds)) : ''} | ${row.baseline ? rss(row.baseline) : ''} | ${base ? `${(ours / base).toFixed(2)}×` : ''} | ${row.tasks ?? ''} |`,
    );
  }
  lines.push(
    '',
    `Raw times: ${rows.map((r) => `N=${r.size} ${r.name.split(' ')[0]} ${r.ours.map((m) => m.seconds.toFixed(2)).join('/')}${r.baseline ? ` vs ${r.baseline.map((m) => m.seconds.toFixed(2)).join('/')}` : ''}`).join('; ')}`,
  );
  return lines.join('\n');
}

main();
