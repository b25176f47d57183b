/**
 * Every diagnostic code Specline can emit. Codes are stable: tests, docs and users' CI
 * filters match on them, never on message text. Prefixes name the pass that finds them.
 */
export const DIAGNOSTIC_CODES = {
  // Reading a file
  FILE001: 'the file cannot be read',
  FILE002: 'the file is larger than a spec may be',
  FILE003: 'the file is empty',
  FILE004: 'the file extension is not a spec format',
  FILE005: 'the file or folder name is not a safe name',
  FILE006: 'the file is a symbolic link leading outside the specs folder',
  FILE007: 'the file is not valid UTF-8',
  FILE008: 'the specs folder does not exist',
  // Parsing YAML or JSON
  PARSE001: 'YAML syntax error',
  PARSE002: 'JSON syntax error',
  PARSE003: 'YAML aliases expand beyond the safe limit',
  PARSE004: 'more than one YAML document in a file',
  PARSE005: 'a key appears twice in one mapping',
  PARSE006: 'the document is not a mapping',
  PARSE007: 'the document nests deeper than a spec may',
  PARSE008: 'a control character such as NUL in a key or value',
  // The JSON Schema
  SCHEMA001: 'missing or unknown spec kind',
  SCHEMA002: 'unknown field',
  SCHEMA003: 'missing required field',
  SCHEMA004: 'wrong value type',
  SCHEMA005: 'value not among the allowed ones',
  SCHEMA006: 'value does not match the required pattern',
  SCHEMA007: 'value breaks a schema constraint',
  SCHEMA008: 'a reserved key such as __proto__',
  // References between specs
  REF001: 'an input names no known source or model',
  REF002: 'an alias is not declared among the inputs',
  REF003: 'a column does not exist on its input',
  REF004: 'a glossary term is not defined',
  REF005: 'an alias is declared twice',
  REF006: 'a key names a column the dataset does not have',
  REF007: 'a relationships test points at an unknown dataset or column',
  REF008: 'a seed file is missing',
  REF009: 'a unit test names an unknown input or column',
  // Names
  NAME001: 'two specs define the same dataset',
  NAME002: 'a column name is used twice',
  NAME003: 'a name breaks the constitution naming pattern',
  NAME004: 'the layer is not declared in the constitution',
  NAME005: 'two glossary terms share a name',
  NAME006: 'a schema name DuckDB reserves for a catalog (temp, system)',
  // The dependency graph
  GRAPH001: 'the dependency graph has a cycle',
  // SQL fragments
  SQL001: 'SQL syntax error',
  SQL002: 'more than one SQL statement',
  SQL003: 'a comment inside a SQL fragment',
  SQL004: 'not a single SQL expression',
  SQL005: 'the target dialect cannot express this SQL',
  SQL006: 'an aggregate where none is allowed',
  TODO001: 'a placeholder spec:import left where SQL or a description belongs',
  // Types
  TYPE001: 'unknown data type',
  TYPE002: 'a column read as is is declared with a type its input does not have',
  TYPE003: 'a join condition compares columns of incomparable types',
  TYPE004: 'a filter, transform or join compares a column with a literal or column of another type',
  TYPE005: 'a transform yields a value of another kind than the column is declared',
  // Model semantics
  MODEL001: 'aggregates without a group-by',
  MODEL002: 'a column is neither grouped nor aggregated',
  MODEL003: 'the load strategy is incomplete',
  MODEL004: 'a join is malformed',
  MODEL005: 'a column has neither from nor transform',
  MODEL006: 'a partition column is not a date or time',
  MODEL007: 'a row selection (where, having, dedupe) the model cannot apply exactly',
  // Constitution rules
  RULE001: 'a field the constitution requires is missing',
  RULE002: 'a primary key column lacks unique and not_null tests',
  RULE003: 'a column looks like PII but is not flagged',
  RULE004: 'PII in a layer where the constitution forbids it',
  RULE005: 'a column derived from PII lost its PII flag',
  // The workspace
  CONST001: 'the constitution is missing or defined twice',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
