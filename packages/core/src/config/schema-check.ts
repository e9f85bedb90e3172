// JSON-schema validation (ajv) whose errors read as sentences and point at YAML lines.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import formatsPlugin from "ajv-formats";
import type { ConfigIssue } from "./errors.js";
import type { YamlPath, YamlSource } from "./yaml-source.js";

/** A JSON schema object. `errorHint` (our annotation) replaces the generic message for that node. */
export type JsonSchema = Record<string, unknown>;

// ajv-formats is CommonJS; depending on the loader its plugin is the default export or its `.default`.
const addFormats = ((formatsPlugin as unknown as { default?: unknown }).default ??
  formatsPlugin) as unknown as (ajv: Ajv, formats: string[]) => void;

const ajv = new Ajv({ allErrors: true, strict: true, verbose: true, allowUnionTypes: true });
addFormats(ajv, ["date"]);
ajv.addKeyword({ keyword: "errorHint", schemaType: "string" });

const compiled = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: JsonSchema): ValidateFunction {
  let fn = compiled.get(schema);
  if (fn === undefined) {
    fn = ajv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

/** Default display of a path: `ignore[0].reason`. */
export function displayPath(path: YamlPath): string {
  let out = "";
  for (const seg of path) out += typeof seg === "number" ? `[${seg}]` : out === "" ? seg : `.${seg}`;
  return out;
}

export interface SchemaCheckOptions {
  file?: string;
  /** How a path is named in messages; defaults to displayPath. */
  name?: (path: YamlPath) => string;
  /** Name for the whole document when the path is empty. */
  rootName?: string;
}

/** Validates `source.value` against `schema`; returns one issue per problem, each with its line. */
export function checkSchema(
  schema: JsonSchema,
  source: YamlSource,
  options: SchemaCheckOptions = {},
): ConfigIssue[] {
  const validate = validatorFor(schema);
  if (validate(source.value)) return [];
  const nameOf = (path: YamlPath) => {
    const n = (options.name ?? displayPath)(path);
    return n === "" ? (options.rootName ?? "the document") : n;
  };
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  for (const err of validate.errors ?? []) {
    // Errors inside anyOf branches are noise; the anyOf error itself carries the hint.
    if (/\/anyOf\/\d+\//.test(err.schemaPath)) continue;
    const path = parsePointer(err.instancePath);
    const issue = describe(err, path, nameOf, source);
    const key = `${issue.line}:${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ file: options.file, ...issue });
  }
  // Read top to bottom, like the file (sort is stable, so same-line issues keep ajv's order).
  return issues.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}

function parsePointer(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function got(data: unknown): string {
  if (data === null || data === undefined) return " (got nothing)";
  if (typeof data === "string") return ` (got "${data.length > 60 ? `${data.slice(0, 60)}...` : data}")`;
  if (typeof data === "number" || typeof data === "boolean") return ` (got ${data})`;
  return Array.isArray(data) ? " (got a list)" : " (got a mapping)";
}

const TYPE_WORDS: Record<string, string> = {
  boolean: "true or false",
  string: "a string",
  number: "a number",
  integer: "a whole number",
  array: "a list",
  object: "a mapping of keys to values",
  null: "empty",
};

function describe(
  err: ErrorObject,
  path: (string | number)[],
  nameOf: (p: YamlPath) => string,
  source: YamlSource,
): { line?: number; message: string } {
  const name = nameOf(path);
  const line = source.lineOf(path);
  const parent = (err.parentSchema ?? {}) as JsonSchema;
  const params = err.params as Record<string, unknown>;

  if (err.keyword === "additionalProperty" || err.keyword === "additionalProperties") {
    const key = String(params.additionalProperty);
    const known = Object.keys((parent.properties as object | undefined) ?? {});
    const hint = known.length > 0 ? `; expected one of ${known.join(", ")}` : "";
    return {
      line: source.lineOf([...path, key], true),
      message: `unknown key "${key}" in ${name}${hint}`,
    };
  }
  if (err.keyword === "required") {
    return { line, message: `${name} needs "${String(params.missingProperty)}"` };
  }
  if (typeof parent.errorHint === "string")
    return { line, message: `${name} ${parent.errorHint}${got(err.data)}` };

  switch (err.keyword) {
    case "type": {
      const types = String(params.type).split(",");
      return {
        line,
        message: `${name} must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(" or ")}${got(err.data)}`,
      };
    }
    case "enum":
      return {
        line,
        message: `${name} must be one of ${(params.allowedValues as unknown[]).map(String).join(", ")}${got(err.data)}`,
      };
    case "minLength":
      return { line, message: `${name} must not be empty` };
    case "format":
      return { line, message: `${name} must be a valid ${String(params.format)}${got(err.data)}` };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return { line, message: `${name} ${err.message ?? "is out of range"}${got(err.data)}` };
    default:
      return { line, message: `${name} ${err.message ?? "is not valid"}${got(err.data)}` };
  }
}
