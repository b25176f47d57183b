import * as path from 'node:path';
import { WORKSPACE_ROOT } from '../../../test-support/example-catalog';
import { SPEC_TASKS, specTaskOf } from './spec-task';

const OPTIONS = { specsDir: 'specs', outputDir: 'build/specline' };
const PACKAGE_ROOT = path.resolve(__dirname, '../../..');

describe('the spec executors', () => {
  it('run the task they are named after', async () => {
    const result = await specTaskOf('validate')(WORKSPACE_ROOT, OPTIONS, 'stg_orders', 'specs/models/staging/stg_orders.yaml');
    expect(result).toMatchObject({
      success: true,
      report: expect.stringMatching(
        /^stg_orders \(specs\/models\/staging\/stg_orders\.yaml, rules from specs\/constitution\.yaml\): 0 errors/,
      ),
    });
  });

  it('are each declared in executors.json with a single and a batch implementation that exist', () => {
    const { executors } = require(path.join(PACKAGE_ROOT, 'executors.json')) as {
      executors: Record<string, { implementation: string; batchImplementation?: string }>;
    };
    for (const task of SPEC_TASKS) {
      for (const entry of [executors[task].implementation, executors[task].batchImplementation!]) {
        const [modulePath, exportName] = entry.split('#');
        expect(exportName).toBe(task);
        expect(typeof require(path.join(PACKAGE_ROOT, modulePath))[exportName]).toBe('function');
      }
    }
  });
});
