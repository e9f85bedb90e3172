// Command-line words -> a command, a path and raw option values keyed by input name.
// Options are validated later against the chosen check's input specs, so the CLI accepts
// exactly the inputs the action accepts, with the same names.

export interface ParsedArgv {
  command?: string;
  path?: string;
  /** Raw values keyed by kebab-case name; a bare `--flag` is "true", `--no-flag` is "false". */
  options: Map<string, string>;
  /** Extra positional words after the path, kept so the caller can reject them. */
  extra: string[];
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

const NAME = /^[a-z][a-z0-9-]*$/;

export function parseArgv(argv: readonly string[], booleanOptions: ReadonlySet<string>): ParsedArgv {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (word === "-h") {
      options.set("help", "true");
      continue;
    }
    if (!word.startsWith("--")) {
      positional.push(word);
      continue;
    }
    const body = word.slice(2);
    const eq = body.indexOf("=");
    let name = eq === -1 ? body : body.slice(0, eq);
    let value: string | undefined = eq === -1 ? undefined : body.slice(eq + 1);
    if (!NAME.test(name)) throw new UsageError(`Not an option name: ${word}`);
    if (value === undefined && name.startsWith("no-") && booleanOptions.has(name.slice(3))) {
      name = name.slice(3);
      value = "false";
    }
    if (value === undefined) {
      const next = argv[i + 1];
      if (booleanOptions.has(name)) {
        // A boolean takes an explicit true/false only when one follows.
        if (next === "true" || next === "false") {
          value = next;
          i++;
        } else value = "true";
      } else {
        if (next === undefined || (next.startsWith("--") && next.length > 2)) {
          throw new UsageError(`Option --${name} needs a value`);
        }
        value = next;
        i++;
      }
    }
    // Repeated options accumulate as newline-separated lists (inputs that take lists split on newlines).
    const previous = options.get(name);
    options.set(name, previous === undefined ? value : `${previous}\n${value}`);
  }
  const [command, path, ...extra] = positional;
  return { command, path, options, extra };
}
