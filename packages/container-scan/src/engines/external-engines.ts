// Trivy and Grype, when the runner has them: each runs on every image the built-in engine could read,
// and its JSON becomes our findings (attributed to the image's layers and Dockerfile lines like the
// built-in ones). `all` merges every engine's findings; properties.engines says who found what.
//
// A missing engine: with `all` it is a notice (the others still report); asked for by name
// (`engine: trivy`) it is an error, so the check fails closed instead of passing on a different engine's
// verdict, and the built-in engine's findings are reported in its place.
import { execFile } from "node:child_process";
import type { Finding } from "@bulwark/core";
import type { ContainerScanResult, ScannedImage } from "../scan-containers.js";
import { engineEcosystem } from "./engine-ecosystem.js";
import { findExecutable } from "./find-executable.js";
import { grypeFindings } from "./grype-json.js";
import { mergeEngineFindings } from "./merge-findings.js";
import { trivyFindings } from "./trivy-json.js";

export const ENGINES = ["builtin", "trivy", "grype", "all"] as const;
export type EngineChoice = (typeof ENGINES)[number];
export type ExternalEngineName = "trivy" | "grype";

interface ExternalEngine {
  name: ExternalEngineName;
  args(spec: string): string[];
  convert(json: unknown, image: string): Finding[];
}

function isLocal(spec: string): boolean {
  return /^(docker-archive|oci):/.test(spec) || spec.startsWith("/") || spec.startsWith(".");
}

/** A local image's path and, for OCI layouts, the tag after it (`oci:<path>[:<ref>]`). */
function localPath(spec: string): { kind: "docker-archive" | "oci"; path: string } {
  if (spec.startsWith("oci:")) return { kind: "oci", path: spec.slice(4).replace(/:[^/:]*$/, "") };
  return { kind: "docker-archive", path: spec.replace(/^docker-archive:/, "") };
}

/** How each tool is told about an image: registry references as they are, local files by their kind. */
export function engineArguments(engine: ExternalEngineName, spec: string): string[] {
  if (spec.startsWith("docker-daemon:")) {
    // Trivy looks in the local daemon first by itself; Grype is told to.
    const ref = spec.slice("docker-daemon:".length);
    return engine === "trivy"
      ? ["image", "--quiet", "--format", "json", ref]
      : [`docker:${ref}`, "-o", "json", "-q"];
  }
  if (engine === "trivy") {
    const target = isLocal(spec) ? ["--input", localPath(spec).path] : [spec];
    return ["image", "--quiet", "--format", "json", ...target];
  }
  let target = `registry:${spec}`;
  if (isLocal(spec)) {
    const { kind, path } = localPath(spec);
    target = kind === "oci" ? `oci-dir:${path}` : `docker-archive:${path}`;
  }
  return [target, "-o", "json", "-q"];
}

const EXTERNAL: ExternalEngine[] = [
  { name: "trivy", args: (spec) => engineArguments("trivy", spec), convert: trivyFindings },
  { name: "grype", args: (spec) => engineArguments("grype", spec), convert: grypeFindings },
];

export interface EngineOptions {
  /** PATH is searched for the engines; the engines run with this environment. */
  env: Readonly<Record<string, string | undefined>>;
  progress?(message: string): void;
  /** Working directory of the engines: local image paths are relative to it (the workspace). */
  cwd?: string;
  /** Per image and engine (default 30 minutes). */
  timeoutMs?: number;
}

function runEngine(
  executable: string,
  args: string[],
  options: EngineOptions,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      executable,
      args,
      {
        env: { ...options.env } as NodeJS.ProcessEnv,
        ...(options.cwd ? { cwd: options.cwd } : {}),
        maxBuffer: 512 << 20,
        timeout: options.timeoutMs ?? 30 * 60_000,
      },
      (error, stdout, stderr) => {
        if (error) {
          const detail = stderr.trim().split("\n").slice(-3).join(" ").trim();
          reject(new Error(`${error.message.split("\n")[0]}${detail ? `: ${detail}` : ""}`));
        } else resolve({ stdout, stderr });
      },
    );
  });
}

/** OSV ecosystem, layer index, base-image flag, instruction and Dockerfile line of an engine's finding. */
export function attributeEngineFinding(engineFinding: Finding, image: ScannedImage): Finding {
  const ecosystem = engineEcosystem(engineFinding.package?.ecosystem, image.inventory?.os?.ecosystem);
  const finding: Finding =
    engineFinding.package && ecosystem
      ? { ...engineFinding, package: { ...engineFinding.package, ecosystem } }
      : engineFinding;
  const p = finding.properties ?? {};
  const ids = image.layerIds ?? [];
  const index = ids.findIndex(
    (l) => (p.layerDigest !== undefined && l.digest === p.layerDigest) || l.diffId === p.layerDiffId,
  );
  const layer = index >= 0 ? image.inventory?.layers[index] : undefined;
  if (!layer) return finding;
  const fromBase = image.baseLayers === undefined ? undefined : index < image.baseLayers;
  const location = image.locate?.(layer, fromBase);
  return {
    ...finding,
    ...(location ? { location } : {}),
    ...(fromBase ? { labels: ["base-image"] } : {}),
    properties: {
      ...p,
      layerIndex: index,
      layerDigest: layer.digest,
      ...(layer.createdBy ? { createdBy: layer.createdBy } : {}),
      ...(fromBase !== undefined ? { fromBaseImage: fromBase } : {}),
      ...(image.baseImage ? { baseImage: image.baseImage } : {}),
    },
  };
}

export async function externalEngines(
  choice: EngineChoice,
  result: ContainerScanResult,
  options: EngineOptions,
): Promise<void> {
  if (choice === "builtin") return;
  const wanted = EXTERNAL.filter((e) => choice === "all" || e.name === choice);
  const found = new Map<ScannedImage, Finding[][]>();
  let ran = 0;
  for (const engine of wanted) {
    const executable = findExecutable(engine.name, options.env.PATH);
    if (!executable) {
      result.problems.push(
        choice === "all"
          ? {
              level: "notice",
              message: `engine all: ${engine.name} is not installed on this runner (not on PATH); the findings are the other engines'. Install it before this step to use it too.`,
            }
          : {
              level: "error",
              message: `engine ${choice}: ${engine.name} is not installed on this runner (not on PATH). The built-in engine's findings are reported instead; install ${engine.name} before this step, or set engine: builtin or all.`,
            },
      );
      continue;
    }
    ran++;
    for (const image of result.images) {
      if (!image.inventory) continue;
      const spec = image.request.spec;
      options.progress?.(`container-scan: ${engine.name} on ${spec}`);
      try {
        const { stdout } = await runEngine(executable, engine.args(spec), options);
        let json: unknown;
        try {
          json = JSON.parse(stdout) as unknown;
        } catch {
          throw new Error(`its output is not JSON (${stdout.slice(0, 80).trim() || "empty"})`);
        }
        const converted = engine
          .convert(json, spec)
          .map((f) => ({ ...attributeEngineFinding(f, image), runKey: spec }));
        found.set(image, [...(found.get(image) ?? []), converted]);
      } catch (error) {
        result.problems.push({
          level: "error",
          runKey: spec,
          message: `${engine.name} failed on ${spec}: ${(error as Error).message}`,
        });
      }
    }
  }
  // Only the engine asked for reports, unless it could not run at all (then the built-in one stands in).
  const keepBuiltin = choice === "all" || ran === 0;
  for (const image of result.images) {
    if (!image.inventory) continue;
    const lists = found.get(image) ?? [];
    if (!keepBuiltin && lists.length === 0) continue;
    image.findings = mergeEngineFindings(keepBuiltin ? [image.findings, ...lists] : lists);
  }
  result.findings = result.images.flatMap((i) => i.findings);
}
