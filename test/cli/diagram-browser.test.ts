import * as fs from "fs";
import * as path from "path";
import { chromium } from "playwright-core";
import { REPO, runCli, tempState } from "./run-cli";
import { grantRouteTableTicket } from "./run-cli";

/**
 * Issue 15 item 6: the topology SVG as people see it — rendered by headless
 * Chromium (Debian's `chromium`, driven by playwright-core), measured in the
 * DOM: labels inside their boxes and not overlapping, every node inside its
 * cluster (cloud → account → region → VPC; on-premises sites), the trace's
 * path unbroken in red, a legend. The screenshot stays in test-artifacts/.
 */
const CHROMIUM = process.env.HL_CHROMIUM ?? "/usr/bin/chromium";
const S4 = path.join(REPO, "examples", "s4-ccn-idcs-cloud-networks");
const P3 = path.join(REPO, "examples", "p3-cross-account-cross-region");
export const ARTIFACTS = path.join(REPO, "test-artifacts");
const HOT = "#d62728";

const available = fs.existsSync(CHROMIUM);
if (!available) {
  // eslint-disable-next-line no-console -- say why the browser checks did not run, as the strongSwan tests do
  console.warn(`diagram-browser: ${CHROMIUM} not found (apt-get install chromium, or set HL_CHROMIUM); the rendering checks are skipped`);
}

/** Node ID → its innermost cluster's name, read from the DOT (`subgraph "cluster_…" {` nesting). */
function clusterOfNodes(dot: string): Map<string, string[]> {
  const stack: string[] = [];
  const out = new Map<string, string[]>();
  for (const line of dot.split("\n")) {
    const open = /subgraph "(cluster_[^"]+)" \{/.exec(line);
    if (open) stack.push(open[1]);
    else if (/^\s*}\s*$/.test(line)) stack.pop();
    else {
      const node = /^\s*"([^"]+)" \[label=/.exec(line);
      if (node && stack.length) out.set(node[1], [...stack]);
    }
  }
  return out;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Measured {
  texts: { owner: string; text: string; box: Box }[];
  nodes: Record<string, { shape: Box; texts: Box[] }>;
  clusters: Record<string, Box>;
  edges: { title: string; stroke: string }[];
}

/**
 * Runs in the page (plain JavaScript, so this file needs no DOM typings): the
 * boxes of every text, node shape and cluster, and each edge's colour.
 */
const MEASURE_IN_PAGE = `(() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; };
  const titleOf = (g) => (g.querySelector(":scope > title") || {}).textContent || "";
  const texts = [], nodes = {}, clusters = {};
  for (const g of document.querySelectorAll("g.node, g.cluster, g.edge")) {
    for (const t of g.querySelectorAll("text")) texts.push({ owner: titleOf(g), text: t.textContent || "", box: box(t) });
  }
  for (const g of document.querySelectorAll("g.node")) {
    const shape = g.querySelector("polygon, path, ellipse");
    if (shape) nodes[titleOf(g)] = { shape: box(shape), texts: Array.from(g.querySelectorAll("text")).map(box) };
  }
  for (const g of document.querySelectorAll("g.cluster")) {
    const shape = g.querySelector("polygon, path");
    if (shape) clusters[titleOf(g)] = box(shape);
  }
  const edges = Array.from(document.querySelectorAll("g.edge")).map((g) => ({ title: titleOf(g), stroke: (g.querySelector("path") || { getAttribute: () => "" }).getAttribute("stroke") || "" }));
  return { texts, nodes, clusters, edges };
})()`;

/** Measures the rendered SVG in the page: boxes of every text, node shape and cluster, and each edge's colour. */
async function measure(svg: string, screenshot: string): Promise<Measured> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`);
    await page.screenshot({ path: screenshot, fullPage: true });
    return (await page.evaluate(MEASURE_IN_PAGE)) as Measured;
  } finally {
    await browser.close();
  }
}

const inside = (inner: Box, outer: Box, slack = 1) =>
  inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.w <= outer.x + outer.w + slack && inner.y + inner.h <= outer.y + outer.h + slack;
const overlap = (a: Box, b: Box, slack = 0.5) => a.x + a.w - slack > b.x && b.x + b.w - slack > a.x && a.y + a.h - slack > b.y && b.y + b.h - slack > a.y;

/** Whether the red edges connect `from` to `to` (edge titles are `a&#45;&#45;b` → "a--b"). */
function redPathConnects(edges: Measured["edges"], from: string, to: string): boolean {
  const adjacent = new Map<string, string[]>();
  for (const e of edges.filter((x) => x.stroke.toLowerCase() === HOT)) {
    const [a, b] = e.title.split("--");
    adjacent.set(a, [...(adjacent.get(a) ?? []), b]);
    adjacent.set(b, [...(adjacent.get(b) ?? []), a]);
  }
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length) for (const n of adjacent.get(queue.shift()!) ?? []) if (!seen.has(n)) (seen.add(n), queue.push(n));
  return seen.has(to);
}

(available ? describe : describe.skip)("topology diagrams in headless Chromium", () => {
  let t: ReturnType<typeof tempState>;
  beforeAll(() => {
    t = tempState();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  const cases: [string, string, string, string, string, string[]][] = [
    // name, example, from, to, stack, extra args for up
    ["s4-topology", S4, "IDC-1", "VPC-Shanghai", "s4-ccn-idcs-cloud-networks", []],
    ["p3-topology", P3, "VPC-Guangzhou", "VPC-Beijing", "p3-cross-account-cross-region", ["--accept-peerings"]],
  ];

  test.each(cases)("%s: labels fit and do not overlap, nodes sit in their clusters, the trace is one red path, a legend", async (name, example, from, to, stack, upArgs) => {
    grantRouteTableTicket(t.env);
    expect(runCli(["up", "--yes", example, ...upArgs], { env: t.env }).code).toBe(0);
    const svgFile = path.join(ARTIFACTS, `${name}.svg`);
    expect(runCli(["graph", "--stack", stack, "--from", from, "--to", to, "--out", svgFile], { env: t.env }).code).toBe(0);
    const dot = runCli(["graph", "--stack", stack, "--from", from, "--to", to, "--format", "dot"], { env: t.env }).stdout;
    const m = await measure(fs.readFileSync(svgFile, "utf8"), path.join(ARTIFACTS, `${name}.png`));

    // Labels fit their boxes (measured with the font the browser used).
    for (const [id, n] of Object.entries(m.nodes)) {
      if (id === "legend") continue;
      for (const text of n.texts) expect({ id, fits: inside(text, n.shape) }).toEqual({ id, fits: true });
    }
    // No two labels overlap (node, edge and cluster labels alike).
    const clashes: string[] = [];
    for (let i = 0; i < m.texts.length; i++) {
      for (let j = i + 1; j < m.texts.length; j++) {
        if (overlap(m.texts[i].box, m.texts[j].box)) clashes.push(`${m.texts[i].text} × ${m.texts[j].text}`);
      }
    }
    expect(clashes).toEqual([]);
    // Every node inside each cluster the DOT put it in.
    const membership = clusterOfNodes(dot);
    expect(membership.size).toBeGreaterThanOrEqual(4);
    for (const [node, chain] of membership) {
      for (const cluster of chain) expect({ node, cluster, inside: inside(m.nodes[node].shape, m.clusters[cluster]) }).toEqual({ node, cluster, inside: true });
    }
    expect(Object.keys(m.clusters).some((c) => c.startsWith("cluster_account_"))).toBe(true);
    expect(Object.keys(m.clusters).some((c) => c.startsWith("cluster_region_"))).toBe(true);
    // The trace is one unbroken red path between the endpoints' nodes, and the legend says what red means.
    const id = (label: string) => Object.keys(m.nodes).find((k) => m.texts.some((x) => x.owner === k && x.text === label))!;
    expect(redPathConnects(m.edges, id(from), id(to))).toBe(true);
    expect(m.texts.some((x) => x.owner === "legend" && x.text.includes("the traced path"))).toBe(true);
    expect(fs.statSync(path.join(ARTIFACTS, `${name}.png`)).size).toBeGreaterThan(10_000);
  });
});
