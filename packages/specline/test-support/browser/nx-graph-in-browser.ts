import { pathToFileURL } from 'node:url';
import { withChromiumPage } from './headless-chromium';

export interface DrawnGraph {
  /** Project names, sorted. */
  readonly nodes: readonly string[];
  /** `source -> target`, sorted. */
  readonly edges: readonly string[];
}

/**
 * The project graph app's state for "every project, one node each" (mode individual, not the
 * folder groups Nx draws by default), as its URL serialises it: base64 of the URI-encoded JSON.
 */
const SHOW_ALL_PROJECTS = Buffer.from(encodeURIComponent(JSON.stringify({ c: { mode: 'individual', showMode: 'all' }, v: 1 }))).toString(
  'base64',
);

/**
 * Opens the static page `nx graph --file=<file>.html` writes in headless Chromium, shows every
 * project, and reads back what the graph app drew: the visible project nodes and edges of its
 * Cytoscape instance (the canvas has no DOM to query). Cytoscape registers the instance on its
 * container as `_cyreg`, which the app clears when React re-mounts it; an init script keeps
 * each registration so the live instance can be found. Every request other than the page's own
 * files is refused. With `screenshot`, a PNG of the drawn graph is written there.
 */
export async function drawnNxGraph(htmlFile: string, projectCount: number, screenshot?: string): Promise<DrawnGraph> {
  return withChromiumPage(async (page) => {
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.setViewportSize({ width: 1600, height: 900 });
    // These functions run in the page; the workspace compiles without the DOM lib, hence the narrow local types.
    await page.addInitScript(() => {
      const browserWindow = globalThis as unknown as { __cytoscapes: unknown[]; HTMLElement: { prototype: object } };
      const registrations: unknown[] = [];
      browserWindow.__cytoscapes = registrations;
      Object.defineProperty(browserWindow.HTMLElement.prototype, '_cyreg', {
        configurable: true,
        get(this: { __cyreg?: unknown }) {
          return this.__cyreg;
        },
        set(this: { __cyreg?: unknown }, value: unknown) {
          this.__cyreg = value;
          if (value) registrations.push(value);
        },
      });
    });
    await page.goto(`${pathToFileURL(htmlFile).href}#/projects?graph=${encodeURIComponent(SHOW_ALL_PROJECTS)}`);
    await page.waitForFunction(
      (count) =>
        (globalThis as unknown as { __cytoscapes: { cy?: Cytoscape }[] }).__cytoscapes.some(
          (registration) => registration.cy && !registration.cy.destroyed() && registration.cy.nodes('[type="project"]').length === count,
        ),
      projectCount,
      { timeout: 60_000 },
    );
    // The layout animates in; the drawing is read once it stands still.
    await page.waitForTimeout(1000);
    const drawn = await page.evaluate(() => {
      const live = (globalThis as unknown as { __cytoscapes: { cy?: Cytoscape }[] }).__cytoscapes
        .map((registration) => registration.cy)
        .filter((cy): cy is Cytoscape => cy !== undefined && !cy.destroyed() && cy.container() !== null);
      const cy = live[live.length - 1];
      if (!cy) return undefined;
      const name = (element: CytoscapeElement) => element.id().replace(/^project-/, '');
      const box = cy.elements().renderedBoundingBox();
      const frame = cy.container()!.getBoundingClientRect();
      return {
        box: { x: frame.x + box.x1, y: frame.y + box.y1, width: box.w, height: box.h },
        nodes: cy
          .nodes('[type="project"]')
          .filter((node) => node.visible())
          .map(name),
        edges: cy
          .edges()
          .filter((edge) => edge.visible())
          .map((edge) => `${name(edge.source())} -> ${name(edge.target())}`),
      };
    });
    if (!drawn) throw new Error(`drawnNxGraph: ${htmlFile} drew no graph`);
    const margin = 24;
    if (screenshot)
      await page.screenshot({
        path: screenshot,
        clip: {
          x: Math.max(0, drawn.box.x - margin),
          y: Math.max(0, drawn.box.y - margin),
          width: drawn.box.width + 2 * margin,
          height: drawn.box.height + 2 * margin,
        },
      });
    return { nodes: [...drawn.nodes].sort(), edges: [...drawn.edges].sort() };
  });
}

/** The parts of a Cytoscape instance and its elements read above. */
interface CytoscapeElement {
  id(): string;
  visible(): boolean;
  source(): CytoscapeElement;
  target(): CytoscapeElement;
}

interface Cytoscape {
  destroyed(): boolean;
  container(): { getBoundingClientRect(): { x: number; y: number } } | null;
  elements(): { renderedBoundingBox(): { x1: number; y1: number; w: number; h: number } };
  nodes(selector?: string): CytoscapeElement[];
  edges(selector?: string): CytoscapeElement[];
}
