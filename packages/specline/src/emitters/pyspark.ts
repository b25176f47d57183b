import type { Catalog, Model } from '../catalog';
import { compileModelSelect, compileScd2Apply, createTableIfMissing, warehouseRelation } from '../compiler';
import { escaped, pythonDocstring, pythonStringLiteral, pythonTripleQuoted, type Escaped } from '../escaping';
import { quoteIdentifier } from '../sql';
import { placementOf, pysparkPath } from './code-paths';
import { emitted, refused, type Emitter, type EmitResult } from './emitter';
import { generatedHeader } from './generated-header';
import { renderTemplate } from './render-template';

const DIALECT = 'spark';

/**
 * PySpark: one job per model running Spark SQL. The write mode follows the load: overwrite for
 * a table, CREATE OR REPLACE VIEW for a view, a Delta MERGE on the unique key for incremental,
 * and the MERGE-style scd2 apply (Delta has no UPDATE … FROM). Sources need no job.
 */
export const pysparkEmitter: Emitter = {
  name: 'pyspark',
  emit: (catalog, dataset) => (dataset.kind === 'source' ? emitted([]) : emitModel(catalog, dataset)),
};

function emitModel(catalog: Catalog, model: Model): EmitResult {
  const relations = warehouseRelation(catalog, DIALECT);
  const target = relations(model.name);
  const select = compileModelSelect(catalog, model, DIALECT, relations);
  if (!select.ok) return refused(select.diagnostics);
  const constants: { name: string; value: string }[] = [{ name: 'SELECT_SQL', value: pythonTripleQuoted(select.value) }];
  const body = jobBody(catalog, model, target, constants);
  if (!body.ok) return refused(body.diagnostics);
  const content = renderTemplate('pyspark-job.py', {
    docstring: escaped(
      'python',
      pythonDocstring(`${generatedHeader(model)}\n\n${model.description ?? model.name}\nLoad strategy: ${model.load.strategy}.`),
    ),
    target: python(pythonStringLiteral(target)),
    appName: python(pythonStringLiteral(model.name)),
    constants: constants.map(({ name, value }) => ({ name: python(name), value: python(value) })),
    // The job's statements are fixed code; the only spec values they use are the constants above.
    body: body.lines.map(python),
  });
  return emitted([{ path: pysparkPath(placementOf(catalog, model))!, content }]);
}

const python = (code: string): Escaped => escaped('python', code);

type Body = { ok: true; lines: string[] } | { ok: false; diagnostics: EmitResult['diagnostics'] };

function jobBody(catalog: Catalog, model: Model, target: string, constants: { name: string; value: string }[]): Body {
  const q = (name: string) => quoteIdentifier(name, DIALECT);
  const load = model.load;
  if (load.strategy === 'view') return { ok: true, lines: ['spark.sql("CREATE OR REPLACE VIEW " + TARGET + " AS\\n" + SELECT_SQL)'] };
  if (load.strategy === 'table') return { ok: true, lines: ['spark.sql(SELECT_SQL).write.mode("overwrite").saveAsTable(TARGET)'] };
  if (load.strategy === 'incremental') {
    const since = compileModelSelect(catalog, model, DIALECT, warehouseRelation(catalog, DIALECT), { incremental: { relation: target } });
    if (!since.ok) return since;
    const on = load.uniqueKey.map((key) => `t.${q(key)} = s.${q(key)}`).join(' AND ');
    constants.push({ name: 'INCREMENT_SQL', value: pythonTripleQuoted(since.value) });
    constants.push({
      name: 'MERGE_SQL',
      value: pythonTripleQuoted(
        `MERGE INTO ${target} AS t\nUSING increment AS s\nON ${on}\nWHEN MATCHED THEN UPDATE SET *\nWHEN NOT MATCHED THEN INSERT *`,
      ),
    });
    return {
      ok: true,
      lines: [
        'if not spark.catalog.tableExists(TARGET):',
        '    spark.sql(SELECT_SQL).write.mode("overwrite").saveAsTable(TARGET)',
        '    return',
        'spark.sql(INCREMENT_SQL).createOrReplaceTempView("increment")',
        'spark.sql(MERGE_SQL)',
      ],
    };
  }
  constants.push({ name: 'CREATE_SQL', value: pythonTripleQuoted(createTableIfMissing(model, DIALECT, target)) });
  const apply = compileScd2Apply(model, DIALECT, target, 'snapshot', 'merge');
  constants.push({ name: 'APPLY_SQL', value: `[\n${apply.map((statement) => `    ${pythonTripleQuoted(statement)},`).join('\n')}\n]` });
  return {
    ok: true,
    lines: [
      'spark.sql(CREATE_SQL)',
      'spark.sql(SELECT_SQL).createOrReplaceTempView("snapshot")',
      'for statement in APPLY_SQL:',
      '    spark.sql(statement)',
    ],
  };
}
