import type { Page } from 'playwright-core';
import { withChromiumPage } from './headless-chromium';

export interface MermaidDiagram {
  /** Where the text comes from, e.g. `stg_customers.mmd` or `stg_customers.md#1`. */
  readonly name: string;
  readonly text: string;
}

/** What Mermaid itself made of one diagram: a value, so one bad diagram does not hide the rest. */
export type MermaidVerdict =
  | { readonly name: string; readonly status: 'valid'; readonly diagramType: string; readonly labels: readonly string[] }
  | { readonly name: string; readonly status: 'invalid'; readonly stage: 'parse' | 'render'; readonly message: string };

/** The browser build (an IIFE that defines `window.mermaid`), read from node_modules: no CDN, no network. */
const MERMAID_BUNDLE = require.resolve('mermaid/dist/mermaid.min.js');

/**
 * Checks each diagram with the `mermaid` package's own parser (`mermaid.parse`) and renders
 * the valid ones to SVG (`mermaid.render`), in one headless Chromium: Mermaid's flowchart
 * grammar and renderer need a DOM, and @mermaid-js/parser has no flowchart grammar.
 */
export async function checkMermaidInBrowser(diagrams: readonly MermaidDiagram[]): Promise<MermaidVerdict[]> {
  return withChromiumPage(async (page) => {
    await loadMermaid(page);
    const verdicts: MermaidVerdict[] = [];
    for (const diagram of diagrams) verdicts.push(await checkDiagram(page, diagram));
    return verdicts;
  });
}

/** A blank page with Mermaid loaded; every request is refused, so a check can never reach out. */
export async function loadMermaid(page: Page): Promise<void> {
  await page.route('**/*', (route) => route.abort());
  await page.setContent('<!doctype html><html><body><div id="diagram"></div></body></html>');
  await page.addScriptTag({ path: MERMAID_BUNDLE });
  await page.evaluate(() =>
    (globalThis as unknown as { mermaid: BrowserMermaid }).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }),
  );
}

/**
 * Parses, renders into `#diagram` (left there, e.g. for a screenshot) and reads back the
 * text of every node, edge and subgraph label as the browser shows it (a `<br/>` as a line break).
 */
export async function checkDiagram(page: Page, diagram: MermaidDiagram): Promise<MermaidVerdict> {
  const outcome = await page.evaluate(
    async (text): Promise<{ stage: 'parse' | 'render'; message: string } | { diagramType: string; labels: string[] }> => {
      // This function runs in the page; the workspace compiles without the DOM lib, hence the narrow local types.
      const { mermaid, document } = globalThis as unknown as {
        mermaid: BrowserMermaid;
        document: { getElementById(id: string): PageElement };
      };
      const container = document.getElementById('diagram');
      container.innerHTML = '';
      let diagramType: string;
      try {
        diagramType = (await mermaid.parse(text)).diagramType;
      } catch (error) {
        return { stage: 'parse', message: String((error as Error).message ?? error) };
      }
      try {
        container.innerHTML = (await mermaid.render('rendered', text)).svg;
      } catch (error) {
        return { stage: 'render', message: String((error as Error).message ?? error) };
      }
      // Node and subgraph titles are span.nodeLabel, edge labels span.edgeLabel (HTML labels, Mermaid's default).
      const labels = [...container.querySelectorAll('svg span.nodeLabel, svg span.edgeLabel')]
        .map((element) => element.innerText.trim())
        .filter((label) => label !== '');
      return { diagramType, labels };
    },
    diagram.text,
  );
  return 'stage' in outcome ? { name: diagram.name, status: 'invalid', ...outcome } : { name: diagram.name, status: 'valid', ...outcome };
}

/** The parts of `window.mermaid` and of DOM elements used above. */
interface BrowserMermaid {
  initialize(config: object): void;
  parse(text: string): Promise<{ diagramType: string }>;
  render(id: string, text: string): Promise<{ svg: string }>;
}

interface PageElement {
  innerHTML: string;
  readonly innerText: string;
  querySelectorAll(selector: string): Iterable<PageElement>;
}
