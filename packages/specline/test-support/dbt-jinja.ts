import { execFileSync } from 'node:child_process';

/** What dbt's context gives the Jinja of one model at run time, as far as the generated models use it. */
export interface DbtRunContext {
  /** is_incremental(): the table exists, is incremental, and this is no full refresh. */
  readonly incremental: boolean;
  /** {{ this }}: the model's own relation. */
  readonly self: string;
  /** ref('model') by model name, source('system', 'table') by 'system.table'. */
  readonly relations: Readonly<Record<string, string>>;
}

/** A model file as dbt runs it: the SQL of its body and its pre-hooks, rendered. */
export interface RenderedDbtModel {
  readonly sql: string;
  /** Each non-empty pre-hook, in order, rendered when it runs (dbt's run_hooks skips an empty one). */
  readonly preHooks: string[];
}

// dbt renders models with Jinja2; the Jinja2 of the machine's python3 renders them here (or of
// Debian's, where tools/setup/system-packages.sh installed python3-jinja2 for it). config() records its arguments; a pre-hook
// is rendered a second time with the same context, as dbt's run_hooks macro does:
// `render(hook.get('sql')) | trim`, skipped when empty.
const RENDER = `
import json, sys, jinja2
args = json.load(sys.stdin)
env = jinja2.Environment(undefined=jinja2.StrictUndefined)
configured = {}
def config(**kwargs):
    configured.update(kwargs)
    return ''
relations = args['relations']
context = dict(
    config=config,
    ref=lambda name: relations[name],
    source=lambda system, table: relations[system + '.' + table],
    this=args['self'],
    is_incremental=lambda: args['incremental'],
)
sql = env.from_string(args['content']).render(**context)
hooks = configured.get('pre_hook', [])
hooks = [hooks] if isinstance(hooks, str) else hooks
rendered = [env.from_string(hook).render(**context).strip() for hook in hooks]
print(json.dumps({'sql': sql, 'preHooks': [hook for hook in rendered if hook]}))
`;

/**
 * Renders a generated dbt model file with the real Jinja2, standing in for dbt, which is not
 * installed here: only config(), ref(), source(), this and is_incremental() are defined, so any
 * other Jinja the file uses fails the render (StrictUndefined).
 */
export function renderDbtModel(content: string, context: DbtRunContext): RenderedDbtModel {
  const output = execFileSync(pythonWithJinja(), ['-c', RENDER], { input: JSON.stringify({ content, ...context }), encoding: 'utf8' });
  return JSON.parse(output) as RenderedDbtModel;
}

let python: string | undefined;

function pythonWithJinja(): string {
  python ??= ['python3', '/usr/bin/python3'].find((candidate) => {
    try {
      execFileSync(candidate, ['-c', 'import jinja2'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!python) throw new Error('No python3 with Jinja2: run tools/setup/system-packages.sh (it installs python3-jinja2).');
  return python;
}
