export interface TableGeneratorSchema {
  system: string;
  table: string;
  columns?: string;
  ddl?: string;
  dialect?: string;
  csv?: string;
  primaryKey?: string;
  load?: 'full' | 'incremental';
  cursor?: string;
  connector?: string;
  description?: string;
  owner?: string;
  staging?: boolean;
  stagingName?: string;
  seed?: boolean;
  force?: boolean;
}
