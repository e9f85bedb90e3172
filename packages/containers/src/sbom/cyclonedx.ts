// A CycloneDX 1.6 JSON SBOM of one scanned image: the image as metadata.component, its distribution as
// an operating-system component, and every listed package with its purl and the layer that brought it.
// Pure: the same inventory and options give the same document.
import type { ImageInventory } from "../scan-image.js";
import { parseImageReference } from "../reference.js";
import { packagePurl } from "./package-purl.js";

export const CYCLONEDX_SPEC_VERSION = "1.6";

export interface CycloneDxOptions {
  /** Version of the tool writing the SBOM (metadata.tools). */
  toolVersion: string;
  /** ISO 8601 time of the scan; omitted from the document when not given. */
  timestamp?: string;
  /** "urn:uuid:..." serial number; omitted when not given (keeps the function pure). */
  serialNumber?: string;
  /** Tool name in metadata.tools. Default "bulwark". */
  toolName?: string;
}

export interface CycloneDxProperty {
  name: string;
  value: string;
}

export interface CycloneDxComponent {
  type: "container" | "operating-system" | "library" | "application";
  "bom-ref": string;
  name: string;
  version?: string;
  purl?: string;
  description?: string;
  properties?: CycloneDxProperty[];
}

export interface CycloneDxBom {
  $schema: string;
  bomFormat: "CycloneDX";
  specVersion: string;
  serialNumber?: string;
  version: number;
  metadata: {
    timestamp?: string;
    tools: { components: { type: "application"; name: string; version: string }[] };
    component: CycloneDxComponent;
    properties?: CycloneDxProperty[];
  };
  components: CycloneDxComponent[];
  dependencies: { ref: string; dependsOn: string[] }[];
}

/** pkg:oci/<last path component>@<digest>?repository_url=<registry>/<repository>, when both are known. */
function imagePurl(name: string, digest: string | undefined): string | undefined {
  if (!digest) return undefined;
  try {
    const ref = parseImageReference(name);
    const last = ref.repository.split("/").pop() ?? ref.repository;
    const qualifiers = [`repository_url=${encodeURIComponent(`${ref.registry}/${ref.repository}`)}`];
    if (ref.tag) qualifiers.push(`tag=${encodeURIComponent(ref.tag)}`);
    return `pkg:oci/${encodeURIComponent(last)}@${encodeURIComponent(digest)}?${qualifiers.join("&")}`;
  } catch {
    return undefined; // a local archive path, not a registry reference
  }
}

function property(name: string, value: string | number | undefined): CycloneDxProperty[] {
  return value === undefined || value === "" ? [] : [{ name, value: String(value) }];
}

export function toCycloneDx(inventory: ImageInventory, options: CycloneDxOptions): CycloneDxBom {
  const imageRef = "image";
  const refs = new Set<string>([imageRef]);
  const uniqueRef = (wanted: string): string => {
    let ref = wanted;
    for (let n = 2; refs.has(ref); n++) ref = `${wanted}#${n}`;
    refs.add(ref);
    return ref;
  };

  const purl = imagePurl(inventory.name, inventory.manifestDigest);
  const image: CycloneDxComponent = {
    type: "container",
    "bom-ref": imageRef,
    name: inventory.name,
    ...(inventory.manifestDigest ? { version: inventory.manifestDigest } : {}),
    ...(purl ? { purl } : {}),
  };
  const imageProperties = [
    ...property(
      "bulwark:image:platform",
      inventory.platform
        ? [inventory.platform.os, inventory.platform.architecture, inventory.platform.variant]
            .filter(Boolean)
            .join("/")
        : undefined,
    ),
    ...inventory.layers.flatMap((l) => property(`bulwark:image:layer:${l.index}`, l.digest)),
  ];
  if (imageProperties.length > 0) image.properties = imageProperties;

  const components: CycloneDxComponent[] = [];
  if (inventory.os) {
    components.push({
      type: "operating-system",
      "bom-ref": uniqueRef(`os:${inventory.os.id}`),
      name: inventory.os.id,
      ...(inventory.os.versionId ? { version: inventory.os.versionId } : {}),
      ...(inventory.os.prettyName ? { description: inventory.os.prettyName } : {}),
      properties: property("bulwark:ecosystem", inventory.os.ecosystem),
    });
  }
  for (const p of inventory.packages) {
    const pkgPurl = packagePurl(p);
    components.push({
      type: "library",
      "bom-ref": uniqueRef(pkgPurl ?? `${p.ecosystem}:${p.name}@${p.version}`),
      name: p.name,
      version: p.version,
      ...(pkgPurl ? { purl: pkgPurl } : {}),
      properties: [
        ...property("bulwark:ecosystem", p.ecosystem),
        ...property("bulwark:package:source", p.source),
        ...property("bulwark:package:file", p.file),
        ...property("bulwark:package:sourceName", p.sourceName),
        ...property("bulwark:package:sourceVersion", p.sourceVersion),
        ...property("bulwark:package:sourceRpm", p.sourceRpm),
        ...property("bulwark:package:arch", p.arch),
        ...property("bulwark:layer:index", p.layer.index),
        ...property("bulwark:layer:digest", p.layer.digest),
        ...property("bulwark:layer:createdBy", p.layer.createdBy),
      ],
    });
  }

  const bom: CycloneDxBom = {
    $schema: `http://cyclonedx.org/schema/bom-${CYCLONEDX_SPEC_VERSION}.schema.json`,
    bomFormat: "CycloneDX",
    specVersion: CYCLONEDX_SPEC_VERSION,
    version: 1,
    metadata: {
      ...(options.timestamp ? { timestamp: options.timestamp } : {}),
      tools: {
        components: [
          { type: "application", name: options.toolName ?? "bulwark", version: options.toolVersion },
        ],
      },
      component: image,
    },
    components,
    dependencies: [{ ref: imageRef, dependsOn: components.map((c) => c["bom-ref"]) }],
  };
  if (options.serialNumber) bom.serialNumber = options.serialNumber;
  return bom;
}
