import { Rule } from "../rule";
import { intentIsolated } from "./isolated";
import { intentReachable } from "./reachable";
import { intentUnderSingleFailure } from "./single-failure";
import { intentUnknownEndpoint } from "./unknown-endpoint";

/** Rules that check the app's declared intents with the data-plane model. */
export const INTENT_RULES: readonly Rule[] = [intentReachable, intentIsolated, intentUnderSingleFailure, intentUnknownEndpoint];
