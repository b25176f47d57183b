import { DirectedGraph } from 'graphology';

/**
 * The table-level lineage: an edge from each input to the model that reads it. Kept in a
 * graphology graph so impact analysis ("what is downstream of X?") and cycle detection use
 * one structure.
 */
export class DatasetGraph {
  private readonly graph = new DirectedGraph();

  constructor(nodes: Iterable<string>, edges: Iterable<readonly [from: string, to: string]>) {
    for (const node of [...nodes].sort()) this.graph.mergeNode(node);
    for (const [from, to] of edges) {
      if (this.graph.hasNode(from) && this.graph.hasNode(to) && from !== to) this.graph.mergeEdge(from, to);
    }
  }

  /** Every edge (input, reader), to rebuild the same graph elsewhere (executors/catalog-snapshot.ts). */
  edges(): [from: string, to: string][] {
    return this.graph.mapEdges((_edge, _attributes, from, to) => [from, to] as [string, string]);
  }

  inputsOf(node: string): string[] {
    return this.graph.hasNode(node) ? this.graph.inNeighbors(node).sort() : [];
  }

  readersOf(node: string): string[] {
    return this.graph.hasNode(node) ? this.graph.outNeighbors(node).sort() : [];
  }

  /** Everything upstream of `node`, nearest first, ties by name. */
  upstreamOf(node: string): string[] {
    return this.reach(node, (n) => this.inputsOf(n));
  }

  /**
   * Nodes in dependency order (Kahn's algorithm, ties by name) and the cycles that block a
   * full order, each as a path that starts and ends at the same node.
   */
  topologicalOrder(): { order: string[]; cycles: string[][] } {
    const remaining = new Map<string, number>();
    this.graph.forEachNode((node) => remaining.set(node, this.graph.inDegree(node)));
    const ready = [...remaining]
      .filter(([, degree]) => degree === 0)
      .map(([node]) => node)
      .sort();
    const order: string[] = [];
    while (ready.length > 0) {
      const node = ready.shift()!;
      order.push(node);
      for (const reader of this.readersOf(node)) {
        const degree = remaining.get(reader)! - 1;
        remaining.set(reader, degree);
        if (degree === 0) insertSorted(ready, reader);
      }
    }
    const blocked = new Set([...remaining].filter(([, degree]) => degree > 0).map(([node]) => node));
    return { order, cycles: this.cyclesAmong(blocked) };
  }

  private cyclesAmong(blocked: Set<string>): string[][] {
    const cycles: string[][] = [];
    const reported = new Set<string>();
    for (const start of [...blocked].sort()) {
      if (reported.has(start)) continue;
      const path = this.findCycleFrom(start, blocked);
      if (!path) continue;
      path.forEach((node) => reported.add(node));
      cycles.push(path);
    }
    return cycles;
  }

  /** A depth-first search for a path from `start` back to itself, within the blocked nodes. */
  private findCycleFrom(start: string, within: Set<string>): string[] | undefined {
    const stack: { node: string; path: string[] }[] = [{ node: start, path: [start] }];
    const visited = new Set<string>();
    while (stack.length > 0) {
      const { node, path } = stack.pop()!;
      for (const next of this.readersOf(node).reverse()) {
        if (next === start) return [...path, start];
        if (within.has(next) && !visited.has(next)) {
          visited.add(next);
          stack.push({ node: next, path: [...path, next] });
        }
      }
    }
    return undefined;
  }

  private reach(start: string, step: (node: string) => string[]): string[] {
    const seen = new Set<string>([start]);
    const result: string[] = [];
    let frontier = [start];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const neighbour of step(node)) {
          if (!seen.has(neighbour)) {
            seen.add(neighbour);
            next.push(neighbour);
          }
        }
      }
      next.sort();
      result.push(...next);
      frontier = next;
    }
    return result;
  }
}

function insertSorted(list: string[], value: string): void {
  let i = 0;
  while (i < list.length && list[i] < value) i++;
  list.splice(i, 0, value);
}
