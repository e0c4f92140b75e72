import { NEGOTIATION_SOURCES, findProfile } from "../../../lib/core/profiles";
import { memoryEngine, refusal, World } from "./helpers";

type Json = Record<string, unknown>;

/** A provisioned VPC-type gateway (10.0.0.0/16) and one IDC (192.168.0.0/16) routed through it. */
function world(profile: "tencent" | "alibaba" = "tencent") {
  const engine = memoryEngine(profile);
  const w = new World(engine);
  const region = profile === "alibaba" ? "cn-hangzhou" : "ap-guangzhou";
  const { vpc, table } = w.vpc(["10.0.0.0/16"], region);
  w.subnet(vpc, table, "10.0.0.0/24");
  w.subnet(vpc, table, "10.0.2.0/24");
  const gw = w.gateway(vpc, region);
  const site = w.site(["192.168.0.0/16"]);
  const device = w.device("203.0.113.1", site);
  w.request("CreateRoute", { routeTable: table, destinationCidr: "192.168.0.0/16", nextHopType: "VPN_GATEWAY", nextHop: gw, enabled: true });
  const connect = (overrides: Json = {}) => {
    const id = w.connection(gw, device, overrides);
    w.request("AdvanceClock", { duration: "5m" });
    return id;
  };
  const describe = (id: string) => (w.request("DescribeVpnConnections", { ids: [id] }).items as Json[])[0];
  const verdict = (source: string, destination: string) => (w.request("Trace", { source, destination }).trace as Json).verdict;
  return { engine, w, gw, device, site, connect, describe, verdict };
}

const ALIBABA_IKE = { version: "ikev2", encryption: "aes256", integrity: "sha256", dhGroup: "group14", lifetimeSeconds: 86400 };
const ALIBABA_IPSEC = { encryption: "aes256", integrity: "sha256", pfsDhGroup: "group14", lifetimeSeconds: 86400 };

describe("the engine records what a negotiation needs (issue 18, gap 5)", () => {
  test("tencent defaults, each cited: identities are the public IPs, DPD off, the gateway initiates, NAT-T on", () => {
    const { connect, describe } = world();
    const item = describe(connect());
    expect(item.negotiation).toEqual({
      localId: "101.33.0.1",
      remoteId: "203.0.113.1",
      initiation: "active",
      dpd: { enabled: false, timeoutSeconds: 30, action: "restart" },
      natTraversal: true,
      ikePrf: "SHA-256",
      ikeLifetime: { rekeySeconds: 77760, hardSeconds: 86400 },
      ipsecLifetime: { rekeySeconds: 3240, hardSeconds: 3600 },
      trafficSelectors: [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["192.168.0.0/16"] }],
    });
    const sources = findProfile("tencent").ipsec.negotiation.sources;
    expect(sources.dpd).toMatch(/^cloud-api: Tencent CreateVpnConnection DpdEnable/);
    expect(sources.initiation).toMatch(/^cloud-api: .*NegotiationType/);
    expect(sources.natTraversal).toMatch(/^assumption: /);
    expect(NEGOTIATION_SOURCES.prf).toMatch(/^assumption: /);
    expect(NEGOTIATION_SOURCES.narrowing).toMatch(/^RFC 7296 §2\.9/);
  });

  test("alibaba defaults: DPD on (clear), negotiation on traffic (EffectImmediately false)", () => {
    const { w, gw, device } = world("alibaba");
    const id = w.connection(gw, device, { ike: ALIBABA_IKE, ipsec: ALIBABA_IPSEC });
    const item = (w.request("DescribeVpnConnections", { ids: [id] }).items as Json[])[0];
    expect(item.negotiation).toMatchObject({ initiation: "flowTrigger", dpd: { enabled: true, timeoutSeconds: 30, action: "clear" }, natTraversal: true });
  });

  test("a route-based connection records the 0.0.0.0/0 selectors it proposes", () => {
    const { connect, describe } = world();
    const item = describe(connect({ routeType: "ROUTE", spdPolicies: [] }));
    expect((item.negotiation as Json).trafficSelectors).toEqual([{ localCidrs: ["0.0.0.0/0"], remoteCidrs: ["0.0.0.0/0"] }]);
    expect(item.negotiatedSelectors).toEqual([{ localCidrs: ["0.0.0.0/0"], remoteCidrs: ["0.0.0.0/0"] }]);
  });

  test("identities, DPD and initiation are set at create and changed by Modify", () => {
    const { w, connect, describe } = world();
    const id = connect({ negotiation: { localId: "gw.example.com", dpd: { enabled: true, timeoutSeconds: 6 }, initiation: "passive" } });
    expect(describe(id).negotiation).toMatchObject({ localId: "gw.example.com", remoteId: "203.0.113.1", initiation: "passive", dpd: { enabled: true, timeoutSeconds: 6, action: "restart" } });
    w.request("ModifyVpnConnectionAttribute", { id, negotiation: { dpd: { action: "clear" } } });
    expect(describe(id).negotiation).toMatchObject({ localId: "gw.example.com", initiation: "passive", dpd: { enabled: true, timeoutSeconds: 6, action: "clear" } });
  });

  test.each([
    ["a DPD timeout out of range", { dpd: { timeoutSeconds: 0 } }, "negotiation.dpd.timeoutSeconds"],
    ["an unknown initiation", { initiation: "eager" }, "negotiation.initiation"],
    ["an identity with a space", { remoteId: "my device" }, "negotiation.remoteId"],
    ["a derived field", { ikePrf: "SHA1" }, "ikePrf"],
  ])("fails when the request has %s, and creates nothing", (_what, negotiation, where) => {
    const { w, gw, device } = world();
    const err = refusal(() => w.connection(gw, device, { negotiation }));
    expect(err.code).toMatch(/^(InvalidParameter|UnknownParameter)/);
    expect(err.message).toContain(where);
    expect(w.request("DescribeVpnConnections", {}).items).toEqual([]);
  });

  test("exchangeMode is an IKEv1 field: absent from an IKEv2 connection's Describe, kept for IKEv1", () => {
    const { connect, describe } = world();
    expect(describe(connect()).ike).not.toHaveProperty("exchangeMode");
    const v1 = describe(connect({ name: "v1", ike: { version: "IKEV1", encryption: "AES-CBC-256", integrity: "SHA-256", dhGroup: "GROUP14", lifetimeSeconds: 86400, exchangeMode: "AGGRESSIVE" } }));
    expect(v1.ike).toMatchObject({ exchangeMode: "AGGRESSIVE" });
  });
});

describe("negotiate agrees with IKEv2 traffic-selector narrowing (RFC 7296 §2.9)", () => {
  test("a wider device selector (10.0.0.0/8) negotiates the cloud's 10.0.0.0/16", () => {
    const { connect, describe, verdict } = world();
    const id = connect({ customerDevice: { remoteCidrs: ["10.0.0.0/8"] } });
    expect(describe(id)).toMatchObject({ state: "AVAILABLE", negotiatedSelectors: [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["192.168.0.0/16"] }] });
    expect(verdict("192.168.0.10", "10.0.0.10")).toBe("DELIVERED");
  });

  test("a narrower device selector (10.0.0.0/24) narrows the CHILD_SA: the rest of the VPC is not carried", () => {
    const { connect, describe, verdict } = world();
    const id = connect({ customerDevice: { remoteCidrs: ["10.0.0.0/24"] } });
    expect(describe(id)).toMatchObject({ state: "AVAILABLE", negotiatedSelectors: [{ localCidrs: ["10.0.0.0/24"], remoteCidrs: ["192.168.0.0/16"] }] });
    expect(verdict("192.168.0.10", "10.0.0.10")).toBe("DELIVERED");
    expect(verdict("192.168.0.10", "10.0.2.10")).not.toBe("DELIVERED");
    expect(verdict("10.0.2.10", "192.168.0.10")).not.toBe("DELIVERED");
  });

  test("a selector outside what the cloud accepts fails (TS_UNACCEPTABLE)", () => {
    const { connect, describe } = world();
    const item = describe(connect({ customerDevice: { remoteCidrs: ["172.16.0.0/16"] } }));
    expect(item).toMatchObject({ state: "NEGOTIATION_FAILED", stateReason: "SUBNET_MISMATCH" });
    expect(item.stateDetail).toContain("TS_UNACCEPTABLE");
  });

  test("IKEv1 has no narrowing: a wider device selector fails", () => {
    const { connect, describe } = world();
    const ike = { version: "IKEV1", encryption: "AES-CBC-256", integrity: "SHA-256", dhGroup: "GROUP14", lifetimeSeconds: 86400, exchangeMode: "MAIN" };
    expect(describe(connect({ ike, customerDevice: { remoteCidrs: ["10.0.0.0/8"] } }))).toMatchObject({ state: "NEGOTIATION_FAILED", stateReason: "SUBNET_MISMATCH" });
  });
});

describe("a PFS group the device lacks: up at first, the first CHILD_SA rekey fails", () => {
  test("AVAILABLE with rekeyStatus FAILS, then down once the CHILD_SA's hard lifetime has passed", () => {
    const { w, connect, describe } = world();
    const id = connect({ customerDevice: { ipsec: { pfsDhGroup: "NULL" } } });
    const item = describe(id);
    expect(item).toMatchObject({ state: "AVAILABLE", tunnelUp: true, rekeyStatus: "FAILS" });
    expect(item.rekeyDetail).toContain("CREATE_CHILD_SA");
    w.request("AdvanceClock", { duration: "1h" });
    expect(describe(id)).toMatchObject({ state: "NEGOTIATION_FAILED", stateReason: "REKEY_FAILED", tunnelUp: false });
  });

  test("under IKEv1 the PFS group is part of Quick Mode: it fails at once", () => {
    const { connect, describe } = world();
    const ike = { version: "IKEV1", encryption: "AES-CBC-256", integrity: "SHA-256", dhGroup: "GROUP14", lifetimeSeconds: 86400, exchangeMode: "MAIN" };
    expect(describe(connect({ ike, customerDevice: { ipsec: { pfsDhGroup: "NULL" } } }))).toMatchObject({ state: "NEGOTIATION_FAILED", stateReason: "PROPOSAL_MISMATCH" });
  });
});
