export interface InitGeneratorSchema {
  /** The catalog's name; empty or absent means the workspace folder's name. */
  name?: string;
  owner?: string;
  dialect?: string;
  specsDir?: string;
  force?: boolean;
  /** Leave package.json alone: no `spec` alias, so no install. */
  skipPackageJson?: boolean;
}
