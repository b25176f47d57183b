export interface InitGeneratorSchema {
  name?: string;
  owner?: string;
  dialect?: string;
  specsDir?: string;
  force?: boolean;
}
