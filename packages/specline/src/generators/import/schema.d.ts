export interface ImportGeneratorSchema {
  input?: string;
  dbt?: string;
  strict?: boolean;
  force?: boolean;
}
