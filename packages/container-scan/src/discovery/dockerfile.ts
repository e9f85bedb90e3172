// What a Dockerfile says about images: the stages with their FROM image (global ARG defaults expanded,
// stage names and `scratch` told apart from images) and the instructions that make layers, with lines.
import type { ScanProblem } from "@bulwark/core";
import { DockerfileParser } from "dockerfile-ast";

export interface DockerfileStage {
  /** 0-based position among the FROMs. */
  index: number;
  /** `AS <name>`, lowercased as the builder treats it. */
  name?: string;
  /** The FROM argument after ARG expansion. */
  from: string;
  /** 1-based line of the FROM instruction. */
  line: number;
  /** The image this stage starts from: undefined when it builds on an earlier stage or on scratch. */
  image?: string;
  /** The stage it builds on (FROM <stage name>). */
  parent?: number;
  /** RUN/COPY/ADD instructions, in order: the ones that make layers. */
  layerInstructions: { keyword: string; text: string; line: number; endLine: number }[];
}

export interface ParsedDockerfile {
  path: string;
  stages: DockerfileStage[];
  problems: ScanProblem[];
}

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** `path` names the file in problems; `buildArgs` override ARG defaults as `--build-arg` does. */
export function parseDockerfile(
  path: string,
  text: string,
  buildArgs: Readonly<Record<string, string>> = {},
): ParsedDockerfile {
  const problems: ScanProblem[] = [];
  const dockerfile = DockerfileParser.parse(text);
  const args = new Map<string, string | undefined>();
  for (const arg of dockerfile.getInitialARGs()) {
    const property = arg.getProperty();
    if (!property) continue;
    const name = property.getName();
    args.set(name, buildArgs[name] ?? property.getValue() ?? undefined);
  }
  const stages: DockerfileStage[] = [];
  const byName = new Map<string, number>();
  const froms = dockerfile.getFROMs();
  froms.forEach((from, index) => {
    const line = from.getRange().start.line + 1;
    const raw = from.getImage() ?? "";
    let unresolved: string | undefined;
    const expanded = raw.replace(
      VARIABLE,
      (_m, braced: string, fallback: string | undefined, bare: string) => {
        const name = braced ?? bare;
        const value = args.get(name);
        if (value !== undefined && value !== "") return value;
        if (fallback !== undefined) return fallback;
        unresolved ??= name;
        return "";
      },
    );
    const stageName = from.getBuildStage()?.toLowerCase();
    const stage: DockerfileStage = {
      index,
      from: expanded,
      line,
      layerInstructions: [],
      ...(stageName ? { name: stageName } : {}),
    };
    const parent = byName.get(expanded.toLowerCase());
    if (unresolved !== undefined) {
      problems.push({
        level: "warning",
        path,
        line,
        message: `${path}:${line}: FROM ${raw} uses \${${unresolved}}, which has no default in an ARG before the first FROM; this stage's image is not scanned`,
      });
    } else if (parent !== undefined) {
      stage.parent = parent;
    } else if (expanded.toLowerCase() !== "scratch" && expanded !== "") {
      stage.image = expanded;
    }
    if (stageName) byName.set(stageName, index);
    stages.push(stage);
  });
  // Instructions belong to the last FROM before them.
  const starts = stages.map((s) => s.line);
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    if (keyword !== "RUN" && keyword !== "COPY" && keyword !== "ADD") continue;
    const range = instruction.getRange();
    const line = range.start.line + 1;
    let owner = -1;
    for (let i = 0; i < starts.length; i++) if (starts[i]! <= line) owner = i;
    if (owner < 0) continue;
    stages[owner]!.layerInstructions.push({
      keyword,
      text: instruction
        .getArguments()
        .map((a) => a.getValue())
        .join(" "),
      line,
      endLine: range.end.line + 1,
    });
  }
  if (stages.length === 0) {
    problems.push({ level: "warning", path, message: `${path}: no FROM instruction; not a Dockerfile?` });
  }
  return { path, stages, problems };
}

/** The stage an image built from this Dockerfile ends with (the last one, or `target`). */
export function finalStage(parsed: ParsedDockerfile, target?: string): DockerfileStage | undefined {
  if (target) return parsed.stages.find((s) => s.name === target.toLowerCase());
  return parsed.stages[parsed.stages.length - 1];
}

/** The stage whose FROM names the image the given stage ultimately starts from. */
export function rootStage(parsed: ParsedDockerfile, stage: DockerfileStage): DockerfileStage {
  let current = stage;
  const seen = new Set<number>();
  while (current.parent !== undefined && !seen.has(current.index)) {
    seen.add(current.index);
    current = parsed.stages[current.parent]!;
  }
  return current;
}

/** Base images a Dockerfile pulls (each stage's FROM that is an image), with their lines. */
export function baseImages(parsed: ParsedDockerfile): { image: string; line: number }[] {
  return parsed.stages.filter((s) => s.image !== undefined).map((s) => ({ image: s.image!, line: s.line }));
}
