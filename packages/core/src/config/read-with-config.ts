// One call for actions and the CLI: find the config file, then read inputs over it.
import { commonInputs } from "../inputs/common.js";
import {
  readInputsWithOrigins,
  type InputOrigin,
  type InputSource,
  type InputValues,
} from "../inputs/read.js";
import { configSchemaForInputs } from "../inputs/schema.js";
import type { AnyInputSpec } from "../inputs/spec.js";
import { loadConfig, type ActionSection, type LoadedConfig } from "./load.js";
import type { JsonSchema } from "./schema-check.js";

export interface ReadWithConfigOptions {
  /** Repository root (GITHUB_WORKSPACE, or the CLI's cwd); the config file is looked for here. */
  workspace: string;
  section: ActionSection;
  /** Defaults to the schema of the specs that are not common inputs. */
  sectionSchema?: JsonSchema;
}

export interface InputsWithConfig<S extends readonly AnyInputSpec[]> {
  inputs: InputValues<S>;
  config: LoadedConfig;
  origins: Record<string, InputOrigin>;
}

const derived = new WeakMap<readonly AnyInputSpec[], JsonSchema>();
const COMMON_NAMES = new Set<string>(commonInputs.map((s) => s.name));

// Memoised per specs list so the config loader can reuse its compiled schema.
function ownSectionSchema(specs: readonly AnyInputSpec[]): JsonSchema {
  let schema = derived.get(specs);
  if (schema === undefined) {
    schema = configSchemaForInputs(specs.filter((s) => !COMMON_NAMES.has(s.name)));
    derived.set(specs, schema);
  }
  return schema;
}

/**
 * Loads the config file (the `config` input names it, else .github/bulwark.yml or .yaml under `workspace`)
 * and reads `specs` with precedence input > action section > defaults > spec default.
 */
export async function readInputsWithConfig<const S extends readonly AnyInputSpec[]>(
  specs: S,
  source: InputSource,
  options: ReadWithConfigOptions,
): Promise<InputsWithConfig<S>> {
  const sectionSchema = options.sectionSchema ?? ownSectionSchema(specs);
  const file = source("config");
  const config = await loadConfig(options.workspace, {
    section: options.section,
    sectionSchema,
    ...(file !== undefined && file.trim() !== "" ? { file: file.trim() } : {}),
  });
  const { values, origins } = readInputsWithOrigins(specs, source, config);
  return { inputs: values, config, origins };
}
