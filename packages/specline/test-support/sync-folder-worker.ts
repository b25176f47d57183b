import { syncFolder } from '../src/output/sync-folder';

/**
 * One of two runs syncing the same folder at once (sync-folder.spec.ts): each writes files the
 * other does not, so each run's clean-up sees the other's files, temporary ones included.
 * Usage: node -r @swc-node/register sync-folder-worker.ts <dir> <name> <rounds>
 */
const [dir, name, rounds] = process.argv.slice(2);
for (let round = 0; round < Number(rounds); round++) {
  const files = Array.from({ length: 40 }, (_, index) => ({
    path: `models/layer_${index % 4}/${name}_${index}.sql`,
    content: `-- ${name} round ${round}\n${'x'.repeat(2000)}\n`,
  }));
  syncFolder(dir, files);
}
