// The runner evaluates `${{ ... }}` in action.yml defaults before a step runs. The harness does the same
// for context lookups (`github.token`, `github.event.pull_request.number`, `runner.temp`...); anything
// richer (operators, functions) is refused so a test never runs with a silently wrong input.

export type ExpressionContexts = Record<string, unknown>;

export function evaluateTemplate(text: string, contexts: ExpressionContexts, where: string): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, expr: string) => {
    const path = expr.trim();
    if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/.test(path))
      throw new Error(`${where}: the harness evaluates only context lookups, not \${{ ${path} }}`);
    // Context names and properties are case-insensitive on the runner.
    let value: unknown = contexts;
    for (const key of path.split(".")) {
      if (typeof value !== "object" || value === null) return "";
      const found = Object.keys(value).find((k) => k.toLowerCase() === key.toLowerCase());
      value = found === undefined ? undefined : (value as Record<string, unknown>)[found];
    }
    if (value === undefined || value === null) return "";
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  });
}
