import { type CorrectionPlan, rewrite, type SourceCall, unsupported } from './correction-plan';
import { countCaptureGroups } from './regex-capture-groups';
import { stringValue } from './source-literals';

/**
 * BigQuery REGEXP_EXTRACT (alias REGEXP_SUBSTR) returns capturing group 1, or the whole match
 * when the pattern has no group, and NULL when nothing matches. The targets pick a fixed group,
 * so the pattern must be a literal whose groups can be counted: `render` gets the group to
 * extract, 0 meaning the whole match.
 */
export function extractGroup(call: SourceCall, render: (s: string, p: string, group: number) => string): CorrectionPlan {
  const pattern = call.args.length === 2 ? stringValue(call.args[1]) : undefined;
  if (pattern === undefined) {
    return unsupported(
      `${call.name} can only be translated with two arguments and a literal pattern.`,
      "Write the pattern as a string literal, e.g. REGEXP_EXTRACT(email, r'@(.+)$'), without position or occurrence.",
    );
  }
  const groups = countCaptureGroups(pattern);
  if (groups > 1)
    return unsupported(
      `${call.name} pattern has ${groups} capturing groups; BigQuery allows at most one.`,
      'Make the other groups non-capturing with (?:…).',
    );
  return rewrite(call.args, ([s, p]) => (s && p ? render(s, p, groups) : undefined));
}
