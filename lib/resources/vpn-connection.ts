import { Construct } from "constructs";
import { appContextOf } from "../core/app-context";
import {
  CustomerDeviceSpec,
  HealthCheck,
  IkeOptions,
  IpsecOptions,
  SpdPolicy,
  VpnConnectionSpec as VpnConnectionManifestProps,
  VpnRouteType,
} from "../core/manifest";
import { NetworkResource, ResourceAttribute } from "../core/resource";
import { SecretValue } from "../core/secret";
import type { CustomerGateway } from "./customer-gateway";
import { compact } from "./private-util";
import type { VpnGateway } from "./vpn-gateway";
import { checkProps, is } from "../core/props";
import { cidrList, ipv4, resourceOf, secretValue } from "./prop-checks";

const word = (what: string) => is.optional(is.string(what));
const seconds = is.optional(is.number({ integer: true, unit: "seconds" }));

/** Also used by patterns for the same options. */
export const IKE_OPTIONS = is.optional(
  is.object({ version: word("an IKE version"), encryption: word("an algorithm name"), integrity: word("an algorithm name"), dhGroup: word("a DH group"), lifetimeSeconds: seconds, exchangeMode: word("an exchange mode") }),
);
export const IPSEC_OPTIONS = is.optional(
  is.object({ encryption: word("an algorithm name"), integrity: word("an algorithm name"), pfsDhGroup: word("a DH group"), lifetimeSeconds: seconds }),
);

const VPN_CONNECTION_PROPS = {
  vpnGateway: resourceOf("VpnGateway"),
  customerGateway: resourceOf("CustomerGateway"),
  preSharedKey: secretValue,
  spdPolicies: is.optional(is.list(is.object({ localCidrs: cidrList, remoteCidrs: cidrList }), "SPD policies { localCidrs, remoteCidrs }")),
  routeType: is.optional(is.oneOf(["SPD", "ROUTE"])),
  ike: IKE_OPTIONS,
  ipsec: IPSEC_OPTIONS,
  healthCheck: is.optional(
    is.object({
      localIp: ipv4,
      remoteIp: ipv4,
      intervalMs: is.optional(is.number({ integer: true, unit: "ms" })),
      retries: is.optional(is.number({ integer: true })),
      enabled: is.optional(is.boolean()),
    }),
  ),
  customerDevice: is.optional(
    is.object({
      preSharedKey: is.optional(secretValue),
      ikeVersion: word("an IKE version"),
      localCidrs: is.optional(cidrList),
      remoteCidrs: is.optional(cidrList),
    }),
  ),
  name: is.optional(is.name()),
};

export interface HealthCheckOptions {
  /** Probe source, an address on the cloud side. */
  readonly localIp: string;
  /** Probe target, an address in the IDC. */
  readonly remoteIp: string;
  /**
   * Milliseconds between probes.
   *
   * @default - the profile's default (tencent 2000, alibaba 3000)
   */
  readonly intervalMs?: number;
  /**
   * Failed probes in a row before the tunnel is declared down.
   *
   * @default - the profile's default (3)
   */
  readonly retries?: number;
  /**
   * @default true
   */
  readonly enabled?: boolean;
}

export interface VpnConnectionOptions {
  /** The IDC device at the other end. */
  readonly customerGateway: CustomerGateway;
  /** The pre-shared key: a secret read at deploy time, never written anywhere. */
  readonly preSharedKey: SecretValue;
  /**
   * SPD policies (policy-based VPN): cloud CIDRs → IDC CIDRs.
   *
   * @default - none
   */
  readonly spdPolicies?: readonly SpdPolicy[];
  /**
   * `SPD` matches traffic by policy; `ROUTE` forwards by the gateway's route table.
   *
   * @default - "SPD" when spdPolicies are given, "ROUTE" otherwise
   */
  readonly routeType?: VpnRouteType;
  /**
   * IKE phase-1 options.
   *
   * @default - the profile's defaults
   */
  readonly ike?: Partial<IkeOptions>;
  /**
   * IPsec phase-2 options.
   *
   * @default - the profile's defaults
   */
  readonly ipsec?: Partial<IpsecOptions>;
  /**
   * Health check; without it routes never fail over (blackhole).
   *
   * @default - none
   */
  readonly healthCheck?: HealthCheckOptions;
  /**
   * How the IDC device is actually configured, when it differs from the downloaded configuration.
   *
   * @default - the downloaded configuration
   */
  readonly customerDevice?: { readonly preSharedKey?: SecretValue } & Omit<CustomerDeviceSpec, "preSharedKey">;
  /**
   * Display name.
   *
   * @default - the construct ID
   */
  readonly name?: string;
}

export interface VpnConnectionProps extends VpnConnectionOptions {
  readonly vpnGateway: VpnGateway;
}

/** An IPsec connection (IPsec 连接) between a VPN gateway and a customer gateway. */
export class VpnConnection extends NetworkResource<"VpnConnection"> {
  public readonly resourceType = "VpnConnection" as const;
  public readonly vpnGateway: VpnGateway;
  public readonly customerGateway: CustomerGateway;
  public readonly preSharedKey: SecretValue;
  public readonly routeType: VpnRouteType;
  public readonly spdPolicies: readonly SpdPolicy[];
  public readonly ike: IkeOptions;
  public readonly ipsec: IpsecOptions;
  public readonly healthCheck?: HealthCheck;
  public readonly name: string;
  private readonly customerDevice?: VpnConnectionOptions["customerDevice"];

  constructor(scope: Construct, id: string, props: VpnConnectionProps) {
    super(scope, id, { account: checkProps<VpnConnectionProps>(scope, id, "VpnConnection", props, VPN_CONNECTION_PROPS).vpnGateway.account });
    const profile = appContextOf(this).profile;
    this.vpnGateway = props.vpnGateway;
    this.customerGateway = props.customerGateway;
    this.preSharedKey = props.preSharedKey;
    this.spdPolicies = (props.spdPolicies ?? []).map((p) => ({ localCidrs: [...p.localCidrs], remoteCidrs: [...p.remoteCidrs] }));
    this.routeType = props.routeType ?? (this.spdPolicies.length > 0 ? "SPD" : "ROUTE");
    this.ike = withoutIkev2ExchangeMode({ ...profile.ipsec.defaults.ike, ...props.ike });
    this.ipsec = { ...profile.ipsec.defaults.ipsec, ...props.ipsec };
    if (props.healthCheck) {
      this.healthCheck = {
        enabled: props.healthCheck.enabled ?? true,
        localIp: props.healthCheck.localIp,
        remoteIp: props.healthCheck.remoteIp,
        intervalMs: props.healthCheck.intervalMs ?? profile.healthCheck.defaultIntervalMs,
        retries: props.healthCheck.retries ?? profile.healthCheck.defaultRetries,
      };
    }
    this.customerDevice = props.customerDevice;
    this.name = props.name ?? id;
  }

  public get vpnConnectionId(): ResourceAttribute {
    return this.resourceId;
  }

  /** Negotiation state after deploy (`AVAILABLE` when the tunnel is up). */
  public get state(): ResourceAttribute {
    return new ResourceAttribute(this, "state");
  }

  protected renderProps(): VpnConnectionManifestProps {
    const device = this.customerDevice;
    return compact({
      name: this.name,
      vpnGateway: this.ref(this.vpnGateway),
      customerGateway: this.ref(this.customerGateway),
      vpc: this.vpnGateway.type === "VPC" && this.vpnGateway.vpc ? this.ref(this.vpnGateway.vpc) : undefined,
      preSharedKey: this.preSharedKey.ref,
      routeType: this.routeType,
      spdPolicies: this.spdPolicies,
      ike: this.ike,
      ipsec: this.ipsec,
      healthCheck: this.healthCheck,
      customerDevice: device
        ? compact({
            preSharedKey: device.preSharedKey?.ref,
            ikeVersion: device.ikeVersion,
            localCidrs: device.localCidrs,
            remoteCidrs: device.remoteCidrs,
          })
        : undefined,
    });
  }
}

/** Main vs aggressive mode is an IKEv1 choice (RFC 2409 §5); an IKEv2 connection carries none. */
function withoutIkev2ExchangeMode(ike: IkeOptions): IkeOptions {
  if (ike.version.toLowerCase().endsWith("1")) return ike;
  const { exchangeMode: _ikev1Only, ...rest } = ike;
  return rest;
}
