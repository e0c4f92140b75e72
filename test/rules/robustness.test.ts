import fc from "fast-check";
import { Ccn, DirectConnectGateway, IdcSite, NetworkApp, RoutePreference, SecretValue, Vpc, VpnGateway } from "../../lib";
import { RESOURCE_SCHEMA } from "../../lib/rules/manifest/schema";
import { EditableManifest, manifestOf, validateEdited } from "./helpers";

/** An app touching every resource type, so mangling it reaches every rule's readers. */
function everything(): EditableManifest {
  const app = new NetworkApp({ trustedAccounts: ["222"] });
  const psk = SecretValue.fromEnv("PSK");
  const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
  vpc.addSubnet("Web", { cidr: "10.0.1.0/24" });
  const peer = new Vpc(app, "Peer", { region: "ap-beijing", cidrs: ["10.1.0.0/16"], account: "222" });
  vpc.peerWith("Peering", peer, { bandwidthMbps: 100 }).routeBothWays();
  const gateway = new VpnGateway(app, "Gw", { vpc });
  const site = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
  const check = { localIp: "10.0.0.9", remoteIp: "192.168.0.9" };
  const t1 = gateway.addConnection("T1", { customerGateway: site.addDevice("D1", { ipAddress: "203.0.113.1" }), preSharedKey: psk, healthCheck: check });
  const t2 = gateway.addConnection("T2", {
    customerGateway: site.addDevice("D2", { ipAddress: "203.0.113.2" }),
    preSharedKey: psk,
    healthCheck: check,
    spdPolicies: [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["192.168.0.0/16"] }],
    customerDevice: { preSharedKey: psk, localCidrs: ["192.168.0.0/16"], remoteCidrs: ["10.0.0.0/16"] },
  });
  gateway.addRoute("Active", { destinationCidr: "192.168.0.0/16", connection: t1 });
  gateway.addRoute("Standby", { destinationCidr: "192.168.0.0/16", connection: t2, preference: RoutePreference.STANDBY });
  vpc.addRoute("ToIdc", { destinationCidr: "192.168.0.0/16", nextHop: gateway });
  const ccn = new Ccn(app, "Ccn");
  const ccnGateway = new VpnGateway(app, "CcnGw", { type: "CCN", region: "ap-guangzhou" });
  ccn.attach("A1", vpc); // the CCN's own account: another account's VPC is HL-MAN-007
  ccn.attach("A2", ccnGateway);
  ccn.attach("A3", new DirectConnectGateway(app, "Dc", { region: "ap-guangzhou", onPremPrefixes: ["172.16.0.0/16"] }));
  return manifestOf(app);
}

const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.string({ maxLength: 8 }),
  fc.constant([]),
  fc.constant([null]),
  fc.constant({}),
  fc.constant({ ref: "Nowhere", attr: "id" }),
  fc.constant({ secret: {} }),
);

describe("rules over mangled manifests", () => {
  it("never throw, whatever a prop holds (every finding comes from a rule that ran)", () => {
    const base = everything();
    fc.assert(
      fc.property(fc.nat(), fc.nat(), junk, (resourcePick, propPick, value) => {
        const manifest: EditableManifest = JSON.parse(JSON.stringify(base));
        const resource = manifest.resources[resourcePick % manifest.resources.length];
        const names = Object.keys(resource.props);
        const name = names[propPick % names.length];
        if (value === undefined) delete resource.props[name];
        else resource.props[name] = value;
        const report = validateEdited(manifest);
        const crashed = report.findings.filter((f) => f.message.startsWith("The rule failed to run")).map((f) => `${f.ruleId}: ${f.message}`);
        expect(crashed).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("never throw when a resource's props or envelope are replaced", () => {
    const base = everything();
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom("props", "type", "logicalId", "dependsOn", "account"), junk, (pick, key, value) => {
        const manifest: EditableManifest = JSON.parse(JSON.stringify(base));
        manifest.resources[pick % manifest.resources.length][key] = value;
        const report = validateEdited(manifest);
        expect(report.findings.filter((f) => f.message.startsWith("The rule failed to run")).map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("never throw when a nested value (IKE options, health check, SPD policy, CIDR list item) is replaced", () => {
    const base = everything();
    const paths: Array<Array<string | number>> = [];
    const walk = (value: unknown, path: Array<string | number>): void => {
      if (path.length > 2) paths.push(path);
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
      else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    base.resources.forEach((r, i) => walk(r.props, [i, "props"]));
    fc.assert(
      fc.property(fc.nat(), junk, (pick, value) => {
        const manifest: EditableManifest = JSON.parse(JSON.stringify(base));
        const path = paths[pick % paths.length];
        let holder: any = manifest.resources;
        for (const key of path.slice(0, -1)) holder = holder[key];
        holder[path[path.length - 1]] = value;
        const report = validateEdited(manifest);
        expect(report.findings.filter((f) => f.message.startsWith("The rule failed to run")).map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("names, on every finding about a resource, an input prop of its type (what a provider's check reports)", () => {
    const base = everything();
    const envelope = ["", "logicalId", "path", "account", "dependsOn", "type", "props"];
    fc.assert(
      fc.property(fc.nat(), fc.nat(), junk, (resourcePick, propPick, value) => {
        const manifest: EditableManifest = JSON.parse(JSON.stringify(base));
        const resource = manifest.resources[resourcePick % manifest.resources.length];
        const names = Object.keys(resource.props);
        resource.props[names[propPick % names.length]] = value;
        const byId = new Map(manifest.resources.map((r) => [r.logicalId, r]));
        for (const finding of validateEdited(manifest).findings) {
          const target = finding.resource ? byId.get(finding.resource) : undefined;
          if (!target || finding.property === undefined) continue;
          const top = finding.property.split(/[.[]/)[0];
          const known = [...envelope, ...Object.keys(RESOURCE_SCHEMA[target.type as keyof typeof RESOURCE_SCHEMA] ?? {})];
          // HL-MAN-006 names the unknown prop itself.
          if (finding.ruleId !== "HL-MAN-006") expect(known).toContain(top);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("the unmangled app is clean apart from acknowledgeable warnings", () => {
    const report = validateEdited(everything());
    expect(report.errors).toEqual([]);
  });
});
