/** How a VPN gateway picks the tunnel for a packet (seed 000). */
export enum VpnRouting {
  /**
   * The gateway's route table (路由表): longest-prefix match over destination
   * routes. Can carry IDC↔IDC transit (scenarios 2–5). A gray-release feature
   * on tencent: acknowledge its warning once enabled for your account.
   */
  ROUTE_TABLE = "ROUTE_TABLE",
  /**
   * SPD policies (SPD 策略): each connection admits only traffic between its
   * policy's networks, so IDCs never reach each other (scenarios 1 and 6).
   */
  SPD = "SPD",
}
