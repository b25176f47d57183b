import { execFileSync } from 'node:child_process';

/**
 * Nx's own cache keys of every task of `targets` in a workspace, by task id, from its task
 * hasher (the one `nx run-many` uses), without running a task. Run in the workspace, so that
 * Nx, its native hasher and the plugin resolve from there.
 */
export function nxTaskHashes(workspaceRoot: string, targets: readonly string[]): Record<string, string> {
  const output = execFileSync(process.execPath, ['-e', HASH_TASKS], {
    cwd: workspaceRoot,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', SPECLINE_TARGETS: JSON.stringify(targets) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output) as Record<string, string>;
}

/** One task graph per target: Nx's createTaskGraph refuses a project that lacks a requested target. */
const HASH_TASKS = `
const { createProjectGraphAsync } = require('nx/src/project-graph/project-graph');
const { createTaskGraph } = require('nx/src/tasks-runner/create-task-graph');
const { createTaskHasher } = require('nx/src/hasher/create-task-hasher');
const { readNxJson } = require('nx/src/config/configuration');
const { getTaskSpecificEnv } = require('nx/src/tasks-runner/task-env');
(async () => {
  const graph = await createProjectGraphAsync({ exitOnError: true });
  const hasher = createTaskHasher(graph, readNxJson());
  const hashes = {};
  for (const target of JSON.parse(process.env.SPECLINE_TARGETS)) {
    const projects = Object.keys(graph.nodes).filter((name) => graph.nodes[name].data.targets?.[target]);
    const taskGraph = createTaskGraph(graph, {}, projects, [target], undefined, {});
    const tasks = Object.values(taskGraph.tasks).filter((task) => task.target.target === target);
    const envs = Object.fromEntries(tasks.map((task) => [task.id, getTaskSpecificEnv(task, graph)]));
    const values = await hasher.hashTasks(tasks, taskGraph, envs);
    tasks.forEach((task, index) => (hashes[task.id] = values[index].value));
  }
  process.stdout.write(JSON.stringify(hashes));
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;
