// Small constructors shared by the rule files, so each rule reads as the format it describes.
import type { SecretRule } from "../rule.js";

/** A rule with defaults: no fp examples unless given. */
export function rule(
  r: Omit<SecretRule, "examples"> & { examples: Partial<SecretRule["examples"]> },
): SecretRule {
  return { ...r, examples: { ...r.examples, tp: r.examples.tp ?? [], fp: r.examples.fp ?? [] } };
}

/** A value assigned to a name: `NAME = "value"`, `name: value`, `"name": "value"`, `name => 'value'`. */
export function assignment(name: string, value: string): RegExp {
  return new RegExp(
    `(?:${name})[\\w.-]{0,20}?["']?\\s{0,4}(?::=|=>|=|:)\\s{0,4}["'\`]?(${value})(?![A-Za-z0-9_+/-])`,
    "i",
  );
}
