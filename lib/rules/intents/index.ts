import { Rule } from "../rule";

/** Rules that check the app's declared intents with the data-plane model. */
export const INTENT_RULES: readonly Rule[] = [];
