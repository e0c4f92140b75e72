import { HybridlinkError } from "../../lib";
import { firstHost, listEndpoints, parseCidr, representativeIp, resolveEndpoint, tryResolveEndpoint } from "../../lib/net";
import { synthModel } from "./scenarios/common";
import { buildP1 } from "./scenarios/p1";
import { buildS4 } from "./scenarios/s4";

function errorOf(fn: () => unknown): HybridlinkError {
  try {
    fn();
  } catch (e) {
    if (HybridlinkError.isHybridlinkError(e)) return e;
    throw e;
  }
  throw new Error("expected an error");
}

describe("endpoints", () => {
  test("every VPC, subnet, IDC site and direct-connect gateway, with its representative address and block", () => {
    const { model } = synthModel(buildS4().app);
    expect(listEndpoints(model).map((e) => [e.kind, e.id, e.ip, e.cidr])).toEqual([
      ["VPC", "VpcA", "10.1.1.1", "10.1.0.0/16"],
      ["VPC", "VpcB", "10.2.1.1", "10.2.0.0/16"],
      ["SUBNET", "VpcA/App", "10.1.1.1", "10.1.1.0/24"],
      ["SUBNET", "VpcB/App", "10.2.1.1", "10.2.1.0/24"],
      ["IDC_SITE", "Idc1", "172.16.0.1", "172.16.0.0/16"],
      ["IDC_SITE", "Idc2", "172.17.0.1", "172.17.0.0/16"],
      ["IDC_SITE", "Idc3", "172.18.0.1", "172.18.0.0/16"],
      ["DIRECT_CONNECT_GATEWAY", "DirectConnect", "192.168.0.1", "192.168.0.0/16"],
    ]);
  });

  test("a VPC without subnets stands for the first host of its first CIDR", () => {
    const { model } = synthModel(buildP1().app);
    expect(representativeIp(model, "Vpc3")).toBe("10.3.0.1");
  });

  test("first usable host: network + 1, or the network itself for /31 and /32", () => {
    expect(firstHost(parseCidr("10.0.0.0/24"))).toBe(parseCidr("10.0.0.1/32").start);
    expect(firstHost(parseCidr("10.0.0.4/31"))).toBe(parseCidr("10.0.0.4/32").start);
    expect(firstHost(parseCidr("10.0.0.9/32"))).toBe(parseCidr("10.0.0.9/32").start);
  });

  test("resolved by ID, by unique name, or by an address inside it", () => {
    const { model } = synthModel(buildS4().app);
    expect(resolveEndpoint(model, "VpcB/App").kind).toBe("SUBNET");
    expect(resolveEndpoint(model, "DirectConnect").id).toBe("DirectConnect");
    const byIp = resolveEndpoint(model, "10.2.1.77");
    expect([byIp.kind, byIp.id, byIp.ip, byIp.cidr]).toEqual(["SUBNET", "VpcB/App", "10.2.1.77", "10.2.1.0/24"]);
    const inVpc = resolveEndpoint(model, "10.2.200.1");
    expect([inVpc.kind, inVpc.id, inVpc.cidr]).toEqual(["VPC", "VpcB", "10.2.0.0/16"]);
    expect(tryResolveEndpoint(model, "203.0.113.1")).toBeUndefined();
  });

  test("an ambiguous name is an error listing the candidates' IDs", () => {
    const { model } = synthModel(buildS4().app);
    const e = errorOf(() => resolveEndpoint(model, "App"));
    expect(e.code).toBe("AmbiguousEndpoint");
    expect(e.message).toContain("SUBNET VpcA/App, SUBNET VpcB/App");
  });

  test("an unknown endpoint is an error saying what is accepted", () => {
    const { model } = synthModel(buildS4().app);
    const e = errorOf(() => resolveEndpoint(model, "Nowhere"));
    expect(e.code).toBe("UnknownEndpoint");
    expect(e.message).toContain("give the ID or name of a VPC, subnet, IDC site or direct-connect gateway");
    expect(errorOf(() => representativeIp(model, "Nowhere")).code).toBe("UnknownEndpoint");
  });
});
