/**
 * The performance goals of issue #16 as data: each row of its table says which series it reads,
 * how it turns their medians into a figure, and when that figure meets the goal. The harness
 * fills the series; this module only judges and reports them, so the judging is testable
 * without running anything.
 */
import { median, type Measurement } from './measure';

/** One measured command, repeated: ours and, where there is one, its baseline from the same run. */
export interface Series {
  readonly label: string;
  readonly ours: readonly Measurement[];
  readonly baselineLabel?: string;
  readonly baseline?: readonly Measurement[];
  /** For runs of `nx affected`: the tasks that had to run, by what the edit changes. */
  readonly needed?: readonly string[];
}

/** Series by key: `<kind>@<N>`, e.g. `cold@1000`, or `<kind>@example`. */
export type Results = ReadonlyMap<string, Series>;

export interface Verdict {
  readonly measure: string;
  readonly goal: string;
  readonly now: string;
  readonly met: boolean | undefined;
}

const seconds = (ms: readonly Measurement[]) => median(ms.map((m) => m.seconds));
const mib = (ms: readonly Measurement[]) => median(ms.map((m) => m.peakMiB));
/** Nx's own "Run duration" (task time, without CLI start and graph) when it printed one. */
const taskSeconds = (ms: readonly Measurement[]) => median(ms.map((m) => m.runSeconds ?? m.seconds));
const fmt = (value: number) => `${value.toFixed(2)} s`;
const ratio = (value: number) => `${value.toFixed(2)}×`;

/** The largest N at which a series was measured, preferring `wanted`. */
function at(results: Results, kind: string, wanted: number): { size: number; series: Series } | undefined {
  const sizes = [...results.keys()]
    .filter((key) => key.startsWith(`${kind}@`))
    .map((key) => Number(key.slice(kind.length + 1)))
    .filter((size) => Number.isFinite(size))
    .sort((a, b) => Math.abs(a - wanted) - Math.abs(b - wanted));
  if (sizes.length === 0) return undefined;
  return { size: sizes[0], series: results.get(`${kind}@${sizes[0]}`)! };
}

const notMeasured = (measure: string, goal: string): Verdict => ({ measure, goal, now: 'not measured in this run', met: undefined });
const sizeNote = (size: number, wanted: number) => (size === wanted ? '' : ` (at ${size}, not ${wanted})`);

/** Executed tasks beyond the ones the edit needed, and needed ones that did not run (a stale cache hit). */
export function taskAudit(series: Series): { executed: number; unneeded: string[]; missed: string[] } {
  const runs = series.ours.map((m) => m.executed ?? []);
  const executed = runs[runs.length - 1] ?? [];
  const needed = new Set(series.needed ?? []);
  return {
    executed: executed.length,
    unneeded: executed.filter((task) => !needed.has(task)).sort(),
    missed: [...needed].filter((task) => !executed.includes(task)).sort(),
  };
}

export function verdicts(results: Results): Verdict[] {
  const out: Verdict[] = [];

  const graph = at(results, 'graph-cold', 10000);
  out.push(
    graph?.series.baseline
      ? ((r) => ({
          measure: `cold graph at 10,000 specs${sizeNote(graph.size, 10000)}`,
          goal: '≤ 1.3× a trivial plugin',
          now: `${ratio(r)} (${fmt(seconds(graph.series.ours))} vs ${fmt(seconds(graph.series.baseline!))})`,
          met: r <= 1.3,
        }))(seconds(graph.series.ours) / seconds(graph.series.baseline))
      : notMeasured('cold graph at 10,000 specs', '≤ 1.3× a trivial plugin'),
  );
  const inProcess = at(results, 'graph-cold-in-process', 10000);
  if (inProcess?.series.baseline && graph) {
    const r = seconds(inProcess.series.ours) / seconds(inProcess.series.baseline);
    out.push({
      measure: `…the same with plugins in Nx's process (\`NX_ISOLATE_PLUGINS=false\`)${sizeNote(inProcess.size, 10000)}`,
      goal: '≤ 1.3× a trivial plugin',
      now: `${ratio(r)} (${fmt(seconds(inProcess.series.ours))} vs ${fmt(seconds(inProcess.series.baseline))})`,
      met: r <= 1.3,
    });
  }

  const cold = at(results, 'cold', 1000);
  const cold10k = results.get('cold@10000');
  if (cold?.series.baseline) {
    const r = seconds(cold.series.ours) / seconds(cold.series.baseline);
    const far = cold10k?.baseline ? `; ${ratio(seconds(cold10k.ours) / seconds(cold10k.baseline))} at 10,000` : '';
    out.push({
      measure: `cold \`run-many -t validate,codegen,export\` at 1,000${sizeNote(cold.size, 1000)}`,
      goal: '≤ 0.25× `dataform compile` of the same tables',
      now: `${ratio(r)} (${fmt(seconds(cold.series.ours))} vs ${fmt(seconds(cold.series.baseline))})${far}`,
      met: r <= 0.25,
    });
    const m = mib(cold.series.ours) / mib(cold.series.baseline);
    out.push({
      measure: `peak RSS of that run at 1,000${sizeNote(cold.size, 1000)}`,
      goal: "≤ 0.25× Dataform's",
      now: `${ratio(m)} (${mib(cold.series.ours).toFixed(0)} MiB vs ${mib(cold.series.baseline).toFixed(0)} MiB)`,
      met: m <= 0.25,
    });
  } else {
    out.push(notMeasured('cold `run-many -t validate,codegen,export` at 1,000', '≤ 0.25× `dataform compile`'));
    out.push(notMeasured('peak RSS of that run at 1,000', "≤ 0.25× Dataform's"));
  }

  const cached = at(results, 'cached', 10000);
  if (cached?.series.baseline) {
    const over = seconds(cached.series.ours) - seconds(cached.series.baseline);
    out.push({
      measure: `fully cached re-run at 10,000${sizeNote(cached.size, 10000)}`,
      goal: 'graph + ≤ 1 s',
      now: `graph + ${fmt(over)} (${fmt(seconds(cached.series.ours))} against a ${fmt(seconds(cached.series.baseline))} warm graph)`,
      met: over <= 1,
    });
  } else out.push(notMeasured('fully cached re-run at 10,000', 'graph + ≤ 1 s'));
  const daemon = at(results, 'cached-daemon', 10000);
  if (daemon?.series.baseline && cached) {
    const over = seconds(daemon.series.ours) - seconds(daemon.series.baseline);
    out.push({
      measure: `…the same with Nx's daemon on, as on a laptop${sizeNote(daemon.size, 10000)}`,
      goal: 'graph + ≤ 1 s',
      now: `graph + ${fmt(over)} (${fmt(seconds(daemon.series.ours))} against a ${fmt(seconds(daemon.series.baseline))} graph from the daemon)`,
      met: over <= 1,
    });
  }

  const edits = ['edit-filter', 'edit-description'].map((kind) => at(results, kind, 1000)).filter((e) => e !== undefined);
  if (edits.length > 0) {
    const parts = edits.map(({ series }) => {
      const audit = taskAudit(series);
      const over = series.baseline ? seconds(series.ours) - seconds(series.baseline) : NaN;
      const ok = audit.unneeded.length === 0 && audit.missed.length === 0 && over <= 1;
      return {
        ok,
        text: `${series.label}: ${audit.executed} executed, ${audit.unneeded.length} not needed${
          audit.missed.length ? `, ${audit.missed.length} needed but not run` : ''
        }, graph + ${fmt(over)}`,
      };
    });
    out.push({
      measure: `one-spec edit at 1,000${sizeNote(edits[0].size, 1000)}, \`affected -t validate,codegen,test\``,
      goal: 'only the tasks whose inputs really changed; graph + ≤ 1 s',
      now: parts.map((p) => p.text).join('; '),
      met: parts.every((p) => p.ok),
    });
  } else out.push(notMeasured('one-spec edit at 1,000', 'only the tasks whose inputs really changed; graph + ≤ 1 s'));

  const [c100, c1k, c10k] = [100, 1000, 10000].map((n) => results.get(`cold@${n}`));
  if (c100 && c1k && c10k) {
    const near = (seconds(c1k.ours) - seconds(c100.ours)) / 900;
    const far = (seconds(c10k.ours) - seconds(c1k.ours)) / 9000;
    out.push({
      measure: 'cost per spec, 1,000 → 10,000',
      goal: '≤ 1.5× the cost per spec 100 → 1,000',
      now: `${ratio(far / near)} (${(far * 1000).toFixed(1)} ms vs ${(near * 1000).toFixed(1)} ms per spec, cold runs)`,
      met: far / near <= 1.5,
    });
  } else out.push(notMeasured('cost per spec, 1,000 → 10,000', '≤ 1.5× the cost per spec 100 → 1,000'));

  const test = results.get('test@example');
  out.push(
    test
      ? {
          measure: '`test` of the whole example catalog, cold',
          goal: '≤ 3 s of task time',
          now: `${fmt(taskSeconds(test.ours))} of task time${test.baseline ? ` (Nx running a no-op per model: ${fmt(taskSeconds(test.baseline))})` : ''}`,
          met: taskSeconds(test.ours) <= 3,
        }
      : notMeasured('`test` of the whole example catalog, cold', '≤ 3 s of task time'),
  );

  const generator = results.get('generator@example');
  out.push(
    generator
      ? {
          measure: 'a generator (`spec:table --ddl`) on the example catalog',
          goal: '≤ 2 s',
          now: `${fmt(seconds(generator.ours))}${generator.baseline ? ` (a no-op generator: ${fmt(seconds(generator.baseline))})` : ''}`,
          met: seconds(generator.ours) <= 2,
        }
      : notMeasured('a generator (`spec:table --ddl`) on the example catalog', '≤ 2 s'),
  );
  return out;
}

/** The report: the goals table, then every series with its raw figures, so a reader can recompute the medians. */
export function report(results: Results, runs: number, loads: readonly number[]): string {
  const verdictCell = (met: boolean | undefined) => (met === undefined ? '—' : met ? '**met**' : '**not met**');
  const lines = [
    `Medians of ${runs} runs; load average ${loads.map((l) => l.toFixed(1)).join(' → ')} during the run.`,
    '',
    '| measure | goal | now | verdict |',
    '|---|---|---|---|',
    ...verdicts(results).map((v) => `| ${v.measure} | ${v.goal} | ${v.now} | ${verdictCell(v.met)} |`),
    '',
    '| series | N | ours (median) | peak RSS | baseline | baseline (median) | baseline peak RSS | ratio | tasks executed/total | raw (ours; baseline) |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [key, series] of results) {
    const size = key.split('@')[1];
    const base = series.baseline;
    const tasks = series.ours.map((m) => (m.total === undefined ? '' : `${m.executed?.length ?? '?'}/${m.total}`)).filter(Boolean);
    const raw = (ms: readonly Measurement[]) => ms.map((m) => m.seconds.toFixed(2)).join('/');
    lines.push(
      `| ${series.label} | ${size} | ${fmt(seconds(series.ours))} | ${mib(series.ours).toFixed(0)} MiB | ${series.baselineLabel ?? ''} | ${
        base ? fmt(seconds(base)) : ''
      } | ${base ? `${mib(base).toFixed(0)} MiB` : ''} | ${base ? ratio(seconds(series.ours) / seconds(base)) : ''} | ${tasks.join(', ')} | ${raw(
        series.ours,
      )}${base ? `; ${raw(base)}` : ''} |`,
    );
  }
  for (const [, series] of results) {
    if (!series.needed) continue;
    const audit = taskAudit(series);
    lines.push(
      '',
      `${series.label}: needed ${series.needed.length} (${[...series.needed].sort().join(', ')}); executed ${audit.executed}; not needed: ${
        audit.unneeded.join(', ') || 'none'
      }; needed but not run: ${audit.missed.join(', ') || 'none'}.`,
    );
  }
  return lines.join('\n');
}
