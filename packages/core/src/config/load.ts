// The optional config file .github/bulwark.yml: `defaults` for every action plus one section per action.
import { readFile, stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { commonInputs } from "../inputs/common.js";
import type { InputConfig } from "../inputs/read.js";
import { configSchemaForInputs } from "../inputs/schema.js";
import { ConfigError } from "./errors.js";
import { checkSchema, displayPath, type JsonSchema } from "./schema-check.js";
import { DEFAULT_MAX_ALIAS_COUNT, parseYamlSource, type YamlPath } from "./yaml-source.js";

export const CONFIG_FILE_NAMES = [".github/bulwark.yml", ".github/bulwark.yaml"] as const;

export const ACTION_SECTIONS = [
  "osv-scan",
  "secret-scan",
  "sast",
  "container-scan",
  "supported-versions",
] as const;
export type ActionSection = (typeof ACTION_SECTIONS)[number];

/** Config files are small; anything bigger is a mistake or an attack. */
export const MAX_CONFIG_BYTES = 256 * 1024;

export interface LoadConfigOptions {
  /** The action reading the config; its section is validated strictly and merged over `defaults`. */
  section?: ActionSection;
  /** Schema (type object, with `properties`) of the action's own keys, e.g. from configSchemaForInputs. */
  sectionSchema?: JsonSchema;
  /** Explicit config file (the `config` input), relative to root; it must exist. */
  file?: string;
  /** Keys whose lists in `defaults` and the section are joined rather than replaced. Default ["ignore"]. */
  concatKeys?: readonly string[];
  maxBytes?: number;
  maxAliasCount?: number;
}

export interface LoadedConfig extends InputConfig {
  /** The file as named in messages (relative to root, forward slashes); undefined when there is none. */
  path?: string;
  /** `section` merged over `defaults`. */
  values: Record<string, unknown>;
  defaults: Record<string, unknown>;
  section: Record<string, unknown>;
  /** `.github/bulwark.yml:12` for a key of `values`. */
  origin(key: string): string | undefined;
}

const EMPTY: LoadedConfig = { values: {}, defaults: {}, section: {}, origin: () => undefined };

function commonProperties(): Record<string, JsonSchema> {
  return configSchemaForInputs(commonInputs).properties as Record<string, JsonSchema>;
}

/** The whole file's schema, with `section` strict (common keys plus `sectionSchema`) and the other action
 * sections checked only for the common keys (their own keys belong to those actions). */
export function buildConfigSchema(section?: ActionSection, sectionSchema?: JsonSchema): JsonSchema {
  const common = commonProperties();
  const own = (sectionSchema?.properties ?? {}) as Record<string, JsonSchema>;
  for (const key of Object.keys(own)) {
    if (key in common) throw new Error(`section schema for ${section} redefines common key "${key}"`);
  }
  const properties: Record<string, JsonSchema> = {
    version: { enum: [1], errorHint: "must be 1" },
    defaults: { type: ["object", "null"], properties: common, additionalProperties: false },
  };
  for (const name of ACTION_SECTIONS) {
    properties[name] =
      name === section
        ? { type: ["object", "null"], properties: { ...common, ...own }, additionalProperties: false }
        : { type: ["object", "null"], properties: common };
  }
  return { type: ["object", "null"], properties, additionalProperties: false };
}

// Schemas are compiled by ajv per object; reuse them so repeated loads (CLI over many dirs, tests) do not
// compile and retain a new validator each time.
const NO_SECTION_SCHEMA: JsonSchema = {};
const schemaCache = new Map<string, WeakMap<JsonSchema, JsonSchema>>();
function cachedConfigSchema(section?: ActionSection, sectionSchema?: JsonSchema): JsonSchema {
  const key = section ?? "";
  let bySchema = schemaCache.get(key);
  if (bySchema === undefined) schemaCache.set(key, (bySchema = new WeakMap()));
  const schemaKey = sectionSchema ?? NO_SECTION_SCHEMA;
  let schema = bySchema.get(schemaKey);
  if (schema === undefined) bySchema.set(schemaKey, (schema = buildConfigSchema(section, sectionSchema)));
  return schema;
}

// Keys are named without their section (the line pins it): `fail-on`, `ignore[0].reason`.
function nameInFile(path: YamlPath): string {
  return path.length <= 1 ? displayPath(path) : displayPath(path.slice(1));
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

function toDisplay(root: string, file: string): string {
  const rel = relative(root, file);
  return (rel.startsWith("..") || isAbsolute(rel) ? file : rel).split("\\").join("/");
}

/**
 * Finds, reads and validates the config file under `root`. Returns empty values when there is no file (it is
 * optional) and throws ConfigError, every issue with file and line, when it cannot be used.
 */
export async function loadConfig(root: string, options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  let file: string | undefined;
  if (options.file !== undefined) {
    file = resolve(root, options.file);
    if (!(await exists(file))) {
      throw new ConfigError({ file: toDisplay(root, file), message: "config file not found" });
    }
  } else {
    const found: string[] = [];
    for (const name of CONFIG_FILE_NAMES) if (await exists(join(root, name))) found.push(join(root, name));
    if (found.length > 1) {
      throw new ConfigError({
        file: toDisplay(root, found[0]!),
        message: `both ${CONFIG_FILE_NAMES.join(" and ")} exist; keep one`,
      });
    }
    file = found[0];
  }
  if (file === undefined) return { ...EMPTY };

  const display = toDisplay(root, file);
  const info = await stat(file);
  if (!info.isFile()) throw new ConfigError({ file: display, message: "config path is not a file" });
  const maxBytes = options.maxBytes ?? MAX_CONFIG_BYTES;
  if (info.size > maxBytes) {
    throw new ConfigError({
      file: display,
      message: `config file is ${info.size} bytes; the limit is ${maxBytes} bytes`,
    });
  }
  const text = await readFile(file, "utf8");
  return parseConfig(text, display, options);
}

/** Parses and validates config text; `display` names it in errors. */
export function parseConfig(text: string, display: string, options: LoadConfigOptions = {}): LoadedConfig {
  const source = parseYamlSource(text, display, {
    maxAliasCount: options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT,
  });
  const schema = cachedConfigSchema(options.section, options.sectionSchema);
  const issues = checkSchema(schema, source, {
    file: display,
    name: nameInFile,
    rootName: "the config file",
  });
  if (issues.length > 0) throw new ConfigError(issues);

  const doc = (source.value ?? {}) as Record<string, Record<string, unknown> | null>;
  const defaults = doc.defaults ?? {};
  const section = (options.section !== undefined ? doc[options.section] : undefined) ?? {};
  const values: Record<string, unknown> = { ...defaults, ...section };
  for (const key of options.concatKeys ?? ["ignore"]) {
    const a = defaults[key];
    const b = section[key];
    if (Array.isArray(a) && Array.isArray(b)) values[key] = [...a, ...b];
  }

  return {
    path: display,
    values,
    defaults,
    section,
    origin(key) {
      const where =
        key in section && options.section !== undefined ? [options.section, key] : ["defaults", key];
      const line = source.lineOf(where);
      return line === undefined ? display : `${display}:${line}`;
    },
  };
}
