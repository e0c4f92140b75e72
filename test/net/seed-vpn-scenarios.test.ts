import { analyzePair, reachabilityMatrix, trace } from "../../lib/net";
import { parseGrid } from "./grid";
import { endpointIds, labelOf, Scenario, synthModel } from "./scenarios/common";
import { buildS1, S1_EXPECTED } from "./scenarios/s1";
import { buildS2, S2_EXPECTED } from "./scenarios/s2";
import { buildS3, S3_EXPECTED } from "./scenarios/s3";
import { buildS4, S4_EXPECTED } from "./scenarios/s4";
import { buildS6, S6_EXPECTED } from "./scenarios/s6";

/** The whole one-way matrix of a scenario (every ordered pair) as cells. */
function matrixOf(scenario: Scenario) {
  const { model } = synthModel(scenario.app);
  const matrix = reachabilityMatrix(model, endpointIds(scenario));
  return { model, matrix, cells: parseGrid(matrix.render(labelOf(scenario))) };
}

describe("seed 000 VPN scenarios: whole reachability matrices", () => {
  test.each([
    ["S1 (VPC ↔ IDC over SPD)", buildS1, S1_EXPECTED],
    ["S2 (VPC-type gateway, route table, IDC transit)", buildS2, S2_EXPECTED],
    ["S3 (CCN-type gateway not attached)", buildS3, S3_EXPECTED],
    ["S4 (CCN-type gateway attached to a CCN)", buildS4, S4_EXPECTED],
    ["S6 (SPD, no IDC ↔ IDC)", buildS6, S6_EXPECTED],
  ])("%s", (_name, build, expected) => {
    expect(matrixOf(build()).cells).toEqual(parseGrid(expected));
  });

  test("S2 and S4: every ordered pair of distinct endpoints is REACHABLE", () => {
    for (const build of [buildS2, buildS4]) {
      const { matrix } = matrixOf(build());
      const n = matrix.size;
      expect(matrix.counts()).toEqual({ REACHABLE: n * (n - 1), ONE_WAY: 0, UNREACHABLE: 0 });
    }
  });

  test("S3: IDC pairs are REACHABLE, every IDC–VPC pair is UNREACHABLE", () => {
    const s = buildS3();
    const { matrix } = matrixOf(s);
    const idcs = ["IDC-1", "IDC-2", "IDC-3"].map((l) => s.endpoints[l]);
    for (const a of idcs) {
      expect(matrix.verdict(a, s.endpoints.VPC)).toBe("UNREACHABLE");
      for (const b of idcs) if (a !== b) expect(matrix.verdict(a, b)).toBe("REACHABLE");
    }
  });
});

describe("SPD vs route-table transit (S2/S3 vs S6)", () => {
  test("route-table mode: IDC-1 → IDC-2 turns around at the gateway by its route table", () => {
    const { model } = synthModel(buildS2().app);
    const t = trace(model, "172.16.0.1", "172.17.0.1");
    expect(t.verdict).toBe("DELIVERED");
    expect(t.hops.map((h) => [h.at.kind, h.at.id, h.entry?.table, h.entry?.entryId])).toEqual([
      ["IDC_SITE", "Idc1", "IDC_TUNNELS", "Gateway/Tunnel1"],
      ["VPN_GATEWAY", "Gateway", "VPN_GATEWAY_ROUTES", "Gateway/ToIdc2"],
      ["VPN_CONNECTION", "Gateway/Tunnel2", "VPN_TUNNEL", undefined],
      ["IDC_SITE", "Idc2", "LOCAL", undefined],
    ]);
    expect(t.deliveredTo).toEqual({ kind: "IDC_SITE", id: "Idc2", name: "Idc2" });
  });

  test("SPD mode: IDC-1's SPD tunnel carries only the VPC's block, so IDC-2 is not reachable (NO_TUNNEL)", () => {
    const { model } = synthModel(buildS6().app);
    const t = trace(model, "172.16.0.1", "172.17.0.1");
    expect(t.verdict).toBe("NO_TUNNEL");
    expect(t.droppedAt).toEqual({ kind: "IDC_SITE", id: "Idc1", name: "Idc1" });
    expect(t.reason).toContain("SPD gives no transit");
    const pair = analyzePair(model, "Idc1", "Idc2");
    expect(pair.verdict).toBe("UNREACHABLE");
  });

  test("SPD mode: the VPC reaches each IDC through the SPD policy of its connection", () => {
    const { model } = synthModel(buildS6().app);
    const t = trace(model, "10.0.1.1", "172.18.0.9");
    expect(t.verdict).toBe("DELIVERED");
    expect(t.hops.map((h) => [h.at.id, h.entry?.table, h.entry?.entryId])).toEqual([
      ["Vpc/App", "ROUTE_TABLE", "Vpc/MainRouteTable/ToIdc3"],
      ["Gateway", "SPD_POLICY", "Gateway/Tunnel3"],
      ["Gateway/Tunnel3", "VPN_TUNNEL", undefined],
      ["Idc3", "LOCAL", undefined],
    ]);
  });

  test("SPD admits only src ∈ remote, dst ∈ local: an IDC host outside the policy gets SPD_MISMATCH", () => {
    const s = buildS6();
    const { model } = synthModel(s.app);
    // IDC-1 also owns 172.20.0.0/16, which its SPD policy does not list.
    const widened = { ...model, idcSites: model.idcSites.map((x) => (x.id === "Idc1" ? { ...x, cidrs: [...x.cidrs, "172.20.0.0/16"] } : x)) };
    const t = trace(widened, "172.20.0.5", "10.0.1.1");
    expect(t.verdict).toBe("SPD_MISMATCH");
    expect(t.droppedAt?.id).toBe("Gateway");
    expect(t.reason).toContain("172.16.0.0/16 → 10.0.0.0/16");
  });
});

describe("CCN attached vs not (S3 vs S4)", () => {
  test("S4: IDC-1 reaches VPC-B in another region through the gateway's CCN, and the reply comes back the same way", () => {
    const { model } = synthModel(buildS4().app);
    const pair = analyzePair(model, "Idc1", "VpcB");
    expect(pair.verdict).toBe("REACHABLE");
    expect(pair.forward.hops.map((h) => `${h.at.kind} ${h.at.id}`)).toEqual([
      "IDC_SITE Idc1",
      "VPN_GATEWAY Gateway",
      "CCN Ccn",
      "VPC VpcB",
    ]);
    expect(pair.reverse.hops.map((h) => [h.at.id, h.entry?.table, h.entry?.destinationCidr])).toEqual([
      ["VpcB/App", "ROUTE_TABLE", "172.16.0.0/16"],
      ["Ccn", "CCN_ROUTES", "172.16.0.0/16"],
      ["Gateway", "VPN_GATEWAY_ROUTES", "172.16.0.0/16"],
      ["Gateway/Tunnel1", "VPN_TUNNEL", undefined],
      ["Idc1", "LOCAL", undefined],
    ]);
  });

  test("S4: the direct-connect network reaches an IDC through the CCN and the gateway", () => {
    const { model } = synthModel(buildS4().app);
    const t = trace(model, "192.168.0.1", "172.18.0.1");
    expect(t.verdict).toBe("DELIVERED");
    expect(t.hops.map((h) => h.at.id)).toEqual(["DirectConnect", "Ccn", "Gateway", "Gateway/Tunnel3", "Idc3"]);
  });

  test("S3: the unattached CCN-type gateway offers IDC-1 only the other IDCs, and the VPC has no route back", () => {
    const { model } = synthModel(buildS3().app);
    const out = trace(model, "172.16.0.1", "10.0.1.1");
    expect(out.verdict).toBe("NO_TUNNEL");
    expect(out.reason).toContain("attached to no CCN");
    const back = trace(model, "10.0.1.1", "172.16.0.1");
    expect(back.verdict).toBe("NO_ROUTE");
    expect(back.missingRoute).toEqual({ table: "ROUTE_TABLE", tableId: "Vpc/MainRouteTable", tableName: "route table Vpc/MainRouteTable", destinationCidr: "172.16.0.0/16" });
  });

  test("attaching S3's gateway and VPC to a CCN makes them reachable (same topology, one change)", () => {
    const s = buildS3();
    const { model } = synthModel(s.app);
    const attached = {
      ...model,
      ccns: [{ id: "Ccn", name: "Ccn" }],
      ccnAttachments: [
        { id: "Ccn/Vpc", ccn: "Ccn", instanceType: "VPC" as const, instance: "Vpc" },
        { id: "Ccn/Gateway", ccn: "Ccn", instanceType: "VPN_GATEWAY" as const, instance: "Gateway" },
      ],
    };
    expect(analyzePair(attached, "Idc1", "Vpc").verdict).toBe("REACHABLE");
    expect(analyzePair(model, "Idc1", "Vpc").verdict).toBe("UNREACHABLE");
  });
});
