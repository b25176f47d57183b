/**
 * The benchmark of issue #16, every row of its table in one command, each against its baseline
 * measured in the same run:
 *
 *   node -r @swc-node/register tools/bench/harness.ts [--runs=3] [--out=/tmp/specline-bench]
 *        [--sizes=100,1000] [--only=graph,cold,dataform-only,cached,edit,test,generator] [--reuse]
 *
 * For each N it generates the Specline, trivial-plugin and Dataform workspaces of the synthetic
 * catalog (generate.ts), and it copies this repository's example catalog for the `test` and
 * generator rows (example-workspace.ts). It prints a markdown report: the goals with a verdict,
 * then every series with its raw figures (goals.ts). Run it by hand on an idle machine, never in
 * CI: at 10,000 specs it takes the better part of an hour, and it measures the machine. The
 * report so far is also written to <out>/report.md after every phase, so a long run that is
 * stopped keeps what it measured. --reuse keeps workspaces an earlier run generated (and their
 * Nx cache, so `--only=cached --reuse` measures cached runs without a new cold run first).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { planCatalog, type CatalogPlan, type PlannedModel } from './catalog-plan';
import { writeExampleWorkspaces, TRIVIAL_MODEL_PROJECTS } from './example-workspace';
import { generateDataformOnlyWorkspace, generateWorkspaces, workspacesAt } from './generate';
import { report, type Series } from './goals';
import { measure, type Measurement } from './measure';
import { REPO_ROOT } from './workspace';

const NX = (dir: string) => path.join(dir, 'node_modules/.bin/nx');
// --timeout: its default of 60 s is too short for 10,000 tables on a loaded machine.
const DATAFORM = path.join(REPO_ROOT, 'node_modules/.bin/dataform');
const RUN_MANY = ['run-many', '-t', 'validate,codegen,export', '--outputStyle=static'];
const AFFECTED = ['affected', '-t', 'validate,codegen,test', '--base=HEAD', '--outputStyle=static'];
const ALL_PHASES = ['graph', 'cold', 'dataform-only', 'cached', 'edit', 'test', 'generator'];

/** Which phases run at which N by default: enough to judge every goal, no more (10,000 is slow). */
const PHASE_SIZES: Record<string, readonly number[]> = {
  graph: [1000, 10000],
  cold: [100, 1000, 10000],
  'dataform-only': [1000],
  cached: [1000, 10000],
  edit: [1000],
};

interface Options {
  readonly runs: number;
  readonly out: string;
  /** Explicit sizes run every chosen phase at each of them; by default each phase runs at its PHASE_SIZES. */
  readonly sizes?: readonly number[];
  readonly phases: ReadonlySet<string>;
  readonly reuse: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const flags = new Map(argv.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=') as [string, string]));
  const unknown = [...flags.keys()].filter((flag) => !['runs', 'out', 'sizes', 'only', 'reuse'].includes(flag));
  const phases = new Set((flags.get('only') ?? ALL_PHASES.join(',')).split(','));
  const badPhase = [...phases].filter((phase) => !ALL_PHASES.includes(phase));
  if (unknown.length > 0 || badPhase.length > 0) {
    console.error(
      `unknown ${unknown.length ? `flag --${unknown.join(', --')}` : `phase ${badPhase.join(', ')}`}; phases: ${ALL_PHASES.join(',')}`,
    );
    process.exit(2);
  }
  return {
    runs: Number(flags.get('runs') ?? 3),
    out: path.resolve(flags.get('out') ?? '/tmp/specline-bench'),
    sizes: flags.get('sizes')?.split(',').map(Number),
    phases,
    reuse: flags.has('reuse'),
  };
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const results = new Map<string, Series>();
  const loads = [loadavg()[0]];
  const repeat = <T>(work: (run: number) => T): T[] => Array.from({ length: options.runs }, (_, run) => work(run));
  const log = (what: string) => console.error(`[bench] ${what} (load ${loadavg()[0].toFixed(1)})`);
  const wants = (phase: string, size: number) =>
    options.phases.has(phase) && phase in PHASE_SIZES && (options.sizes ? options.sizes.includes(size) : PHASE_SIZES[phase].includes(size));

  for (const size of options.sizes ?? [100, 1000, 10000]) {
    if (!Object.keys(PHASE_SIZES).some((phase) => wants(phase, size))) continue;
    const reused = options.reuse && existsSync(path.join(workspacesAt(options.out, size).specline, '.git'));
    log(`N=${size}: ${reused ? 'reusing' : 'generating'} workspaces`);
    const dirs = reused ? workspacesAt(options.out, size) : generateWorkspaces(options.out, size);
    if (!reused) commitAll(dirs.specline);
    const ours = nxIn(dirs.specline);
    const trivial = nxIn(dirs.trivial);
    const dataform = () => check(measure(DATAFORM, ['compile', '--json', '--timeout=30m'], dirs.dataform));
    const coldRun = (nx: NxWorkspace) => () => (
      nx.forget(),
      rmSync(path.join(nx.dir, 'build'), { recursive: true, force: true }),
      nx.run(RUN_MANY)
    );

    let warmGraph: Measurement[] | undefined;
    const warmGraphOnce = () => (warmGraph ??= repeat(() => ours.run(['show', 'projects'])));
    if (wants('graph', size)) {
      log(`N=${size}: cold and warm graph against the trivial plugin`);
      const cold = repeat(() => (ours.forget(), ours.run(['show', 'projects'])));
      const coldTrivial = repeat(() => (trivial.forget(), trivial.run(['show', 'projects'])));
      results.set(`graph-cold@${size}`, {
        label: 'cold graph (`nx show projects`)',
        ours: cold,
        baselineLabel: 'trivial plugin',
        baseline: coldTrivial,
      });
      const warmTrivial = repeat(() => trivial.run(['show', 'projects']));
      results.set(`graph-warm@${size}`, {
        label: 'warm graph (workspace data kept, no daemon)',
        ours: warmGraphOnce(),
        baselineLabel: 'trivial plugin',
        baseline: warmTrivial,
      });
      // Nx's plugin isolation sends every project's configuration to each plugin worker that has
      // createDependencies, and back; README's advice for large catalogs turns it off.
      const inProcess = { NX_ISOLATE_PLUGINS: 'false' };
      const oursInProcess = nxIn(dirs.specline, inProcess);
      const trivialInProcess = nxIn(dirs.trivial, inProcess);
      results.set(`graph-cold-in-process@${size}`, {
        label: "cold graph, plugins in Nx's process (`NX_ISOLATE_PLUGINS=false`, both sides)",
        ours: repeat(() => (oursInProcess.forget(), oursInProcess.run(['show', 'projects']))),
        baselineLabel: 'trivial plugin',
        baseline: repeat(() => (trivialInProcess.forget(), trivialInProcess.run(['show', 'projects']))),
      });
    }
    if (wants('cold', size)) {
      log(`N=${size}: cold run-many against dataform compile`);
      // Alternated, so that a change in the machine's load hits both sides alike.
      const pairs = repeat(() => [coldRun(ours)(), dataform()] as const);
      results.set(`cold@${size}`, {
        label: 'cold `run-many -t validate,codegen,export` (batch mode)',
        ours: pairs.map(([specline]) => specline),
        baselineLabel: '`dataform compile`',
        baseline: pairs.map(([, compile]) => compile),
      });
    }
    if (wants('dataform-only', size)) {
      log(`N=${size}: a Dataform-only catalog against dataform compile`);
      const only = nxIn(generateDataformOnlyWorkspace(options.out, size));
      commitAll(only.dir);
      const pairs = repeat(() => [coldRun(only)(), dataform()] as const);
      results.set(`dataform-only@${size}`, {
        label: 'cold `run-many -t validate,codegen,export`, constitution `targets: [dataform]`',
        ours: pairs.map(([specline]) => specline),
        baselineLabel: '`dataform compile`',
        baseline: pairs.map(([, compile]) => compile),
      });
    }
    if (wants('cached', size)) {
      if (!results.has(`cold@${size}`) && !(options.reuse && existsSync(path.join(ours.dir, '.nx/cache')))) coldRun(ours)();
      log(`N=${size}: fully cached re-run against the warm graph`);
      const cached = repeat(() => ours.run(RUN_MANY));
      results.set(`cached@${size}`, {
        label: 'fully cached re-run, no daemon (as in CI)',
        ours: cached,
        baselineLabel: 'warm graph',
        baseline: warmGraphOnce(),
      });
      // Without its daemon Nx cannot tell whether outputs on disk match the cache, so every hit
      // restores all its files (task-orchestrator's shouldCopyOutputsFromCacheBatch); with the
      // daemon, as on a laptop, a hit whose outputs match is left alone. Its first run records
      // the outputs' hashes, so it is not measured.
      log(`N=${size}: fully cached re-run with Nx's daemon`);
      const daemon = nxIn(dirs.specline, { NX_DAEMON: 'true' });
      try {
        daemon.run(RUN_MANY);
        const graph = repeat(() => daemon.run(['show', 'projects']));
        results.set(`cached-daemon@${size}`, {
          label: "fully cached re-run with Nx's daemon (as on a laptop)",
          ours: repeat(() => daemon.run(RUN_MANY)),
          baselineLabel: 'graph from the daemon',
          baseline: graph,
        });
      } finally {
        daemon.run(['daemon', '--stop']);
      }
    }
    if (wants('edit', size)) {
      const plan = planCatalog(size);
      const model = midGraphModel(plan);
      log(`N=${size}: one-spec edits of ${model.name}`);
      const file = path.join(dirs.specline, `specs/models/${model.layer}/${model.name}.yaml`);
      primeAffected(ours, file);
      const original = readFileSync(file, 'utf8');
      const edited = (edit: (text: string, run: number) => string) =>
        repeat((run) => {
          writeFileSync(file, edit(original, run));
          try {
            return ours.run(AFFECTED);
          } finally {
            writeFileSync(file, original);
          }
        });
      const own = ['validate', 'codegen', 'test'].map((target) => `${model.name}:${target}`);
      results.set(`edit-filter@${size}`, {
        label: `transform edit of ${model.name} (a CASE threshold: rows change, columns do not)`,
        ours: edited((text, run) => text.replace(/>= 1000/, `>= ${1001 + run}`)),
        baselineLabel: 'warm graph',
        baseline: warmGraphOnce(),
        // Its rows change, so its own tasks, the catalog-wide build script (catalog:prune is the
        // uncached clean-up that runs before catalog:codegen by design) and every downstream
        // model's test (their input data changed); downstream code and contracts cannot change.
        needed: [...own, 'catalog:prune', 'catalog:codegen', ...downstreamOf(plan, model.name).map((name) => `${name}:test`)],
      });
      results.set(`edit-description@${size}`, {
        label: `description edit of ${model.name}`,
        ours: edited((text, run) => text.replace(/^description: (.*)$/m, `description: $1 Edit ${run}.`)),
        baselineLabel: 'warm graph',
        baseline: warmGraphOnce(),
        // Prose reaches the model's own property files and review documents only (catalog:prune
        // is the uncached clean-up that runs whenever codegen is asked for, by design).
        needed: [`${model.name}:validate`, `${model.name}:codegen`, 'catalog:prune'],
      });
    }
    loads.push(loadavg()[0]);
    writeFileSync(path.join(options.out, 'report.md'), report(results, options.runs, loads));
  }

  if (options.phases.has('test') || options.phases.has('generator')) {
    const example = writeExampleWorkspaces(options.out);
    commitAll(example.specline);
    const ours = nxIn(example.specline);
    const trivial = nxIn(example.trivial);
    if (options.phases.has('test')) {
      log('example catalog: cold test against a no-op task per model');
      const pairs = repeat(() => [
        ours.run(['run-many', '-t', 'test', '--skip-nx-cache', '--outputStyle=static']),
        trivial.run(['run-many', '-t', 'validate', `--projects=${TRIVIAL_MODEL_PROJECTS}`, '--skip-nx-cache', '--outputStyle=static']),
      ]);
      results.set('test@example', {
        label: "`run-many -t test`, no cache (wall clock; the goal row reads Nx's run duration)",
        ours: pairs.map(([test]) => test),
        baselineLabel: 'no-op command per model',
        baseline: pairs.map(([, noop]) => noop),
      });
    }
    if (options.phases.has('generator')) {
      log('example catalog: spec:table --ddl against a no-op generator');
      const clean = () => execFileSync('sh', ['-c', 'git checkout -q -- . && git clean -fdq specs'], { cwd: example.specline });
      const pairs = repeat(() => {
        const table = ours.run(['g', 'spec:table', '--system=billing', '--table=accounts', `--ddl=${example.ddl}`]);
        clean();
        return [table, ours.run(['g', './tools/noop:noop'])] as const;
      });
      results.set('generator@example', {
        label: '`nx g spec:table --ddl` (wall clock)',
        ours: pairs.map(([table]) => table),
        baselineLabel: 'no-op generator',
        baseline: pairs.map(([, noop]) => noop),
      });
    }
    loads.push(loadavg()[0]);
  }
  writeFileSync(path.join(options.out, 'report.md'), report(results, options.runs, loads));
  console.log(report(results, options.runs, loads));
}

interface NxWorkspace {
  readonly dir: string;
  /** Runs nx there (batch mode, no daemon, cache inside the workspace); a failure stops the benchmark. */
  run(args: readonly string[]): Measurement;
  /** Cold means cold: Nx's workspace data and cache deleted. */
  forget(): void;
}

function nxIn(dir: string, extraEnv: Record<string, string> = {}): NxWorkspace {
  // Nx keeps its cache outside the workspace unless told.
  const env = { NX_CACHE_DIRECTORY: path.join(dir, '.nx/cache'), NX_BATCH_MODE: 'true', ...extraEnv };
  // Every command's output, beside the workspaces, to check a figure against what Nx said.
  const log = path.join(path.dirname(dir), 'nx-output.log');
  return {
    dir,
    run: (args) => {
      const measurement = measure(NX(dir), args, dir, env);
      appendFileSync(log, `\n#### ${path.basename(dir)}$ nx ${args.join(' ')}  (${measurement.seconds} s)\n${measurement.output}`);
      return check(measurement);
    },
    forget: () => rmSync(path.join(dir, '.nx'), { recursive: true, force: true }),
  };
}

function commitAll(dir: string): void {
  execFileSync(
    'sh',
    ['-c', 'git init -q && git add -A && git -c user.email=bench@example.com -c user.name=bench commit -qm synthetic --allow-empty'],
    { cwd: dir },
  );
}

/**
 * Unmeasured: caches, in the unedited state, every task `affected` may run after an edit of
 * `file`, so that a task counts as executed only when the edit made it run.
 */
function primeAffected(nx: NxWorkspace, file: string): void {
  const affected = nx.run(['show', 'projects', '--affected', `--files=${path.relative(nx.dir, file)}`]);
  const projects = affected.output.split('\n').filter((line) => /^[a-z][a-z0-9_]*$/.test(line.trim()));
  nx.run(['run-many', '-t', 'validate,codegen,test', `--projects=${projects.join(',')}`, '--outputStyle=static']);
}

/** An intermediate join model in the middle of the plan that has readers downstream and a filter to edit. */
function midGraphModel(plan: CatalogPlan): PlannedModel {
  const candidates = plan.models.filter(
    (m) =>
      m.layer === 'intermediate' &&
      m.join &&
      m.columns.some((c) => c.transform?.includes('>= 1000')) &&
      downstreamOf(plan, m.name).length > 0,
  );
  return candidates[Math.floor(candidates.length / 2)];
}

/** Every model that reads `name`, directly or through others. */
function downstreamOf(plan: CatalogPlan, name: string): string[] {
  const found = new Set<string>();
  const queue = [name];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const model of plan.models)
      if (!found.has(model.name) && model.inputs.some((input) => input.ref === current)) {
        found.add(model.name);
        queue.push(model.name);
      }
  }
  return [...found].sort();
}

function check(measurement: Measurement): Measurement {
  if (measurement.status !== 0)
    throw new Error(`benchmark command failed (exit ${measurement.status}):\n${measurement.output.slice(-4000)}`);
  return measurement;
}

main();
