import { CloudEngine } from "../../../../providers/cloud";

type Json = Record<string, unknown>;

/** Both sides of one connection, as the engine renders them. */
export interface TunnelConfigs {
  /** The simulated gateway's side (`side: cloud`), from the engine's own records. */
  readonly cloud: string;
  /** The IDC device's side: the customer download, exactly as downloaded unless a test edits it. */
  readonly device: string;
}

/**
 * Renders both sides with the keys. The one change the laboratory makes is
 * `encap = yes` on the cloud side: kernel-libipsec handles only
 * UDP-encapsulated ESP, and forcing it on one side makes both use it.
 */
export function tunnelConfigs(engine: CloudEngine, account: string, connection: string): TunnelConfigs {
  const render = (side: "cloud" | "customer") =>
    engine.request("DownloadCustomerGatewayConfiguration", { id: connection, format: "swanctl", includePreSharedKey: true, side }, { account }).configuration as string;
  const cloud = render("cloud").replace(/^(\s+)(version = \d)$/m, "$1$2\n$1encap = yes");
  if (!cloud.includes("encap = yes")) throw new Error("could not add encap = yes to the cloud side");
  return { cloud, device: render("customer") };
}

/** The networks a route-based configuration's comments say to route into its XFRM interface. */
export function documentedRoutes(config: string): string[] {
  return [...config.matchAll(/^#\s+ip route add (\S+) dev \S+$/gm)].map((m) => m[1]);
}

/** The first CHILD_SA's name in a configuration (`<connection>-net-0`). */
export function childName(connection: string): string {
  return `${connection}-net-0`;
}

/** Replaces one `key = value` line of a swanctl.conf (every occurrence); fails when there is none. */
export function setOption(config: string, key: string, value: string): string {
  const pattern = new RegExp(`^(\\s+)${key} = .*$`, "gm");
  if (!pattern.test(config)) throw new Error(`no '${key}' option in the configuration`);
  return config.replace(pattern, `$1${key} = ${value}`);
}

/** A connection's Describe item. */
export function describeConnection(engine: CloudEngine, account: string, id: string): Json {
  return (engine.request("DescribeVpnConnections", { ids: [id] }, { account }).items as Json[])[0];
}

/** The engine's one-way trace verdict. */
export function traceVerdict(engine: CloudEngine, account: string, source: string, destination: string): string {
  return (engine.request("Trace", { source, destination }, { account }).trace as Json).verdict as string;
}

/** An address inside a CIDR block: its network address plus `offset`. */
export function hostIn(cidr: string, offset = 10): string {
  const [net, bits] = cidr.split("/");
  const n = net.split(".").reduce((acc, o) => acc * 256 + Number(o), 0) + Math.min(offset, 2 ** (32 - Number(bits)) - 2);
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}
