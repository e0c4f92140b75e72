import { analyzePair, failDevice, NetworkModel, PairVerdict, reachabilityMatrix, Trace } from "../../lib/net";
import { parseGrid } from "./grid";
import { ActiveStandbyScenario, buildS5a } from "./scenarios/s5a";
import { buildS5b } from "./scenarios/s5b";
import { buildHa } from "./scenarios/ha";
import { endpointIds, labelOf, synthModel } from "./scenarios/common";

/** The connection a trace went through: the gateway's side shows it as a place, the IDC's as its tunnel entry. */
function tunnelOf(t: Trace): string | undefined {
  return (
    t.hops.find((h) => h.at.kind === "VPN_CONNECTION")?.at.id ?? t.hops.find((h) => h.entry?.table === "IDC_TUNNELS")?.entry?.entryId
  );
}

/** A device back up: its tunnels negotiate again at once; route selection follows once detected. */
function recovered(failed: NetworkModel, device: string, detected: boolean): NetworkModel {
  return {
    ...failed,
    customerGateways: failed.customerGateways.map((c) => (c.id === device ? { ...c, up: true } : c)),
    connections: failed.connections.map((c) =>
      c.customerGateway === device ? { ...c, tunnelUp: true, routable: detected ? true : c.routable } : c,
    ),
  };
}

/** What the timeline asserts at each step: pair verdict, and the tunnels each direction used (or its drop). */
function observe(p: PairVerdict): string {
  const leg = (t: Trace) => (t.verdict === "DELIVERED" ? `via ${tunnelOf(t)}` : t.verdict);
  return `${p.verdict} cloud→idc ${leg(p.forward)} idc→cloud ${leg(p.reverse)}`;
}

const scenarios: Array<[string, (o?: { healthChecks?: boolean }) => ActiveStandbyScenario]> = [
  ["S5a (one VPC, priority 0/100)", buildS5a],
  ["S5b (CCN: two VPCs in two regions and a DC network)", buildS5b],
  ["HA of seed 001 (alibaba, weight 100/0, published to the VPC)", buildHa],
];

describe.each(scenarios)("failover timeline: %s", (_name, build) => {
  const s = build();
  const { model } = synthModel(s.app);
  const [device1, device2] = s.devices;
  const [tunnel1, tunnel2] = s.tunnels;
  const clouds = Object.entries(s.endpoints).filter(([label]) => label !== "IDC");

  test.each(clouds)("%s: primary, lost before detection, standby after, primary again after recovery", (_label, cloud) => {
    const step = (m: NetworkModel) => observe(analyzePair(m, cloud, s.idc));
    const failedEarly = failDevice(model, device1, "BEFORE_DETECTION");
    const failed = failDevice(model, device1, "AFTER_DETECTION");
    const back = recovered(failed, device1, false);
    const settled = recovered(failed, device1, true);
    expect([step(model), step(failedEarly), step(failed), step(back), step(settled)]).toEqual([
      `REACHABLE cloud→idc via ${tunnel1} idc→cloud via ${tunnel1}`,
      // The IDC knows its own device is down at once; the cloud keeps the preferred route until detection.
      `ONE_WAY cloud→idc TUNNEL_DOWN idc→cloud via ${tunnel2}`,
      `REACHABLE cloud→idc via ${tunnel2} idc→cloud via ${tunnel2}`,
      // Fail-back waits for detection too: until then the cloud stays on the standby route.
      `REACHABLE cloud→idc via ${tunnel2} idc→cloud via ${tunnel1}`,
      `REACHABLE cloud→idc via ${tunnel1} idc→cloud via ${tunnel1}`,
    ]);
  });

  test("the packet lost before detection names the down tunnel and the failed device", () => {
    const t = analyzePair(failDevice(model, device1, "BEFORE_DETECTION"), clouds[0][1], s.idc).forward;
    expect(t.verdict).toBe("TUNNEL_DOWN");
    expect(t.droppedAt?.id).toBe(tunnel1);
    expect(t.reason).toContain(`customer gateway ${device1.split("/").pop()} is down`);
  });

  test("after detection the gateway hop says the standby route took over", () => {
    const t = analyzePair(failDevice(model, device1), clouds[0][1], s.idc).forward;
    const gatewayHop = t.hops.find((h) => h.entry?.table === "VPN_GATEWAY_ROUTES");
    expect(gatewayHop?.entry?.nextHop).toBe(tunnel2);
    expect(gatewayHop?.entry?.note).toContain("standby");
  });

  test("both devices down: the preferred route stays in place and packets are lost both ways", () => {
    const both = failDevice(failDevice(model, device1), device2);
    const p = analyzePair(both, clouds[0][1], s.idc);
    expect(observe(p)).toBe("UNREACHABLE cloud→idc TUNNEL_DOWN idc→cloud NO_TUNNEL");
    expect(p.forward.droppedAt?.id).toBe(tunnel1);
  });

  test("without health checks the route never moves: a blackhole, before and long after the failure", () => {
    const blind = synthModel(build({ healthChecks: false }).app).model;
    expect(blind.connections.every((c) => !c.healthCheckEnabled)).toBe(true);
    for (const phase of ["BEFORE_DETECTION", "AFTER_DETECTION"] as const) {
      for (const [, cloud] of clouds) {
        expect(observe(analyzePair(failDevice(blind, device1, phase), cloud, s.idc))).toBe(
          `ONE_WAY cloud→idc TUNNEL_DOWN idc→cloud via ${tunnel2}`,
        );
      }
    }
  });
});

describe("S5b whole matrices through the failover (every cloud network and the IDC)", () => {
  const s = buildS5b();
  const { model } = synthModel(s.app);
  const grid = (m: NetworkModel) => parseGrid(reachabilityMatrix(m, endpointIds(s)).render(labelOf(s)));

  test("before any failure, and after detection of device 1's failure: everything reaches everything", () => {
    const all = `
          VPC-A VPC-B DC IDC
    VPC-A -     .     .  .
    VPC-B .     -     .  .
    DC    .     .     -  .
    IDC   .     .     .  -`;
    expect(grid(model)).toEqual(parseGrid(all));
    expect(grid(failDevice(model, s.devices[0]))).toEqual(parseGrid(all));
  });

  test("between the failure and its detection: every cloud network loses its packets to the IDC", () => {
    expect(grid(failDevice(model, s.devices[0], "BEFORE_DETECTION"))).toEqual(
      parseGrid(`
          VPC-A       VPC-B       DC          IDC
    VPC-A -           .           .           TUNNEL_DOWN
    VPC-B .           -           .           TUNNEL_DOWN
    DC    .           .           -           TUNNEL_DOWN
    IDC   .           .           .           -`),
    );
  });
});
