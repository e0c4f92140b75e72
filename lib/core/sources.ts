import { assumption, cloudApi, seed, Source } from "./provenance";

/**
 * The documented facts the cloud profiles and the engine's refusals cite, each
 * with its one source (rules carry their own, in lib/rules). A refusal says
 * `cite(FACTS.x)`, so what it claims for a seed is the seed's own sentence;
 * test/rules/provenance.test.ts checks every quote against ../shared/seeds.
 */
export const FACTS = {
  peeringRegionUnsupported: seed("003", "对等连接不支持地域 |华东地区（上海金融）", "peering is not offered in East China (Shanghai Finance)"),
  peeringCidrOverlap: seed("003", "对等连接的两端私有网络 CIDR 不可以重叠，重叠时创建会报错。", "the two VPCs of a peering must not overlap; creation fails when they do"),
  peeringPeersOverlap: seed(
    "003",
    "跨地域对等连接时，一个 VPC 的多个对等网络间 CIDR 不可重叠，重叠时会报错。",
    "with cross-region peering, a VPC's peers must not overlap each other",
  ),
  peeringMaxPerVpc: seed("003", "每个私有网络支持的对等连接数 |10", "10 peering connections per VPC"),
  sameRegionNoCap: seed("003", "同地域对等连接带宽无上限，不可修改。", "same-region peering has no bandwidth cap, which cannot be modified"),
  crossRegionCapRequired: seed("003", "跨地域对等连接用户需要设定带宽上限。", "cross-region peering needs a bandwidth cap"),
  crossRegionCapTicket: seed("003", "如果需更大带宽请提起工单。", "(cross-region cap 10 Gbps:) for more bandwidth, file a ticket"),
  crossBorderTicket: seed(
    "003",
    "非大陆地域（香港和多伦多）对等连接服务需要您提工单申请",
    "peering in non-mainland regions (Hong Kong and Toronto) needs a ticket",
  ),
  crossBorderSiliconValley: assumption(
    "seed 003 names Hong Kong and Toronto as the non-mainland regions; Silicon Valley is non-mainland too and the seed's reason (跨境通信需要对用户资料和使用场景进行审核) applies to it, so it is treated the same",
  ),
  pendingExpiry: seed("003", "如果对方不接受对等连接请求，申请将在7天后自动过期失效。", "an unaccepted request expires after 7 days"),
  peerAccountAndVpc: seed("003", "需要手动输入对端账户的QQ号和私有网络的ID", "enter the peer account's ID and its VPC's ID"),
  secondPeeringUnneeded: seed(
    "004",
    "只需要增加对应的路由表项，不需要建立多个对等连接。",
    "(several blocks on each side) only need more route entries, not several peering connections",
  ),
  unknownAccount: seed("003", "请不要接受来自您不了解账户的对等连接申请，此类用户可能对您的网络带来风险。", "do not accept peering requests from accounts you do not know"),
  peeringNoSinglePointOfFailure: seed("003", "对等连接不依赖某个独立硬件，因而不存在单点故障或带宽瓶颈。", "peering depends on no single piece of hardware, so it has no single point of failure or bandwidth bottleneck"),
  peeringTariff: seed("003", "计算双方出流量当日带宽峰值，乘以所在阶梯的单价。", "the day's peak of both sides' outbound traffic times the unit price of its tier"),
  peeringContactSales: seed("003", "请与商务洽谈", "(100 Mbps and above:) contact sales"),
  peeringPayer: seed("003", "跨地域的对等连接费用由对等连接申请方支付。", "the requester pays for cross-region peering"),
  idcVpcOverlap: seed("001", "本地数据中心的网段和专有网络的网段不能重叠。", "the data centre's and the VPC's networks must not overlap"),
  vpnRouteTableGray: seed("000", "VPN 的路由表功能当前处于灰度测试中，如需使用，请提交 [工单申请]", "the VPN route table is in gray release; submit a ticket to use it"),
  vpnGatewayCreateTime: seed("001", "VPN网关的创建一般需要1-5分钟。", "creating a VPN gateway usually takes 1–5 minutes"),
  vpnGatewayBandwidth: seed("001", "带宽规格是VPN网关所具备的公网带宽。", "the bandwidth size is the VPN gateway's public bandwidth"),
  vpnGatewayBillingPeriod: seed("001", "选择购买时长。", "(计费周期, the billing period:) choose how long to buy the VPN gateway for"),
  vpnGatewayChargeType: cloudApi(
    "Tencent Cloud",
    "CreateVpnGateway: InstanceChargeType",
    "PREPAID (monthly subscription) or POSTPAID_BY_HOUR (by the hour, the default); PREPAID needs InstanceChargePrepaid",
  ),
  vpnGatewayPeriod: cloudApi(
    "Tencent Cloud",
    "CreateVpnGateway: InstanceChargePrepaid.Period",
    "months: 1-9, 12, 24, 36 (Alibaba Cloud CreateVpnGateway Period takes the same)",
  ),
  customerGatewayRegion: seed("001", "选择用户网关的地域。", "choose the customer gateway's region"),
  customerGatewayDescription: seed("001", "输入用户网关的描述信息。", "enter the customer gateway's description"),
  customerGatewayDescriptionField: cloudApi(
    "Tencent Cloud",
    "CreateCustomerGateway: CustomerGatewayName, IpAddress, Tags, BgpAsn",
    "no description field (Alibaba Cloud CreateCustomerGateway has Description)",
  ),
  customerGatewayDescriptionFormat: cloudApi(
    "Alibaba Cloud",
    "CreateCustomerGateway: Description",
    "1 to 100 characters, not starting with http:// or https://",
  ),
  vpnGatewayBandwidthSizes: cloudApi("Tencent Cloud", "CreateVpnGateway: InternetMaxBandwidthOut", "5, 10, 20, 50, 100, 200, 500, 1000 Mbps"),
  tencentRoutePriority: cloudApi("Tencent Cloud", "CreateVpnGatewayRoutes: Routes.N.Priority", "0 or 100; the lower value is preferred"),
  alibabaRouteWeight: seed("001", "|本地网关的私网网段|IPsec连接实例1|是|100|", "the active route has weight 100 (the standby, 0)"),
  tencentHealthCheck: cloudApi("Tencent Cloud", "CreateVpnConnection: HealthCheckConfig.ProbeInterval, ProbeThreshold", "1000–5000 ms, 3–8 probes"),
  alibabaHealthCheck: cloudApi("Alibaba Cloud", "CreateVpnConnection: HealthCheckConfig.interval, retry", "probe interval and retries"),
  ipsecVocabulary: cloudApi("Tencent Cloud", "CreateVpnConnection: IKEOptionsSpecification, IPSECOptionsSpecification", "IKE and IPsec algorithm names and lifetimes"),
  preSharedKeyFormat: assumption("both clouds accept printable ASCII pre-shared keys; 1–100 characters without spaces is the common subset we allow"),
  billingTimeZone: assumption(
    "the seeds bill per day (按天计费) without naming the day's time zone; hybridlink counts days in China Standard Time (UTC+08:00) by default, a setting (--time-zone)",
  ),
} satisfies Record<string, Source>;
