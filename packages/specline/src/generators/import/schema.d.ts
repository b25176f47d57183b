export interface ImportGeneratorSchema {
  input: string;
  strict?: boolean;
  force?: boolean;
}
