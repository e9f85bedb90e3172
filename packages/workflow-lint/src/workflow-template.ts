// An organisation's workflow template is a .yml with a .properties.json beside it that the Actions tab
// reads (name, description, categories...); without it the template is not offered.
import { existsSync, readFileSync } from "node:fs";
import type { LintIssue } from "./lint-issue.js";

export function checkTemplateProperties(templateFile: string, absolutePath: string): LintIssue[] {
  const propertiesFile = templateFile.replace(/\.ya?ml$/, ".properties.json");
  const propertiesPath = absolutePath.replace(/\.ya?ml$/, ".properties.json");
  const issue = (message: string, file = propertiesFile): LintIssue => ({
    file,
    line: 1,
    rule: "workflow-template",
    message,
  });
  if (!existsSync(propertiesPath)) return [issue(`${propertiesFile} is missing`, templateFile)];
  let properties: unknown;
  try {
    properties = JSON.parse(readFileSync(propertiesPath, "utf8"));
  } catch (error) {
    return [issue(`not valid JSON: ${(error as Error).message}`)];
  }
  const record = (properties ?? {}) as Record<string, unknown>;
  const issues: LintIssue[] = [];
  for (const key of ["name", "description"])
    if (typeof record[key] !== "string" || !(record[key] as string).trim())
      issues.push(issue(`"${key}" must be a non-empty string`));
  if (!Array.isArray(record.categories) || record.categories.some((c) => typeof c !== "string"))
    issues.push(issue(`"categories" must be a list of strings`));
  return issues;
}
