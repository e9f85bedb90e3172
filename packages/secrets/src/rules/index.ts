// Every built-in rule, provider families first (they claim matches before the generic rules).
import type { SecretRule } from "../rule.js";
import { aiRules } from "./ai.js";
import { cloudRules } from "./cloud.js";
import { genericRules } from "./generic.js";
import { messagingRules } from "./messaging.js";
import { paymentRules } from "./payments.js";
import { privateKeyRules } from "./private-keys.js";
import { registryRules } from "./registries.js";
import { saasRules } from "./saas.js";
import { sourceHostingRules } from "./source-hosting.js";

export const ruleFamilies: Record<string, readonly SecretRule[]> = {
  cloud: cloudRules,
  "source-hosting": sourceHostingRules,
  registries: registryRules,
  payments: paymentRules,
  messaging: messagingRules,
  ai: aiRules,
  saas: saasRules,
  "private-keys": privateKeyRules,
  generic: genericRules,
};

export const builtinRules: readonly SecretRule[] = Object.values(ruleFamilies).flat();
