// The baseline for the graph benchmark: the least a createNodes plugin can do for the same
// spec files (one project per file, one cached no-op target), in plain JS so that no
// transpiler is loaded. Whatever Specline costs beyond this is the plugin's own work.
const path = require('node:path');

exports.createNodes = [
  'specs/**/*.{yaml,yml,json}',
  async (files) =>
    files.map((file) => [
      file,
      {
        projects: {
          [file]: {
            root: file,
            name: path.basename(file).replace(/\.(ya?ml|json)$/, '') + '-' + path.dirname(file).replace(/[^a-z0-9]+/gi, '-'),
            // Explicit inputs: with Nx's defaults the native hasher cannot hash a task of a
            // project whose root is a file ("project ... not found"), and the `test` row runs these.
            targets: { validate: { command: 'true', cache: true, inputs: ['{projectRoot}'] } },
          },
        },
      },
    ]),
];
exports.createNodesV2 = exports.createNodes;
