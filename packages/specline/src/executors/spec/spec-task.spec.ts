import { WORKSPACE_ROOT } from '../../testing/example-catalog.fixture';
import { specTask } from './spec-task';

const OPTIONS = { specsDir: 'specs', outputDir: 'build/specline' };

describe('the spec executor', () => {
  it('runs the task its option names', async () => {
    const result = await specTask(WORKSPACE_ROOT, { ...OPTIONS, task: 'validate' }, 'stg_orders', 'specs/models/staging/stg_orders.yaml');
    expect(result).toMatchObject({ success: true, report: expect.stringMatching(/^stg_orders \(specs\/models\/staging\/stg_orders\.yaml, rules from specs\/constitution\.yaml\): 0 errors/) });
  });

  it('refuses a task it does not know, naming the ones it does', async () => {
    const result = await specTask(WORKSPACE_ROOT, { ...OPTIONS, task: 'deploy' as never }, 'stg_orders', 'specs/models/staging/stg_orders.yaml');
    expect(result).toEqual({ success: false, report: 'stg_orders: "deploy" is not a spec task; use one of validate, codegen, export, test, run.' });
  });
});
