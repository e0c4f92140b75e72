import { reachabilityMatrix, singleFailureAnalysis, singleFailures } from "../../lib/net";
import { buildCcnIdcApp } from "../../bench/topology";
import { Scenario, synthModel } from "./scenarios/common";
import { buildHa } from "./scenarios/ha";
import { buildS4 } from "./scenarios/s4";
import { buildS5a } from "./scenarios/s5a";
import { buildS5b } from "./scenarios/s5b";
import { buildP1 } from "./scenarios/p1";

/**
 * singleFailureAnalysis walks again only the cells a failure touches, on the
 * intact compiled network with the failed states swapped in; every cell must
 * equal the brute force (each failure's model compiled, every cell walked).
 */
describe("singleFailureAnalysis", () => {
  const scenarios: Array<[string, () => { app: Scenario["app"] }]> = [
    ["S4", buildS4],
    ["S5a", () => buildS5a()],
    ["S5a without health checks", () => buildS5a({ healthChecks: false })],
    ["S5b", () => buildS5b()],
    ["S5b without health checks", () => buildS5b({ healthChecks: false })],
    ["HA dual customer gateway", buildHa],
    ["P1 peerings", buildP1],
    ["CCN of 6 IDCs and 3 VPCs (the bench's, small)", () => ({ app: buildCcnIdcApp(6, 3) })],
  ];

  it.each(scenarios)("agrees cell by cell with a full matrix per failure: %s", (_, build) => {
    process.env.HL_BENCH_PSK ??= "bench-psk";
    const { model } = synthModel(build().app);
    const analysis = singleFailureAnalysis(model);
    const failures = singleFailures(model);
    expect(analysis.failures.map((f) => f.failure.id)).toEqual(failures.map((f) => f.id));
    const intact = reachabilityMatrix(model);
    failures.forEach((failure, k) => {
      const expected = reachabilityMatrix(failure.apply());
      const got = analysis.failures[k].matrix;
      const n = expected.size;
      const changed: string[] = [];
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          expect(`${failure.id} ${i}→${j} ${got.traceVerdictAt(i, j)}`).toBe(`${failure.id} ${i}→${j} ${expected.traceVerdictAt(i, j)}`);
          if (i !== j && intact.verdictAt(i, j) !== expected.verdictAt(i, j)) changed.push(`${i}→${j}`);
        }
      }
      expect(analysis.failures[k].changed.map((c) => `${got.endpoints.indexOf(c.from)}→${got.endpoints.indexOf(c.to)}`).sort()).toEqual(changed.sort());
    });
  });

  it("leaves the intact model's compiled network as it was", () => {
    const { model } = synthModel(buildS5a({ healthChecks: false }).app);
    const before = reachabilityMatrix(model);
    singleFailureAnalysis(model);
    const after = reachabilityMatrix(model);
    for (let i = 0; i < before.size; i++) for (let j = 0; j < before.size; j++) expect(after.traceVerdictAt(i, j)).toBe(before.traceVerdictAt(i, j));
  });
});
