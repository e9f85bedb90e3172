// Where raw input text comes from: the Actions runner's INPUT_* variables, or CLI flags.
import type { InputSource } from "./read.js";

/**
 * Reads inputs the way the Actions runner passes them: `INPUT_<NAME>` with spaces as underscores and the
 * name upper-cased (hyphens stay). Empty values count as not given.
 */
export function envInputSource(env: NodeJS.ProcessEnv = process.env): InputSource {
  return (name) => {
    const value = env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`];
    return value === undefined || value.trim() === "" ? undefined : value;
  };
}

export type FlagValue = string | number | boolean | readonly string[] | undefined | null;

/**
 * Reads inputs from parsed CLI flags keyed by input name (`fail-on`) or its camelCase (`failOn`).
 * Booleans become "true"/"false", arrays become newline-separated lists.
 */
export function flagInputSource(flags: Readonly<Record<string, FlagValue>>): InputSource {
  return (name) => {
    const camel = name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    const value = flags[name] ?? flags[camel];
    if (value === undefined || value === null) return undefined;
    const text = Array.isArray(value) ? value.join("\n") : String(value);
    return text.trim() === "" ? undefined : text;
  };
}
