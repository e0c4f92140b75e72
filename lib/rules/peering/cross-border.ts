import { seed } from "../../core/provenance";
import { peeringEnds } from "../private/peering";
import { Rule } from "../rule";

/** HL-PEER-007: peering with a non-mainland end carries its approval ticket. */
export const crossBorderApproval: Rule = {
  id: "HL-PEER-007",
  title: "Non-mainland (cross-border) peering carries an approval",
  severity: "error",
  source: seed("003", "非大陆地域（香港和多伦多）对等连接服务需要您提工单申请，因为跨境通信需要对用户资料和使用场景进行审核。", "Peering in non-mainland regions (Hong Kong and Toronto) needs a ticket, because cross-border communication requires a review of the user's information and use case."),
  rationale: "Peering in non-mainland regions (Hong Kong, North America) needs a ticket: cross-border traffic is reviewed before the cloud enables it.",
  fix: "Open the ticket with the cloud and set crossBorderApproval to its reference (e.g. crossBorderApproval: 'ticket-12345').",
  *check(context) {
    if (!context.profile.peering.crossBorderNeedsApproval) return;
    for (const ends of peeringEnds(context)) {
      const requesterOutside = ends.requesterRegion !== undefined && ends.requesterRegion.geography !== "mainland";
      const accepterOutside = ends.accepterRegion !== undefined && ends.accepterRegion.geography !== "mainland";
      const approval = ends.props.crossBorderApproval;
      if ((!requesterOutside && !accepterOutside) || (typeof approval === "string" && approval.trim() !== "")) continue;
      const outside = [...(requesterOutside ? [ends.requesterRegion] : []), ...(accepterOutside ? [ends.accepterRegion] : [])];
      yield {
        resource: ends.peering.logicalId,
        property: "crossBorderApproval",
        message: `Peering '${ends.requesterRegionName}' ↔ '${ends.accepterRegionName}' involves non-mainland region ${outside.map((r) => `'${r!.name}'`).join(" and ")}, which needs an approved ticket; crossBorderApproval is ${approval === undefined ? "missing" : "empty"}: set it to the ticket reference.`,
      };
    }
  },
};
