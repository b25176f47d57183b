/**
 * A strict checker for the flowchart subset Specline writes, against Mermaid's documented
 * flowchart grammar, rejecting anything outside it rather than guessing:
 * https://mermaid.js.org/syntax/flowchart.html
 * Mermaid itself (test-support/browser/mermaid-in-browser.ts) is the real check but needs Chromium; this
 * one runs anywhere in milliseconds and is stricter than Mermaid where Mermaid is lenient:
 * it rejects a raw quote inside a label (Mermaid drops it), edges to undefined nodes and
 * nodes defined twice (Mermaid silently creates or merges them).
 */
export interface MermaidProblem {
  readonly line: number;
  readonly message: string;
}

const DIRECTION = /^flowchart (LR|RL|TB|TD|BT)$/;
const ID = '[A-Za-z][A-Za-z0-9_]*';
/** A quoted label: no raw double quote, and entity codes only in `#name;` or `#123;` form. */
const LABEL = '"(?:[^"#]|#[0-9]+;|#[a-z]+;)*"';
const SHAPES = [`\\[${LABEL}\\]`, `\\(${LABEL}\\)`, `\\[\\(${LABEL}\\)\\]`, `\\{${LABEL}\\}`, `\\{\\{${LABEL}\\}\\}`, `\\[/${LABEL}/\\]`];
const NODE = new RegExp(`^(${ID})(?:${SHAPES.map((shape) => `(?:${shape})`).join('|')})$`);
const EDGE = new RegExp(`^(${ID}) -->(?:\\|${LABEL}\\|)? (${ID})$`);
const SUBGRAPH = new RegExp(`^subgraph (${ID})\\[${LABEL}\\]$`);
/** Words the flowchart lexer treats as keywords; a node id must not be one of them. */
const KEYWORDS = new Set([
  'end',
  'subgraph',
  'graph',
  'flowchart',
  'style',
  'class',
  'classDef',
  'click',
  'linkStyle',
  'default',
  'direction',
  'call',
  'href',
]);

export function checkMermaidFlowchart(text: string): MermaidProblem[] {
  const problems: MermaidProblem[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (!DIRECTION.test(lines[0] ?? '')) problems.push({ line: 1, message: 'expected "flowchart <direction>" first' });
  const defined = new Set<string>();
  let depth = 0;
  const useId = (id: string, line: number, define: boolean) => {
    if (KEYWORDS.has(id)) problems.push({ line, message: `"${id}" is a Mermaid keyword, not a node id` });
    else if (define) {
      if (defined.has(id)) problems.push({ line, message: `node "${id}" is defined twice` });
      defined.add(id);
    } else if (!defined.has(id)) problems.push({ line, message: `edge uses "${id}" before it is defined` });
  };
  lines.slice(1).forEach((raw, index) => {
    const line = index + 2;
    const statement = raw.trim();
    let match: RegExpExecArray | null;
    if (statement === '' || statement.startsWith('%%')) return;
    if (statement === 'end') {
      if (--depth < 0) problems.push({ line, message: '"end" without a subgraph' });
    } else if ((match = SUBGRAPH.exec(statement))) {
      depth++;
      useId(match[1], line, true);
    } else if ((match = NODE.exec(statement))) {
      useId(match[1], line, true);
    } else if ((match = EDGE.exec(statement))) {
      useId(match[1], line, false);
      useId(match[2], line, false);
    } else {
      problems.push({ line, message: `not a node, edge, subgraph or end: ${statement.slice(0, 60)}` });
    }
  });
  if (depth > 0) problems.push({ line: lines.length, message: `${depth} subgraph(s) not closed with "end"` });
  return problems;
}
