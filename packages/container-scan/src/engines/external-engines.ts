// Trivy and Grype, when the runner has them: each runs on every scanned image, its JSON becomes our
// findings, and findings several engines agree on are merged (properties.engines says who found what).
// An engine asked for but not installed is a notice; the built-in engine's findings still stand.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Finding } from "@bulwark/core";
import type { ContainerScanResult, ScannedImage } from "../scan-containers.js";
import { findExecutable } from "./find-executable.js";
import { grypeFindings } from "./grype-json.js";
import { mergeEngineFindings } from "./merge-findings.js";
import { trivyFindings } from "./trivy-json.js";

const run = promisify(execFile);

export const ENGINES = ["builtin", "trivy", "grype", "all"] as const;
export type EngineChoice = (typeof ENGINES)[number];

interface ExternalEngine {
  name: "trivy" | "grype";
  args(image: ScannedImage): string[];
  convert(json: unknown, image: string): Finding[];
}

/** How each tool is told about an image: registry references as they are, local files by their kind. */
function imageArgument(spec: string, tool: "trivy" | "grype"): string[] {
  const local =
    spec.startsWith("docker-archive:") ||
    spec.startsWith("oci:") ||
    spec.startsWith("/") ||
    spec.startsWith(".");
  if (tool === "trivy") {
    if (!local) return [spec];
    const path = spec
      .replace(/^(docker-archive|oci):/, "")
      .replace(/:[^/]*$/, (m) => (m.includes("/") ? m : ""));
    return ["--input", path];
  }
  if (!local) return [`registry:${spec}`];
  return [
    spec.startsWith("oci:")
      ? `oci-dir:${spec.slice(4)}`
      : spec.startsWith("docker-archive:")
        ? spec
        : `docker-archive:${spec}`,
  ];
}

const EXTERNAL: ExternalEngine[] = [
  {
    name: "trivy",
    args: (image) => ["image", "--quiet", "--format", "json", ...imageArgument(image.request.spec, "trivy")],
    convert: trivyFindings,
  },
  {
    name: "grype",
    args: (image) => [...imageArgument(image.request.spec, "grype"), "-o", "json", "-q"],
    convert: grypeFindings,
  },
];

export interface EngineOptions {
  env: Readonly<Record<string, string | undefined>>;
  progress?(message: string): void;
}

export async function externalEngines(
  choice: EngineChoice,
  result: ContainerScanResult,
  options: EngineOptions,
): Promise<void> {
  if (choice === "builtin") return;
  const wanted = EXTERNAL.filter((e) => choice === "all" || e.name === choice);
  const perImage = new Map<string, Finding[][]>();
  for (const engine of wanted) {
    const executable = findExecutable(engine.name, options.env.PATH);
    if (!executable) {
      result.problems.push({
        level: "notice",
        message: `engine ${choice}: ${engine.name} is not installed on this runner (not on PATH), so only ${choice === "all" ? "the other engines'" : "the built-in engine's"} findings are reported. Install it before this step to use it.`,
      });
      continue;
    }
    for (const image of result.images) {
      if (!image.inventory) continue;
      const spec = image.request.spec;
      options.progress?.(`container-scan: ${engine.name} on ${spec}`);
      try {
        const { stdout } = await run(executable, engine.args(image), {
          maxBuffer: 512 << 20,
          timeout: 30 * 60_000,
        });
        const found = engine
          .convert(JSON.parse(stdout) as unknown, spec)
          .map((f) => ({ ...f, runKey: spec }));
        perImage.set(spec, [...(perImage.get(spec) ?? []), found]);
      } catch (error) {
        result.problems.push({
          level: "error",
          runKey: spec,
          message: `${engine.name} failed on ${spec}: ${(error as Error).message.split("\n")[0]}`,
        });
      }
    }
  }
  if (perImage.size === 0) return;
  for (const image of result.images) {
    const extra = perImage.get(image.request.spec);
    if (!extra) continue;
    image.findings = mergeEngineFindings([image.findings, ...extra]);
  }
  result.findings = result.images.flatMap((i) => i.findings);
}
