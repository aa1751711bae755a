/**
 * The rule that modules do not import each other in a circle. The graph is built from
 * every static import and re-export with a relative specifier (type-only ones
 * included: they tie modules together just as much); each cycle is reported once, as
 * the path that closes it (`a.ts → b.ts → a.ts`).
 */
import { dirname, join, normalize } from "node:path";
import { readSourceFiles } from "./source_files.ts";
import { readSource, staticImports } from "./source_text.ts";

/** Each module of `root` and the modules of `root` it imports (paths relative to `root`). */
export async function importGraph(root: string): Promise<Map<string, string[]>> {
  const files = await readSourceFiles(root);
  const known = new Set(files.map((file) => file.path));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets: string[] = [];
    for (const { specifier } of staticImports(readSource(file.text))) {
      if (!specifier.startsWith("./") && !specifier.startsWith("../")) continue;
      const target = normalize(join(dirname(file.path), specifier)).split("\\").join("/");
      if (known.has(target) && !targets.includes(target)) targets.push(target);
    }
    graph.set(file.path, targets);
  }
  return graph;
}

/** One path per strongly connected group of modules, from a module back to itself. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  // Tarjan's algorithm, then a shortest way round inside each group.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    const selfLoop = (graph.get(node) ?? []).includes(node);
    if (group.length > 1 || selfLoop) groups.push(group.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return groups.map((group) => loopThrough(graph, group));
}

/** The shortest path from the group's first module back to it, staying inside the group. */
function loopThrough(graph: Map<string, string[]>, group: string[]): string[] {
  const start = group[0] ?? "";
  const members = new Set(group);
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() ?? "";
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0] ?? "") ?? start);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [...group, start];
}

/** Every import cycle among the modules of `root`, each as `a.ts → b.ts → a.ts`. */
export async function importCycles(root: string): Promise<string[]> {
  return findCycles(await importGraph(root)).map((cycle) => cycle.join(" → "));
}
