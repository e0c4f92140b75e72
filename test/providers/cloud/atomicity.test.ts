import * as fs from "fs";
import * as path from "path";
import { CloudEngine } from "../../../providers/cloud";
import { ResourceTable } from "../../../providers/cloud/store/resources";
import { SecretTable } from "../../../providers/cloud/store/secrets";
import { TrafficTable } from "../../../providers/cloud/store/traffic";
import { ACCOUNT_A, ACCOUNT_B, as, connectionParams, refusal, snapshotStore, tempDir, World } from "./helpers";

/**
 * An action that fails half-way (a write has happened, a later one throws)
 * leaves the store exactly as it was, and the engine's caches agree.
 */
describe("atomicity", () => {
  let dir: string;
  let file: string;
  let engine: CloudEngine;
  beforeEach(() => {
    dir = tempDir();
    file = path.join(dir, "atomic.db");
    engine = CloudEngine.open({ path: file });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("a create whose secret cannot be stored leaves no connection behind", () => {
    const w = new World(engine);
    const { vpc } = w.vpc(["10.0.0.0/16"]);
    const gw = w.gateway(vpc);
    const dev = w.device("203.0.113.10", w.site(["192.168.0.0/16"]));
    const before = snapshotStore(file);
    jest.spyOn(SecretTable.prototype, "put").mockImplementationOnce(() => {
      throw new Error("disk full while storing Correct-Horse-9");
    });
    const err = refusal(() => w.request("CreateVpnConnection", connectionParams(gw, dev)));
    expect(err.code).toBe("InternalError");
    expect(err.message).not.toContain("Correct-Horse-9");
    expect(snapshotStore(file)).toEqual(before);
    expect(w.request("DescribeVpnConnections", {}).totalCount).toBe(0);
    expect(refusal(() => w.request("DescribeVpnConnections", { ids: ["vpnx-00000001"] })).code).toBe("ResourceNotFound");
    expect(w.connection(gw, dev)).toBe("vpnx-00000001");
  });

  test("a peering delete that fails after removing its routes keeps the routes", () => {
    const a = new World(engine);
    const b = new World(engine, ACCOUNT_B);
    const va = a.vpc(["10.0.0.0/16"]);
    const vb = b.vpc(["10.1.0.0/16"]);
    const peering = a.request("CreateVpcPeeringConnection", { name: "ab", requesterVpc: va.vpc, accepterVpc: vb.vpc, accepterAccount: ACCOUNT_B }).id as string;
    a.request("CreateRoute", { routeTable: va.table, destinationCidr: "10.1.0.0/16", nextHopType: "PEERING", nextHop: peering, enabled: true });
    b.request("CreateRoute", { routeTable: vb.table, destinationCidr: "10.0.0.0/16", nextHopType: "PEERING", nextHop: peering, enabled: true });
    const before = snapshotStore(file);
    const remove = ResourceTable.prototype.remove;
    let routesRemoved = 0;
    jest.spyOn(ResourceTable.prototype, "remove").mockImplementation(function (this: ResourceTable, row, refs) {
      if (row.type === "PeeringConnection") throw new Error("I/O error");
      routesRemoved++;
      return remove.call(this, row, refs);
    });
    expect(refusal(() => b.request("DeleteVpcPeeringConnection", { id: peering })).code).toBe("InternalError");
    expect(routesRemoved).toBe(2);
    expect(snapshotStore(file)).toEqual(before);
    expect(a.request("DescribeRoutes", {}).totalCount).toBe(1);
    expect(b.request("DescribeRoutes", {}).totalCount).toBe(1);
    expect(b.request("DescribeVpcPeeringConnections", { ids: [peering] }).totalCount).toBe(1);
  });

  test("a clock advance that fails on its second transition moves neither the clock nor the first", () => {
    const w = new World(engine);
    const g1 = w.gateway(w.vpc(["10.0.0.0/16"]).vpc);
    const g2 = w.gateway(w.vpc(["10.1.0.0/16"]).vpc);
    const before = snapshotStore(file);
    const update = ResourceTable.prototype.update;
    let calls = 0;
    jest.spyOn(ResourceTable.prototype, "update").mockImplementation(function (this: ResourceTable, row) {
      if (++calls === 2) throw new Error("I/O error");
      return update.call(this, row);
    });
    expect(refusal(() => w.request("AdvanceClock", { duration: "5m" })).code).toBe("InternalError");
    expect(snapshotStore(file)).toEqual(before);
    jest.restoreAllMocks();
    expect(engine.request("DescribeClock", {}, as(ACCOUNT_A)).elapsedSeconds).toBe(0);
    const states = (w.request("DescribeVpnGateways", { ids: [g1, g2] }).items as Array<{ state: string }>).map((g) => g.state);
    expect(states).toEqual(["PENDING", "PENDING"]);
  });

  test("a traffic record that fails on its third sample stores none of them, and replaces none", () => {
    const a = new World(engine);
    const b = new World(engine, ACCOUNT_B);
    const peering = a.request("CreateVpcPeeringConnection", {
      name: "ab",
      requesterVpc: a.vpc(["10.0.0.0/16"]).vpc,
      accepterVpc: b.vpc(["10.1.0.0/16"]).vpc,
      accepterAccount: ACCOUNT_B,
    }).id as string;
    b.request("AcceptVpcPeeringConnection", { id: peering });
    a.request("AdvanceClock", { duration: "1h" });
    a.request("RecordVpcPeeringTraffic", { peering, samples: [{ at: "2025-01-01T00:10:00Z", outMbps: 1, inMbps: 1 }] });
    const before = snapshotStore(file);
    const put = TrafficTable.prototype.put;
    let calls = 0;
    jest.spyOn(TrafficTable.prototype, "put").mockImplementation(function (this: TrafficTable, record) {
      if (++calls === 3) throw new Error("I/O error");
      return put.call(this, record);
    });
    const samples = ["00:00", "00:05", "00:10", "00:15"].map((t) => ({ at: `2025-01-01T${t}:00Z`, outMbps: 9, inMbps: 9 }));
    expect(refusal(() => a.request("RecordVpcPeeringTraffic", { peering, samples, replace: true })).code).toBe("InternalError");
    expect(snapshotStore(file)).toEqual(before);
    jest.restoreAllMocks();
    expect(a.request("DescribeVpcPeeringTraffic", { peering }).items).toEqual([expect.objectContaining({ at: "2025-01-01T00:10:00.000Z", outMbps: 1 })]);
  });
});
