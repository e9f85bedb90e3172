// Typed input definitions, shared by the GitHub Action adapters and the CLI.
import { ConfigError, type ConfigIssue } from "../config/errors.js";
import { checkSchema, displayPath, type JsonSchema } from "../config/schema-check.js";
import { parseYamlSource } from "../config/yaml-source.js";
import { parseIsoDate } from "../policy/ignore.js";

export type InputKind = "string" | "boolean" | "number" | "choice" | "list" | "date" | "yaml";

/**
 * One input. `T` is the value type after reading, including `undefined` when the input has neither a default
 * nor `required: true`. Build specs with the `input.*` helpers so `N` and `T` are inferred.
 */
export interface InputSpec<N extends string = string, T = unknown> {
  /** kebab-case, exactly as in action.yml and as the CLI flag (`--fail-on`). */
  readonly name: N;
  readonly description: string;
  readonly kind: InputKind;
  /** For "choice": the values documented to users (matched case-insensitively). */
  readonly values?: readonly string[];
  readonly default?: T;
  readonly required?: boolean;
  /** False for inputs that must never come from the config file (the token, the config path). */
  readonly configurable: boolean;
  /** JSON schema of the value as written in the config file. */
  readonly schema: JsonSchema;
  /** Converts an explicit input string; throws InputValueError whose message completes `Input "x" ...`. */
  fromString(raw: string): Exclude<T, undefined>;
  /** Converts a config-file value that already passed `schema`. */
  fromConfig(value: unknown): Exclude<T, undefined>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyInputSpec = InputSpec<string, any>;

/** Thrown by converters; the reader prefixes it with the input's name and where the value came from. */
export class InputValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputValueError";
  }
}

export interface BaseOptions {
  description: string;
  required?: boolean;
  configurable?: boolean;
}

/** T when a default or `required: true` guarantees a value, else T | undefined. */
type Resolved<T, O> = O extends { default: unknown } ? T : O extends { required: true } ? T : T | undefined;

function quoted(raw: string): string {
  return `(got "${raw.length > 60 ? `${raw.slice(0, 60)}...` : raw}")`;
}

function make<N extends string, T>(
  name: N,
  kind: InputKind,
  opts: BaseOptions & { default?: unknown; values?: readonly string[] },
  schema: JsonSchema,
  fromString: (raw: string) => T,
  fromConfig: (value: unknown) => T,
): InputSpec<N, T> {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) throw new Error(`input name "${name}" must be kebab-case`);
  return {
    name,
    description: opts.description,
    kind,
    ...(opts.values !== undefined ? { values: opts.values } : {}),
    ...(opts.default !== undefined ? { default: opts.default as T } : {}),
    required: opts.required ?? false,
    configurable: opts.configurable ?? true,
    schema: { description: opts.description, ...schema },
    fromString: fromString as InputSpec<N, T>["fromString"],
    fromConfig: fromConfig as InputSpec<N, T>["fromConfig"],
  };
}

const TRUE = new Set(["true", "yes", "on", "1"]);
const FALSE = new Set(["false", "no", "off", "0"]);

export function parseBooleanInput(raw: string): boolean {
  const v = raw.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new InputValueError(`must be true or false ${quoted(raw)}`);
}

/** Splits on newlines and commas, trimming and dropping empty entries. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function parseDate(raw: string): Date {
  const date = parseIsoDate(raw.trim());
  if (date === undefined) throw new InputValueError(`must be a date written YYYY-MM-DD ${quoted(raw)}`);
  return date;
}

export interface NumberOptions {
  integer?: boolean;
  min?: number;
  max?: number;
}

function checkNumber(n: number, raw: string, o: NumberOptions): number {
  if (!Number.isFinite(n)) throw new InputValueError(`must be a number ${quoted(raw)}`);
  if (o.integer && !Number.isInteger(n)) throw new InputValueError(`must be a whole number ${quoted(raw)}`);
  if (o.min !== undefined && n < o.min) throw new InputValueError(`must be at least ${o.min} ${quoted(raw)}`);
  if (o.max !== undefined && n > o.max) throw new InputValueError(`must be at most ${o.max} ${quoted(raw)}`);
  return n;
}

/** Parses and validates YAML input text, so its errors carry lines like config-file errors do. */
function parseYamlInput(raw: string, schema: JsonSchema, name: string): unknown {
  let source;
  try {
    source = parseYamlSource(raw);
  } catch (err) {
    if (err instanceof ConfigError) {
      const issues = err.issues.map((i) => ({ ...i, message: i.message.replace(/^invalid YAML: /, "") }));
      throw new InputValueError(`is not valid YAML: ${issueList(issues)}`);
    }
    throw err;
  }
  const issues = checkSchema(schema, source, { rootName: name, name: (p) => displayPath([name, ...p]) });
  if (issues.length > 0) throw new InputValueError(`is not valid: ${issueList(issues)}`);
  return source.value;
}

function issueList(issues: readonly ConfigIssue[]): string {
  return issues.map((i) => (i.line === undefined ? i.message : `line ${i.line}: ${i.message}`)).join("; ");
}

/** Builders for input specs; option objects are `const`-inferred so defaults and choices stay literal. */
export const input = {
  string<const N extends string, const O extends BaseOptions & { default?: string }>(name: N, opts: O) {
    return make<N, string>(
      name,
      "string",
      opts,
      { type: "string" },
      (raw) => raw,
      (v) => v as string,
    ) as InputSpec<N, Resolved<string, O>>;
  },

  boolean<const N extends string, const O extends BaseOptions & { default?: boolean }>(name: N, opts: O) {
    return make<N, boolean>(
      name,
      "boolean",
      opts,
      { type: "boolean" },
      parseBooleanInput,
      (v) => v as boolean,
    ) as InputSpec<N, Resolved<boolean, O>>;
  },

  number<const N extends string, const O extends BaseOptions & NumberOptions & { default?: number }>(
    name: N,
    opts: O,
  ) {
    const schema: JsonSchema = { type: opts.integer ? "integer" : "number" };
    if (opts.min !== undefined) schema.minimum = opts.min;
    if (opts.max !== undefined) schema.maximum = opts.max;
    return make<N, number>(
      name,
      "number",
      opts,
      schema,
      (raw) => checkNumber(raw.trim() === "" ? NaN : Number(raw.trim()), raw, opts),
      (v) => v as number,
    ) as InputSpec<N, Resolved<number, O>>;
  },

  /** One of `values`; `alsoAccept` values work but are not advertised (e.g. "info" for fail-on). */
  choice<
    const N extends string,
    const V extends readonly string[],
    const O extends BaseOptions & { values: V; alsoAccept?: readonly string[]; default?: V[number] },
  >(name: N, opts: O) {
    type T = O["values"][number] | (O extends { alsoAccept: readonly (infer A)[] } ? A : never);
    const accepted = [...opts.values, ...(opts.alsoAccept ?? [])];
    const message = `must be one of ${opts.values.join(", ")}`;
    const pick = (raw: string): T => {
      const v = raw.trim().toLowerCase();
      const hit = accepted.find((a) => a.toLowerCase() === v);
      if (hit === undefined) throw new InputValueError(`${message} ${quoted(raw)}`);
      return hit as T;
    };
    return make<N, T>(
      name,
      "choice",
      opts,
      { type: "string", enum: accepted, errorHint: message },
      pick,
      (v) => pick(v as string),
    ) as InputSpec<N, Resolved<T, O>>;
  },

  /** A list: newline- or comma-separated in an input, a YAML list (or such a string) in the config file. */
  list<const N extends string, const O extends BaseOptions & { default?: readonly string[] }>(
    name: N,
    opts: O,
  ) {
    return make<N, string[]>(
      name,
      "list",
      opts,
      {
        anyOf: [{ type: "array", items: { type: "string" } }, { type: "string" }],
        errorHint: "must be a list of strings",
      },
      splitList,
      (v) => (typeof v === "string" ? splitList(v) : [...(v as string[])]),
    ) as InputSpec<N, Resolved<string[], O>>;
  },

  /** A calendar date, YYYY-MM-DD, read as UTC midnight. */
  date<const N extends string, const O extends BaseOptions & { default?: Date }>(name: N, opts: O) {
    return make<N, Date>(
      name,
      "date",
      opts,
      { type: "string", format: "date", errorHint: "must be a date written YYYY-MM-DD" },
      parseDate,
      (v) => parseDate(v as string),
    ) as InputSpec<N, Resolved<Date, O>>;
  },

  /**
   * Structured data written as YAML in the input (a block scalar in the workflow) or directly in the config
   * file. `schema` validates it; `parse` turns the validated data into `T`.
   */
  yaml<const N extends string, T, const O extends BaseOptions & { schema: JsonSchema; default?: T }>(
    name: N,
    opts: O & { parse: (value: unknown) => T },
  ) {
    return make<N, T>(
      name,
      "yaml",
      opts,
      opts.schema,
      (raw) => opts.parse(parseYamlInput(raw, opts.schema, name)),
      (v) => opts.parse(v),
    ) as InputSpec<N, Resolved<T, O>>;
  },
};
