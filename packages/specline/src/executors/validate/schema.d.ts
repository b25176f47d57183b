export interface ValidateExecutorOptions {
  specsDir?: string;
}
