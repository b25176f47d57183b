import type { Catalog } from '../catalog';
import type { Diagnostic } from '../diagnostics';
import { layerNamingRule, schemaNameRule } from './naming-rules';
import { comparisonTypeRule } from './comparison-type-rule';
import { transformTypeRule } from './transform-type-rule';
import { joinKeyTypeRule } from './join-key-type-rule';
import { passthroughTypeRule } from './passthrough-type-rule';
import { piiDeclaredRule, piiLayerRule, piiLineageRule } from './pii-rules';
import { primaryKeyTestsRule } from './primary-key-rule';
import { requiredFieldsRule } from './required-fields-rule';
import { runRules, type Locator, type Rule } from './rule-context';

/** The constitution's rules, in the order their findings read best. */
export const CONSTITUTION_RULES: readonly Rule[] = [
  layerNamingRule,
  schemaNameRule,
  requiredFieldsRule,
  primaryKeyTestsRule,
  piiDeclaredRule,
  piiLayerRule,
  piiLineageRule,
  // Not a constitution setting, but checked with the same view of the resolved catalog.
  passthroughTypeRule,
  joinKeyTypeRule,
  comparisonTypeRule,
  transformTypeRule,
];

export function checkConstitutionRules(catalog: Catalog, locate: Locator): Diagnostic[] {
  return runRules(catalog, CONSTITUTION_RULES, locate);
}
