// Reads typed inputs: explicit input > config section > config defaults > spec default.
import { ConfigError, type ConfigIssue } from "../config/errors.js";
import { InputValueError, type AnyInputSpec, type InputSpec } from "./spec.js";

/** Returns the raw text given for an input, or undefined when it was not given. */
export type InputSource = (name: string) => string | undefined;

/** Config values an input reader can fall back to, keyed by input name (kebab-case). */
export interface InputConfig {
  /** Already merged: the action's section over `defaults`. */
  values: Readonly<Record<string, unknown>>;
  /** Where a key's value was written, e.g. `.github/bulwark.yml:12`, for error messages. */
  origin?(key: string): string | undefined;
}

/** `fail-on` -> `failOn`. */
export type CamelCase<S extends string> = S extends `${infer H}-${infer T}`
  ? `${H}${Capitalize<CamelCase<T>>}`
  : S;

export function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export type InputValue<S> = S extends InputSpec<string, infer T> ? T : never;

/** The typed object `readInputs` returns for a list of specs. */
export type InputValues<S extends readonly AnyInputSpec[]> = {
  [K in S[number] as CamelCase<K["name"]>]: InputValue<K>;
};

/** Where each value came from, for logs ("fail-on=critical from .github/bulwark.yml:4"). */
export type InputOrigin = "input" | "config" | "default" | "unset";

export interface ReadInputsResult<S extends readonly AnyInputSpec[]> {
  values: InputValues<S>;
  origins: Record<string, InputOrigin>;
}

function normalise(raw: string | undefined): string | undefined {
  return raw === undefined || raw.trim() === "" ? undefined : raw;
}

/**
 * Reads every input and returns the typed values. Throws one ConfigError listing every invalid or missing
 * input, each naming the input and what it accepts.
 */
export function readInputs<const S extends readonly AnyInputSpec[]>(
  specs: S,
  source: InputSource,
  config?: InputConfig,
): InputValues<S> {
  return readInputsWithOrigins(specs, source, config).values;
}

export function readInputsWithOrigins<const S extends readonly AnyInputSpec[]>(
  specs: S,
  source: InputSource,
  config?: InputConfig,
): ReadInputsResult<S> {
  const values: Record<string, unknown> = {};
  const origins: Record<string, InputOrigin> = {};
  const issues: ConfigIssue[] = [];
  const names = new Set<string>();

  for (const spec of specs) {
    if (names.has(spec.name)) throw new Error(`input "${spec.name}" is defined twice`);
    names.add(spec.name);
    const key = camelCase(spec.name);
    const raw = normalise(source(spec.name));
    try {
      if (raw !== undefined) {
        values[key] = spec.fromString(raw);
        origins[spec.name] = "input";
        continue;
      }
    } catch (err) {
      if (!(err instanceof InputValueError)) throw err;
      issues.push({ message: `Input "${spec.name}" ${err.message}` });
      continue;
    }

    const fromConfig = spec.configurable ? config?.values[spec.name] : undefined;
    if (fromConfig !== undefined && fromConfig !== null) {
      try {
        values[key] = spec.fromConfig(fromConfig);
        origins[spec.name] = "config";
      } catch (err) {
        if (!(err instanceof InputValueError)) throw err;
        const where = config?.origin?.(spec.name);
        issues.push({ message: `${where === undefined ? "" : `${where}: `}${spec.name} ${err.message}` });
      }
      continue;
    }

    if (spec.default !== undefined) {
      values[key] = cloneDefault(spec.default);
      origins[spec.name] = "default";
    } else if (spec.required) {
      issues.push({ message: `Input "${spec.name}" is required: ${spec.description}` });
    } else {
      values[key] = undefined;
      origins[spec.name] = "unset";
    }
  }

  if (issues.length > 0) throw new ConfigError(issues);
  return { values: values as InputValues<S>, origins };
}

// Defaults are shared spec objects; hand out copies so callers cannot mutate them for the next read.
function cloneDefault(value: unknown): unknown {
  if (value instanceof Date) return new Date(value.getTime());
  return Array.isArray(value) ? structuredClone(value) : value;
}
