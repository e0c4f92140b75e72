import { instance } from "@viz-js/viz";

/**
 * DOT to SVG with Graphviz compiled to WebAssembly (@viz-js/viz): the layout
 * is Graphviz's `dot`, in-process, with no binary to install or download.
 */
export async function renderSvg(dot: string): Promise<string> {
  const viz = await instance();
  const result = viz.render(dot, { format: "svg", engine: "dot" });
  if (result.status !== "success") {
    throw new Error(`Graphviz could not lay out the topology: ${result.errors.map((e) => e.message).join("; ")}`);
  }
  return result.output;
}
