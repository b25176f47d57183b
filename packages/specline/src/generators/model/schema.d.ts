export interface ModelGeneratorSchema {
  name: string;
  inputs: string;
  layer?: string;
  columns?: string;
  description?: string;
  owner?: string;
  force?: boolean;
}
