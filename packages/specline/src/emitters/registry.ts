import type { Target } from '../spec/types';
import { airflowEmitter } from './airflow';
import { dataformEmitter } from './dataform';
import { dbtEmitter } from './dbt';
import type { Emitter } from './emitter';
import { pysparkEmitter } from './pyspark';
import { sqlEmitter } from './sql';

/** Every platform by name, in the order their files are listed. */
export const EMITTERS: Readonly<Record<Target, Emitter>> = {
  dbt: dbtEmitter,
  dataform: dataformEmitter,
  pyspark: pysparkEmitter,
  sql: sqlEmitter,
  airflow: airflowEmitter,
};
