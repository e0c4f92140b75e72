import fc from "fast-check";
import {
  ActiveStandbyVpn,
  Ccn,
  CcnAttachment,
  ConstructPropsError,
  CrossRegionPeering,
  CustomerGateway,
  DirectConnectGateway,
  HaDualCustomerGateway,
  HubSpokeVpn,
  HybridlinkError,
  IdcSite,
  NetworkApp,
  PeeringConnection,
  Route,
  RouteTable,
  SecretValue,
  SiteToSiteVpn,
  Subnet,
  Vpc,
  VpcPeering,
  VpnConnection,
  VpnGateway,
  VpnGatewayRoute,
} from "../../lib";

// Plain JavaScript callers: whatever a prop holds, constructing and synthesizing
// raise only hybridlink's own typed errors, never a TypeError from inside a construct.

type Props = Record<string, unknown>;
type Maker = (app: NetworkApp, props: Props) => unknown;

interface Case {
  readonly construct: string;
  /** Valid props for this app (every construct they reference already built). */
  readonly valid: (app: NetworkApp) => Props;
  readonly make: Maker;
}

const psk = SecretValue.fromEnv("PROPS_PSK");
const vpcOf = (app: NetworkApp, id = "Net", cidr = "10.20.0.0/16", region = "ap-shanghai") => new Vpc(app, id, { region, cidrs: [cidr] });
const siteOf = (app: NetworkApp) => new IdcSite(app, "Dc", { cidrs: ["172.20.0.0/16"] });

const CASES: Case[] = [
  { construct: "Vpc", valid: () => ({ region: "ap-shanghai", cidrs: ["10.20.0.0/16"], name: "net" }), make: (app, p) => new Vpc(app, "X", p as never) },
  { construct: "Subnet", valid: (app) => ({ vpc: vpcOf(app), cidr: "10.20.1.0/24", zone: "ap-shanghai-2" }), make: (app, p) => new Subnet(app, "X", p as never) },
  { construct: "RouteTable", valid: (app) => ({ vpc: vpcOf(app), main: false }), make: (app, p) => new RouteTable(app, "X", p as never) },
  {
    construct: "Route",
    valid: (app) => {
      const vpc = vpcOf(app);
      return { routeTable: vpc.mainRouteTable, destinationCidr: "172.20.0.0/16", nextHop: new VpnGateway(app, "Gw", { vpc }) };
    },
    make: (app, p) => new Route(app, "X", p as never),
  },
  { construct: "VpnGateway", valid: (app) => ({ vpc: vpcOf(app), bandwidthMbps: 200, type: "VPC" }), make: (app, p) => new VpnGateway(app, "X", p as never) },
  { construct: "CustomerGateway", valid: (app) => ({ ipAddress: "198.51.100.7", site: siteOf(app) }), make: (app, p) => new CustomerGateway(app, "X", p as never) },
  {
    construct: "VpnConnection",
    valid: (app) => {
      const vpc = vpcOf(app);
      const site = siteOf(app);
      return {
        vpnGateway: new VpnGateway(app, "Gw", { vpc }),
        customerGateway: site.addDevice("D", { ipAddress: "198.51.100.7" }),
        preSharedKey: psk,
        spdPolicies: [{ localCidrs: ["10.20.0.0/16"], remoteCidrs: ["172.20.0.0/16"] }],
        healthCheck: { localIp: "10.20.0.9", remoteIp: "172.20.0.1", intervalMs: 2000, retries: 3 },
        ike: { lifetimeSeconds: 86400 },
      };
    },
    make: (app, p) => new VpnConnection(app, "X", p as never),
  },
  {
    construct: "VpnGatewayRoute",
    valid: (app) => {
      const gw = new VpnGateway(app, "Gw", { vpc: vpcOf(app) });
      const connection = gw.addConnection("T", { customerGateway: siteOf(app).addDevice("D", { ipAddress: "198.51.100.7" }), preSharedKey: psk });
      return { vpnGateway: gw, destinationCidr: "172.20.0.0/16", connection };
    },
    make: (app, p) => new VpnGatewayRoute(app, "X", p as never),
  },
  { construct: "Ccn", valid: () => ({ name: "fabric" }), make: (app, p) => new Ccn(app, "X", p as never) },
  { construct: "CcnAttachment", valid: (app) => ({ ccn: new Ccn(app, "C"), instance: vpcOf(app) }), make: (app, p) => new CcnAttachment(app, "X", p as never) },
  { construct: "DirectConnectGateway", valid: () => ({ region: "ap-shanghai", onPremPrefixes: ["172.30.0.0/16"] }), make: (app, p) => new DirectConnectGateway(app, "X", p as never) },
  { construct: "IdcSite", valid: () => ({ cidrs: ["172.20.0.0/16"] }), make: (app, p) => new IdcSite(app, "X", p as never) },
  {
    construct: "PeeringConnection",
    valid: (app) => ({ requesterVpc: vpcOf(app), accepterVpc: vpcOf(app, "Other", "10.30.0.0/16") }),
    make: (app, p) => new PeeringConnection(app, "X", p as never),
  },
  {
    construct: "SiteToSiteVpn",
    valid: () => ({ vpc: { region: "ap-shanghai", cidrs: ["10.20.0.0/16"] }, site: { cidrs: ["172.20.0.0/16"] }, device: "198.51.100.7", preSharedKey: psk }),
    make: (app, p) => new SiteToSiteVpn(app, "X", p as never),
  },
  {
    construct: "HaDualCustomerGateway",
    valid: () => ({
      vpc: { region: "ap-shanghai", cidrs: ["10.20.0.0/16"] },
      site: { cidrs: ["172.20.0.0/16"] },
      primary: { device: "198.51.100.7", preSharedKey: psk },
      standby: { device: "198.51.100.8", preSharedKey: psk, healthCheck: { retries: 4 } },
    }),
    make: (app, p) => new HaDualCustomerGateway(app, "X", p as never),
  },
  {
    construct: "ActiveStandbyVpn",
    valid: (app) => ({
      vpnGateway: { type: "CCN", region: "ap-shanghai" },
      ccn: { vpcs: [vpcOf(app)] },
      site: { cidrs: ["172.20.0.0/16"] },
      primary: { device: "198.51.100.7", preSharedKey: psk },
      standby: { device: "198.51.100.8", preSharedKey: psk },
    }),
    make: (app, p) => new ActiveStandbyVpn(app, "X", p as never),
  },
  {
    construct: "HubSpokeVpn",
    valid: () => ({ vpc: { region: "ap-shanghai", cidrs: ["10.20.0.0/16"] }, idcTransit: true }),
    make: (app, p) => {
      const hub = new HubSpokeVpn(app, "X", p as never);
      hub.addSpoke("S1", { site: { cidrs: ["172.20.0.0/16"] }, device: "198.51.100.7", preSharedKey: psk });
      return hub;
    },
  },
  { construct: "VpcPeering", valid: (app) => ({ requester: vpcOf(app), accepter: vpcOf(app, "Other", "10.30.0.0/16") }), make: (app, p) => new VpcPeering(app, "X", p as never) },
  {
    construct: "CrossRegionPeering",
    valid: (app) => ({ requester: vpcOf(app), accepter: vpcOf(app, "Other", "10.30.0.0/16", "ap-beijing"), bandwidthMbps: 100 }),
    make: (app, p) => new CrossRegionPeering(app, "X", p as never),
  },
];

// `npm test` runs a bounded number with a fixed seed; `npm run fuzz` many more with a fresh one (PROPS_SEED replays one).
const PROPS_RUNS = Number(process.env.PROPS_RUNS ?? 600);
const PROPS_SEED = process.env.PROPS_SEED !== undefined ? Number(process.env.PROPS_SEED) : process.env.PROPS_RUNS ? Date.now() % 2 ** 31 : 1104;

/** Values a plain-JS caller might pass by mistake. */
const junk = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, NaN, Infinity, -1, 0, 1.5, "", " ", "aws", "10.0.0.0/33", "1.2.3", "x".repeat(300), "a\nb", true, {}, [], [null], [""], () => 1),
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.constant("CONSTRUCT"),
);

/** Dotted paths to every value inside props (not inside constructs or secrets). */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = prefix.length ? [prefix] : [];
  const plain = typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (plain) for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

function replaced(props: Props, path: (string | number)[], value: unknown): Props {
  const copy = structuredCloneShallow(props) as Props;
  let holder: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    holder[key] = structuredCloneShallow(holder[key]);
    holder = holder[key] as Record<string | number, unknown>;
  }
  if (value === undefined) delete holder[path[path.length - 1]];
  else holder[path[path.length - 1]] = value;
  return copy;
}

function structuredCloneShallow(value: unknown): unknown {
  if (Array.isArray(value)) return [...value];
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) return { ...value };
  return value;
}

/** Runs `make`, then synth; returns the error thrown, if any. */
function attempt(app: NetworkApp, make: () => unknown): unknown {
  try {
    make();
    app.synth();
    return undefined;
  } catch (err) {
    return err;
  }
}

function describeError(err: unknown): string {
  return err instanceof Error ? `${err.constructor.name}: ${err.message.split("\n")[0]}` : String(err);
}

describe("construct props from plain JavaScript", () => {
  it.each(CASES.map((c) => [c.construct, c]))("%s with valid props synthesizes", (_name, c) => {
    const app = new NetworkApp({ profile: "tencent" });
    expect(describeError(attempt(app, () => c.make(app, c.valid(app))))).toBe("undefined");
  });

  it(`any one prop (or nested value) replaced by junk: only hybridlink's typed errors, and the tree stays synthesizable (${PROPS_RUNS} runs, seed ${PROPS_SEED})`, () => {
    fc.assert(
      fc.property(fc.nat(CASES.length - 1), fc.nat(), junk, fc.boolean(), (pick, pathPick, value, wholeProps) => {
        const c = CASES[pick];
        const app = new NetworkApp({ profile: "tencent" });
        const valid = c.valid(app);
        const paths = pathsOf(valid);
        const given = value === "CONSTRUCT" ? new Ccn(app, "Stray") : value;
        const props = wholeProps ? given : replaced(valid, paths[pathPick % paths.length], given);
        const err = attempt(app, () => c.make(app, props as Props));
        if (err !== undefined && !HybridlinkError.isHybridlinkError(err)) throw new Error(`${c.construct}: untyped ${describeError(err)}`);
        if (ConstructPropsError.isConstructPropsError(err)) {
          // Refused before joining the tree: the rest of the app still synthesizes (or fails only on its own rules).
          const after = attempt(app, () => undefined);
          if (after !== undefined && !HybridlinkError.isHybridlinkError(after)) throw new Error(`after refusal: ${describeError(after)}`);
          expect(app.node.tryFindChild("X")).toBeUndefined();
        }
      }),
      { numRuns: PROPS_RUNS, seed: PROPS_SEED },
    );
  });

  it("fails when cidrs is null: names the construct path, the prop, the value and what is allowed", () => {
    const app = new NetworkApp();
    const err = attempt(app, () => new IdcSite(app, "Branch", { cidrs: null as never }));
    expect(ConstructPropsError.isConstructPropsError(err)).toBe(true);
    expect((err as ConstructPropsError).message).toContain("[Branch] [HL-PROPS-001] IdcSite");
    expect((err as ConstructPropsError).problems).toEqual([{ prop: "cidrs", received: "null", allowed: 'an array of CIDR blocks such as "10.0.0.0/16"' }]);
  });

  it("fails when a device is {} or a pre-shared key is null, naming the pattern's own props", () => {
    const app = new NetworkApp();
    const err = attempt(
      app,
      () =>
        new SiteToSiteVpn(app, "Branch", {
          vpc: { region: "ap-shanghai", cidrs: ["10.40.0.0/16"] },
          site: { cidrs: ["172.40.0.0/16"] },
          device: {} as never,
          preSharedKey: null as never,
        }),
    ) as ConstructPropsError;
    expect(err.path).toBe("Branch");
    expect(err.problems.map((p) => `${p.prop}=${p.received}`)).toEqual(["device={}", "preSharedKey=null"]);
    expect(err.message).toContain("expected a SecretValue");
  });

  it("fails for an unknown profile, a malformed account ID and a huge or empty name, before anything is built", () => {
    expect(attempt(new NetworkApp(), () => new NetworkApp({ profile: "aws" as never }))).toMatchObject({ code: "HL-PROPS-001" });
    expect(attempt(new NetworkApp(), () => new NetworkApp({ defaultAccount: "not-an-account" }))).toMatchObject({ code: "HL-PROPS-001" });
    expect(attempt(new NetworkApp(), () => new NetworkApp({ trustedAccounts: ["300000000003", ""] }))).toMatchObject({ message: expect.stringContaining("trustedAccounts[1]") });
    const app = new NetworkApp();
    const huge = attempt(app, () => new Vpc(app, "V", { region: "ap-shanghai", cidrs: ["10.50.0.0/16"], name: "n".repeat(200_000) })) as Error;
    expect(huge.message).toContain("a string of 200000 characters");
    expect(huge.message.length).toBeLessThan(500);
    expect(attempt(app, () => new Vpc(app, "", { region: "ap-shanghai", cidrs: ["10.50.0.0/16"] }))).toMatchObject({ message: expect.stringContaining("id: received \"\"") });
    expect(attempt(app, () => new Vpc(app, "W", { region: "ap-shanghai", cidrs: ["10.50.0.0/16"], account: "acct-2" }))).toMatchObject({ message: expect.stringContaining("account: received \"acct-2\"") });
    expect(app.node.children).toHaveLength(0);
  });

  it("never echoes a key given where a SecretValue belongs", () => {
    const app = new NetworkApp();
    const err = attempt(app, () => new SiteToSiteVpn(app, "S", { vpc: { region: "ap-shanghai", cidrs: ["10.40.0.0/16"] }, site: { cidrs: ["172.40.0.0/16"] }, device: "198.51.100.9", preSharedKey: "hunter2-very-secret" as never })) as Error;
    expect(err.message).toContain("preSharedKey");
    expect(err.message).not.toContain("hunter2");
  });
});
