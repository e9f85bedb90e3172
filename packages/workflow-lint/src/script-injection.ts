// Expressions are substituted into a `run:` script before the shell sees it, so a pull request title or a
// branch name containing `"; curl ... | sh; "` becomes code. Values that an outsider or a caller controls
// must reach scripts through `env:` (a variable the shell expands as data), never through `${{ }}`.
import { isScalar, type Node } from "yaml";
import type { LintIssue } from "./lint-issue.js";
import type { WorkflowJob, WorkflowStep } from "./workflow-jobs.js";
import type { YamlFile } from "./yaml-file.js";

/** Contexts whose values may come from outside: the event payload, the head branch name, inputs, and
 * outputs of other steps and jobs (which often carry them along). */
const UNTRUSTED = [
  /\bgithub\s*\.\s*event\b(?!_)/,
  /\bgithub\s*\.\s*head_ref\b/,
  /\binputs\s*[.[]/,
  /\bsteps\s*\.\s*[\w-]+\s*\.\s*outputs\b/,
  /\bneeds\s*\.\s*[\w-]+\s*\.\s*outputs\b/,
];

// github['event'] spells the payload with a string literal, so it is looked for before literals are dropped.
const BRACKET_EVENT = /\bgithub\s*\[\s*['"]event['"]\s*\]/;

const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;

export interface UntrustedExpression {
  expression: string;
  /** 0-based line within the script. */
  lineInScript: number;
}

export function untrustedExpressions(script: string): UntrustedExpression[] {
  const found: UntrustedExpression[] = [];
  for (const match of script.matchAll(EXPRESSION)) {
    const inner = match[1] ?? "";
    // String literals cannot name a context; drop them so '${{ 'inputs.x' }}' is not flagged.
    const code = inner.replace(/'(?:[^']|'')*'/g, "''");
    if (UNTRUSTED.some((pattern) => pattern.test(code)) || BRACKET_EVENT.test(inner))
      found.push({
        expression: `\${{${inner}}}`,
        lineInScript: script.slice(0, match.index).split("\n").length - 1,
      });
  }
  return found;
}

/** Line of a script's first line: block scalars (`run: |`) start on the line after the indicator. */
function firstScriptLine(yaml: YamlFile, node: Node): number {
  const line = yaml.lineOf(node);
  return isScalar(node) && (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") ? line + 1 : line;
}

function scriptsOf(step: WorkflowStep): Array<{ what: string; value: string; node: Node }> {
  const scripts: Array<{ what: string; value: string; node: Node }> = [];
  if (step.run) scripts.push({ what: "run: script", ...step.run });
  // actions/github-script evaluates its `script` input as JavaScript: the same substitution hazard.
  if (step.uses?.value.startsWith("actions/github-script@")) {
    const script = step.with.find(([key]) => key === "script")?.[1];
    if (isScalar(script) && typeof script.value === "string")
      scripts.push({ what: "github-script script", value: script.value, node: script });
  }
  return scripts;
}

export function checkScriptInjection(
  yaml: YamlFile,
  jobs: WorkflowJob[],
  extraSteps: WorkflowStep[],
): LintIssue[] {
  const steps = [...jobs.flatMap((job) => job.steps), ...extraSteps];
  return steps.flatMap((step) =>
    scriptsOf(step).flatMap(({ what, value, node }) =>
      untrustedExpressions(value).map((found) => ({
        file: yaml.file,
        line: firstScriptLine(yaml, node) + found.lineInScript,
        rule: "script-injection",
        message: `${found.expression} is interpolated into a ${what}: pass it through env: and use the variable instead`,
      })),
    ),
  );
}
