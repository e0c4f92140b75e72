import { analyzePair, failDevice, failureTouches, listEndpoints, reachabilityMatrix, singleFailures } from "../../lib/net";
import { Scenario } from "./scenarios/common";
import { buildHa } from "./scenarios/ha";
import { buildLoop } from "./scenarios/loop";
import { buildP3 } from "./scenarios/p3";
import { buildS5b } from "./scenarios/s5b";
import { buildS6 } from "./scenarios/s6";
import { endpointIds, synthModel } from "./scenarios/common";
import { buildP1 } from "./scenarios/p1";
import { buildS4 } from "./scenarios/s4";
import { buildS5a } from "./scenarios/s5a";

describe("singleFailures", () => {
  test("S5a: each device and each tunnel that is up", () => {
    const { model } = synthModel(buildS5a().app);
    expect(singleFailures(model).map((f) => [f.kind, f.id, f.affects])).toEqual([
      ["DEVICE", "Idc/Device1", ["Gateway/Tunnel1"]],
      ["DEVICE", "Idc/Device2", ["Gateway/Tunnel2"]],
      ["TUNNEL", "Gateway/Tunnel1", ["Gateway/Tunnel1"]],
      ["TUNNEL", "Gateway/Tunnel2", ["Gateway/Tunnel2"]],
    ]);
  });

  test("P1: a peering is no single point of failure (seed 003); things already down are not new failures", () => {
    const { model } = synthModel(buildP1().app);
    expect(model.peerings.filter((p) => p.state === "ACTIVE")).toHaveLength(2);
    expect(singleFailures(model)).toEqual([]);
    const s5 = synthModel(buildS5a().app).model;
    expect(singleFailures(failDevice(s5, "Idc/Device1")).map((f) => f.id)).toEqual(["Idc/Device2", "Gateway/Tunnel2"]);
  });

  test("each failure is applied in steady state after detection and leaves the original model alone", () => {
    const { model } = synthModel(buildS5a().app);
    const device1 = singleFailures(model)[0].apply();
    expect(device1.customerGateways.map((c) => c.up)).toEqual([false, true]);
    expect(device1.connections.map((c) => [c.tunnelUp, c.routable])).toEqual([
      [false, false],
      [true, true],
    ]);
    expect(model.connections.map((c) => [c.tunnelUp, c.routable])).toEqual([
      [true, true],
      [true, true],
    ]);
  });

  test("S5a with health checks: VPC ↔ IDC holds under every single failure", () => {
    const { model } = synthModel(buildS5a().app);
    expect(singleFailures(model).map((f) => analyzePair(f.apply(), "Vpc", "Idc").verdict)).toEqual(Array(4).fill("REACHABLE"));
  });

  test("S5a without health checks: the failure of device 1 or tunnel 1 breaks it (blackhole)", () => {
    const { model } = synthModel(buildS5a({ healthChecks: false }).app);
    expect(singleFailures(model).map((f) => [f.id, analyzePair(f.apply(), "Vpc", "Idc").verdict])).toEqual([
      ["Idc/Device1", "ONE_WAY"],
      ["Idc/Device2", "REACHABLE"],
      ["Gateway/Tunnel1", "ONE_WAY"],
      ["Gateway/Tunnel2", "REACHABLE"],
    ]);
  });

  test("S4: losing IDC-1's only tunnel cuts exactly IDC-1's pairs", () => {
    const s = buildS4();
    const { model } = synthModel(s.app);
    const failure = singleFailures(model).find((f) => f.id === "Gateway/Tunnel1")!;
    const matrix = reachabilityMatrix(failure.apply(), endpointIds(s));
    const idc1 = s.endpoints["IDC-1"];
    for (const a of endpointIds(s)) {
      for (const b of endpointIds(s)) {
        if (a === b) continue;
        expect([a, b, matrix.verdict(a, b)]).toEqual([a, b, a === idc1 || b === idc1 ? "UNREACHABLE" : "REACHABLE"]);
      }
    }
  });
});

describe("failureTouches", () => {
  test("S5a: only the active device and tunnel lie on the VPC ↔ IDC path", () => {
    const { model } = synthModel(buildS5a().app);
    const p = analyzePair(model, "Vpc", "Idc");
    expect(singleFailures(model).map((f) => [f.id, failureTouches(f, [p.forward, p.reverse])])).toEqual([
      ["Idc/Device1", true],
      ["Idc/Device2", false],
      ["Gateway/Tunnel1", true],
      ["Gateway/Tunnel2", false],
    ]);
  });

  // The intent rules skip failures off the path; this checks that it never changes an answer.
  // Every row has all three cells: jest would take a missing last one for a `done` callback.
  const scenarios: Array<[string, () => Scenario, { acceptCrossAccountPeerings?: "all" }]> = [
    ["S4", buildS4, {}],
    ["S5a", buildS5a, {}],
    ["S5b", buildS5b, {}],
    ["S5a without health checks", () => buildS5a({ healthChecks: false }), {}],
    ["HA", buildHa, {}],
    ["S6", buildS6, {}],
    ["P1", buildP1, {}],
    ["P3 accepted", buildP3, { acceptCrossAccountPeerings: "all" }],
    ["loop", buildLoop, {}],
  ];
  test.each(scenarios)("%s: a failure off both paths of a pair leaves both traces as they were", (_name, build, options) => {
    const { model } = synthModel(build().app, options);
    const endpoints = listEndpoints(model);
    for (const failure of singleFailures(model)) {
      const failed = failure.apply();
      for (const a of endpoints) {
        for (const b of endpoints) {
          const before = analyzePair(model, a, b);
          if (failureTouches(failure, [before.forward, before.reverse])) continue;
          const after = analyzePair(failed, a, b);
          expect([failure.id, a.id, b.id, after.forward.verdict, after.reverse.verdict]).toEqual([
            failure.id,
            a.id,
            b.id,
            before.forward.verdict,
            before.reverse.verdict,
          ]);
        }
      }
    }
  });
});
