// Maps an image's layers back to the Dockerfile it was built from: layers of the base image to the FROM
// line, the others to the RUN/COPY/ADD that made them (matched by the history's created_by text, or by
// position when every layer-making instruction made exactly one layer).
import type { Location } from "@bulwark/core";
import type { LayerInfo } from "@bulwark/containers";
import {
  finalStage,
  rootStage,
  type DockerfileStage,
  type ParsedDockerfile,
} from "./discovery/dockerfile.js";

export interface DockerfileMap {
  dockerfile: ParsedDockerfile;
  /** The stage the image was built from (the last, or a target). */
  stage: DockerfileStage;
  /** The stage whose FROM names the base image. */
  root: DockerfileStage;
  /** Layer-making instructions from the root stage to the final one, in build order. */
  instructions: DockerfileStage["layerInstructions"];
}

export function dockerfileMap(dockerfile: ParsedDockerfile, target?: string): DockerfileMap | undefined {
  const stage = finalStage(dockerfile, target);
  if (!stage) return undefined;
  const root = rootStage(dockerfile, stage);
  const chain: DockerfileStage[] = [];
  for (
    let s: DockerfileStage | undefined = stage;
    s;
    s = s.parent !== undefined ? dockerfile.stages[s.parent] : undefined
  ) {
    chain.unshift(s);
    if (s === root) break;
  }
  return { dockerfile, stage, root, instructions: chain.flatMap((s) => s.layerInstructions) };
}

/** created_by as buildkit and the classic builder write it, down to the instruction's own text. */
export function normaliseCreatedBy(createdBy: string): string {
  return createdBy
    .replace(/\s+#\s*buildkit\s*$/, "")
    .replace(/^RUN\s+/, "")
    .replace(/^\|\d+(\s+\S+=\S*)*\s+/, "")
    .replace(/^\/bin\/sh -c\s+/, "")
    .replace(/^#\(nop\)\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

function squash(text: string): string {
  return text.replace(/\\\n/g, " ").replace(/\s+/g, " ").trim();
}

/** A function giving each layer's Dockerfile location, for imageFindings' locate. */
export function layerLocator(
  map: DockerfileMap,
  layers: readonly LayerInfo[],
  baseLayers: number | undefined,
): (layer: LayerInfo, fromBase: boolean | undefined) => Location {
  const path = map.dockerfile.path;
  const fromLine: Location = { path, startLine: map.root.line };
  const lines = new Map<number, Location>();
  const own = layers.filter((l) => baseLayers !== undefined && l.index >= baseLayers);
  let next = 0;
  let matchedAll = true;
  for (const layer of own) {
    const text = normaliseCreatedBy(layer.createdBy ?? "");
    let found = -1;
    for (let i = next; i < map.instructions.length && text; i++) {
      const instruction = map.instructions[i]!;
      const args = squash(instruction.text);
      if (args && (text === args || text.includes(args) || args.includes(text))) {
        found = i;
        break;
      }
    }
    if (found < 0) {
      matchedAll = false;
      continue;
    }
    const instruction = map.instructions[found]!;
    lines.set(layer.index, { path, startLine: instruction.line, endLine: instruction.endLine });
    next = found + 1;
  }
  if (!matchedAll && own.length === map.instructions.length) {
    own.forEach((layer, i) => {
      const instruction = map.instructions[i]!;
      lines.set(layer.index, { path, startLine: instruction.line, endLine: instruction.endLine });
    });
  }
  return (layer, fromBase) => (fromBase ? fromLine : (lines.get(layer.index) ?? { path }));
}
