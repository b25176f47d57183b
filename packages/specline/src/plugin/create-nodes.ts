import type { CreateNodes, CreateNodesResult, ProjectConfiguration } from '@nx/devkit';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { workspaceDataDirectory } from '@nx/devkit/internal';
import { normalizeOptions, type SpeclinePluginOptions } from '../workspace/options';
import { pluginInputs } from './plugin-inputs';
import { assignProjectNames } from '../workspace/project-names';
import type { DatasetProjectMetadata, SpeclineProjectMetadata } from '../workspace/project-metadata';
import { decodeUtf8, symlinkLeavesSpecsFolder } from '../spec/read';
import { invalidSummary, unreadableSummary, type SpecSummary } from './spec-summary';
import { SummaryCache } from './summary-cache';
import { buildCatalogProject } from './catalog-project';
import { codeOutputs } from './code-outputs';
import { lookupResolver } from './lookup-projects';
import { lineageResolver } from './lineage-edges';
import { glossaryResolver } from './glossary-inputs';
import { catalogFingerprint, upstreamNodes, upstreamResolver } from './upstream-fingerprints';
import {
  buildCodegenTarget,
  buildConformTarget,
  buildExportTarget,
  buildLineageTarget,
  buildRunTarget,
  buildTestTarget,
  buildValidateTarget,
  GLOSSARY_INPUT,
  SEED_INPUT,
  SHARED_INPUT,
  sharedNamedInput,
  SPEC_INPUT,
  type TargetContext,
} from './targets';

export const SPEC_FILE_PATTERN = '**/*.{yaml,yml,json}';

/**
 * Turns every spec file under the specs folder into an Nx project. The work per graph
 * computation is: read each file, and parse only those whose content hash is new.
 */
export const createNodes: CreateNodes<SpeclinePluginOptions> = [
  SPEC_FILE_PATTERN,
  async (files, rawOptions, context) => {
    const options = normalizeOptions(rawOptions);
    const specFiles = files.filter((file) => file.startsWith(`${options.specsDir}/`)).sort();
    const cache = new SummaryCache(path.join(workspaceDataDirectory, 'specline-spec-summaries.json'));
    const summaries = new Map<string, SpecSummary>();
    for (const file of specFiles) {
      summaries.set(file, summarizeFile(context.workspaceRoot, file, options.specsDir, cache));
    }
    cache.save();

    const constitutionFile = [...summaries].find(([, summary]) => summary.kind === 'constitution')?.[0];
    const names = assignProjectNames(summaries, options.specsDir);
    const inputsOfPlugin = pluginInputs(context.workspaceRoot);
    const lookupsOf = lookupResolver(summaries, names);
    const lineageOf = lineageResolver(summaries, names);
    const glossariesOf = glossaryResolver(summaries, names);
    const upstreamOf = upstreamResolver(summaries, names, lineageOf, lookupsOf, glossariesOf);
    const outputs = codeOutputs(constitutionFile ? summaries.get(constitutionFile) : undefined);
    const results = specFiles
      .filter((file) => names.has(file))
      .map((file) => {
        const summary = summaries.get(file)!;
        const projectName = names.get(file)!;
        const isDataset = summary.kind === 'source' || summary.kind === 'model';
        const readsOthers = lineageOf(file).length > 0 || lookupsOf(file).direct.length > 0 || glossariesOf(file).projects.length > 0;
        const upstream = isDataset && readsOthers ? upstreamOf(file) : undefined;
        const targetContext: TargetContext = {
          options,
          projectName,
          specFile: file,
          constitutionFile,
          pluginInputs: inputsOfPlugin,
          lookups: lookupsOf(file),
          upstream,
          behaviour: summary.behaviour,
          glossaries: glossariesOf(file).files.length > 0,
          codePaths: outputs.datasetPaths(summary),
        };
        const result: CreateNodesResult = {
          projects: {
            [file]: buildProject(
              file,
              projectName,
              summary,
              { dependsOn: lineageOf(file), lookups: targetContext.lookups?.direct ?? [], glossaries: glossariesOf(file).files },
              targetContext,
            ),
          },
          ...(upstream ? { externalNodes: upstreamNodes(projectName, upstream) } : {}),
        };
        return [file, result] as const;
      });
    if (constitutionFile) {
      const catalog = buildCatalogProject(
        names,
        { options, constitutionFile, pluginInputs: inputsOfPlugin, codePaths: outputs.catalogPaths },
        catalogFingerprint(summaries, names),
      );
      results.push([constitutionFile, { projects: { [catalog.root]: catalog } }] as const);
    }
    return results;
  },
];

/**
 * One file's summary, or an invalid one saying why it cannot be read: a symbolic link out of
 * the specs folder or bytes that are not UTF-8 are refused here as validate refuses them.
 */
function summarizeFile(workspaceRoot: string, file: string, specsDir: string, cache: SummaryCache): SpecSummary {
  if (symlinkLeavesSpecsFolder(workspaceRoot, file, specsDir))
    return invalidSummary(file, `${file}:1:1: error FILE006: The file is a symbolic link to a file outside the specs folder.`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(workspaceRoot, file));
  } catch (error) {
    return unreadableSummary(file, error);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok)
    return invalidSummary(
      bytes.toString('latin1'),
      `${file}:${decoded.line}:${decoded.column}: error FILE007: The file is not valid UTF-8 here.`,
    );
  return cache.summarize(file, decoded.text);
}

/** Nx 20–22 look for createNodesV2; Nx 23 for createNodes. Both are the batched form. */
export const createNodesV2 = createNodes;

function buildProject(
  file: string,
  name: string,
  summary: SpecSummary,
  links: { dependsOn: readonly string[]; lookups: readonly string[]; glossaries: readonly string[] },
  context: TargetContext,
): ProjectConfiguration {
  const specline: SpeclineProjectMetadata = {
    ...(links.dependsOn.length > 0 ? { dependsOn: links.dependsOn } : {}),
    ...(links.lookups.length > 0 ? { lookups: links.lookups } : {}),
  };
  return {
    // The spec file itself is the project root: several specs share a folder, and Nx maps
    // a file to the project whose root is its longest matching path.
    root: file,
    name,
    projectType: 'library',
    tags: tagsOf(summary),
    namedInputs: {
      [SPEC_INPUT]: [`{workspaceRoot}/${file}`, ...(summary.seed ? [`{workspaceRoot}/${summary.seed}`] : [])],
      [SEED_INPUT]: summary.seed ? [`{workspaceRoot}/${summary.seed}`] : [],
      [SHARED_INPUT]: sharedNamedInput(context),
      ...(links.glossaries.length > 0 ? { [GLOSSARY_INPUT]: links.glossaries.map((glossary) => `{workspaceRoot}/${glossary}`) } : {}),
    },
    metadata: {
      description: describe(summary, file),
      technologies: ['specline'],
      ...(Object.keys(specline).length > 0 ? { specline } : {}),
      ...(summary.kind === 'source' || summary.kind === 'model' ? { dataset: datasetMetadata(summary) } : {}),
    } as ProjectConfiguration['metadata'],
    targets: {
      validate: buildValidateTarget(context),
      ...(summary.kind === 'source' || summary.kind === 'model' ? { export: buildExportTarget(context) } : {}),
      ...(summary.kind === 'model'
        ? { test: buildTestTarget(context), run: buildRunTarget(context), conform: buildConformTarget(context) }
        : {}),
      ...(summary.kind === 'source' || summary.kind === 'model'
        ? { codegen: buildCodegenTarget(context), lineage: buildLineageTarget(context) }
        : {}),
    },
  };
}

function datasetMetadata(summary: SpecSummary): DatasetProjectMetadata {
  return {
    ...(summary.owner ? { owner: summary.owner } : {}),
    ...(summary.layer ? { layer: summary.layer } : {}),
    ...(summary.load ? { loadStrategy: summary.load } : {}),
    columns: summary.columns,
  };
}

function tagsOf(summary: SpecSummary): string[] {
  const tags = [`kind:${summary.kind}`];
  if (summary.layer) tags.push(`layer:${summary.layer}`);
  if (summary.system) tags.push(`system:${summary.system}`);
  if (summary.owner) tags.push(`owner:${summary.owner.replace(/\s+/g, '-')}`);
  return tags;
}

function describe(summary: SpecSummary, file: string): string {
  if (summary.problem) return `Invalid spec ${file}: ${summary.problem}`;
  return summary.description ?? `${summary.kind} spec ${file}`;
}
