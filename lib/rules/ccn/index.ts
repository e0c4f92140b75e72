import { Rule } from "../rule";
import { attachmentInstance } from "./attachment-instance";
import { attachedGatewayIsCcnType } from "./gateway-type";
import { ccnPrefixOverlap } from "./prefix-overlap";
import { singleCcnPerInstance } from "./single-ccn";
import { vpcRouteViaAttachedCcn } from "./vpc-route-ccn";

/** Cloud connect network (CCN): attachments and learned prefixes (seed 000 S3–S5). */
export const CCN_RULES: readonly Rule[] = [
  attachedGatewayIsCcnType,
  attachmentInstance,
  ccnPrefixOverlap,
  singleCcnPerInstance,
  vpcRouteViaAttachedCcn,
];
