import { CloudEngine } from "../../../../providers/cloud";
import { childName, documentedRoutes, hostIn, TunnelConfigs } from "./configs";
import { Charon, Lab, waitFor } from "./lab";

type Json = Record<string, unknown>;

/** One IDC device of the rig: its namespace, charon and LAN address. */
interface DeviceEnd {
  readonly ns: string;
  readonly charon: Charon;
  /** An IDC address on the device namespace's loopback (the health check's remoteIp when there is one). */
  readonly lan: string;
}

/** What strongSwan logged when a CHILD_SA came up: its selectors from the cloud side's view. */
export interface Established {
  readonly local: string[];
  readonly remote: string[];
  /** The log line itself. */
  readonly line: string;
}

/**
 * One simulated VPN gateway and the IDC devices of its connections, each in
 * its own namespace with its own charon, joined by point-to-point veth pairs
 * that carry the engine's public IPs. Tunnels are driven one at a time:
 * kernel-libipsec has no XFRM interfaces, so two route-based 0/0 tunnels in
 * one namespace would share one policy.
 */
export class GatewayRig {
  public static async open(
    lab: Lab,
    engine: CloudEngine,
    account: string,
    gatewayId: string,
    connections: readonly string[],
    routeBased: boolean,
    /** More VPC addresses for the gateway namespace's loopback (to probe what a narrowed tunnel leaves out). */
    moreCloudAddresses: readonly string[] = [],
  ): Promise<GatewayRig> {
    const ask = (action: string, ids: string[]) => engine.request(action, { ids }, { account }).items as Json[];
    const gateway = ask("DescribeVpnGateways", [gatewayId])[0];
    const vpc = gateway.vpc ? ask("DescribeVpcs", [gateway.vpc as string])[0] : undefined;
    const items = ask("DescribeVpnConnections", [...connections]);
    const checks = items.map((c) => c.healthCheck as Json | undefined).filter((h) => h?.enabled === true) as Json[];
    const cloudLan = checks.length ? (checks[0].localIp as string) : hostIn(((vpc?.cidrs as string[]) ?? ["10.0.0.0/16"])[0]);
    const cloudNs = lab.namespace("gw", [...new Set([cloudLan, ...checks.map((h) => h.localIp as string), ...moreCloudAddresses])]);
    const cloud = await lab.charon(cloudNs, { installRoutes: !routeBased });
    const devices = new Map<string, DeviceEnd>();
    const deviceIps = new Map<string, string>();
    for (const [i, item] of items.entries()) {
      const device = ask("DescribeCustomerGateways", [item.customerGateway as string])[0];
      const site = device.site ? ask("DescribeIdcSites", [device.site as string])[0] : undefined;
      const hc = item.healthCheck as Json | undefined;
      const lan = hc?.enabled ? (hc.remoteIp as string) : hostIn((site?.cidrs as string[])[0]);
      const ns = lab.namespace(`dev${i}`, [lan]);
      lab.link(cloudNs, gateway.publicIp as string, ns, device.ipAddress as string);
      devices.set(item.id as string, { ns, charon: await lab.charon(ns, { installRoutes: !routeBased }), lan });
      deviceIps.set(item.id as string, device.ipAddress as string);
    }
    return new GatewayRig(lab, cloudNs, cloud, cloudLan, devices, deviceIps);
  }

  private constructor(
    private readonly lab: Lab,
    public readonly cloudNs: string,
    public readonly cloud: Charon,
    /** A VPC address on the gateway namespace's loopback (the health check's localIp when there is one). */
    public readonly cloudLan: string,
    private readonly devices: ReadonlyMap<string, DeviceEnd>,
    private readonly deviceIps: ReadonlyMap<string, string>,
  ) {}

  public device(connection: string): DeviceEnd {
    const d = this.devices.get(connection);
    if (!d) throw new Error(`no device for ${connection} in the rig`);
    return d;
  }

  /** Log offsets of both charons, to read only what follows. */
  public marks(connection: string): { cloud: number; device: number } {
    return { cloud: this.cloud.logText().length, device: this.device(connection).charon.logText().length };
  }

  /** Loads both sides, the responder first: the initiator starts at once, and a device gives up after one try. */
  public load(connection: string, configs: TunnelConfigs): void {
    const device = () => this.device(connection).charon.load(configs.device, connection);
    const cloud = () => this.cloud.load(configs.cloud, connection);
    if (/start_action = start/.test(configs.device)) {
      cloud();
      device();
    } else {
      device();
      cloud();
    }
  }

  /** Waits (bounded) for the first CHILD_SA on the cloud side and returns its selectors. */
  public async established(connection: string, from: number, timeoutMs = 15_000): Promise<Established> {
    const child = childName(connection);
    const pattern = new RegExp(`CHILD_SA ${child}\\{\\d+\\} established with SPIs \\S+ \\S+ and TS (.+) === (.+)$`);
    return waitFor(`CHILD_SA ${child} in ${this.cloudNs}`, () => {
      const line = this.cloud.linesSince(from, pattern)[0];
      if (!line) return undefined;
      const m = pattern.exec(line)!;
      return { local: m[1].trim().split(" "), remote: m[2].trim().split(" "), line };
    }, timeoutMs);
  }

  /** Waits (bounded) until either log shows a CHILD_SA of the connection or a failure notify; returns the matching lines of both. */
  public async outcome(connection: string, from: { cloud: number; device: number }, timeoutMs = 15_000): Promise<string[]> {
    const d = this.device(connection);
    const pattern = new RegExp(`CHILD_SA ${childName(connection)}\\{\\d+\\} established|AUTHENTICATION_FAILED|NO_PROPOSAL_CHOSEN|TS_UNACCEPTABLE|MAC mismatched`);
    return waitFor(`an outcome of ${connection}`, () => {
      const lines = [...this.cloud.linesSince(from.cloud, pattern).map((l) => `gateway: ${l}`), ...d.charon.linesSince(from.device, pattern).map((l) => `device: ${l}`)];
      return lines.length ? lines : undefined;
    }, timeoutMs);
  }

  /**
   * Route-based: no routes are installed by charon (0/0 would take over the
   * namespace); add the ones each configuration's comments document, on
   * libipsec's TUN device in place of the XFRM interface.
   */
  public routeAsDocumented(connection: string, configs: TunnelConfigs): { cloud: string[]; device: string[] } {
    const d = this.device(connection);
    const cloud = documentedRoutes(configs.cloud);
    const device = documentedRoutes(configs.device);
    for (const net of cloud) this.lab.exec(this.cloudNs, ["ip", "route", "replace", net, "dev", "ipsec0", "src", this.cloudLan]);
    for (const net of device) this.lab.exec(d.ns, ["ip", "route", "replace", net, "dev", "ipsec0", "src", d.lan]);
    return { cloud, device };
  }

  /** Rekeys the device's CHILD_SA; returns the device's log lines of the exchange (bounded). */
  public async rekey(connection: string): Promise<string[]> {
    const d = this.device(connection);
    const from = d.charon.logText().length;
    d.charon.swanctl(["--rekey", "--child", childName(connection)], false);
    const pattern = new RegExp(`CREATE_CHILD_SA|selected proposal: ESP|CHILD_SA ${childName(connection)}\\{\\d+\\} established|NO_PROPOSAL_CHOSEN|failed`);
    return waitFor(`the rekey of ${childName(connection)}`, () => {
      const lines = d.charon.linesSince(from, pattern);
      return lines.some((l) => / established|NO_PROPOSAL_CHOSEN|failed/.test(l)) ? lines : undefined;
    }, 10_000);
  }

  /** The device's installed CHILD_SAs of this connection, as `swanctl --list-sas` shows them. */
  public childSas(connection: string): string {
    return this.device(connection).charon.swanctl(["--list-sas"]).output;
  }

  /** Silences the gateway towards the device, waits until the device's DPD declares it dead, then lets it speak again. */
  public async deadPeer(connection: string): Promise<string[]> {
    const d = this.device(connection);
    const from = d.charon.logText().length;
    this.lab.silence(this.cloudNs, this.deviceIps.get(connection)!, true);
    try {
      return await waitFor(`the device's DPD to give up on the gateway (device log: ${d.charon.log})`, () => {
        const lines = d.charon.linesSince(from, /sending DPD request|generating INFORMATIONAL request \d+ \[ \]|retransmit \d+ of request|giving up after \d+ retransmits|restarting CHILD_SA/);
        return lines.some((l) => /giving up after/.test(l)) ? lines : undefined;
      }, 20_000);
    } finally {
      this.lab.silence(this.cloudNs, this.deviceIps.get(connection)!, false);
    }
  }

  /** Ends the connection on both sides (bounded) so the next one starts clean. */
  public finish(connection: string): void {
    const d = this.device(connection);
    for (const charon of [this.cloud, d.charon]) {
      charon.swanctl(["--terminate", "--ike", connection, "--force", "--timeout", "2"], false);
      charon.unloadAll();
    }
    for (const ns of [this.cloudNs, d.ns]) this.lab.exec(ns, ["ip", "route", "flush", "dev", "ipsec0"]);
  }
}
