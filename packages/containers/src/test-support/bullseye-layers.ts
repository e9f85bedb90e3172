// A small Debian 11 (bullseye) image as three layers, with package versions bullseye really shipped
// (its release and point releases), so the real Debian advisories in ../shared/osv-db apply:
// 1. the base: os-release, openssl/libssl1.1 1.1.1k-1, zlib1g 1:1.2.11.dfsg-2, gzip 1.10-4, dpkg 1.20.9;
// 2. `apt-get install curl libexpat1`: curl/libcurl4 7.74.0-1.3+deb11u3, libexpat1 2.2.10-2;
// 3. `apt-get install --only-upgrade zlib1g` (to the fixed 1:1.2.11.dfsg-2+deb11u2) and an npm app
//    whose package-lock.json pins lodash 4.17.20.
import { layerTar } from "./layer-tar.js";
import type { BuiltLayer } from "./push-image.js";

const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"
NAME="Debian GNU/Linux"
VERSION_ID="11"
VERSION="11 (bullseye)"
VERSION_CODENAME=bullseye
ID=debian
`;

function paragraph(name: string, version: string, source?: string, arch = "amd64"): string {
  return [
    `Package: ${name}`,
    "Status: install ok installed",
    "Priority: optional",
    `Architecture: ${arch}`,
    ...(source ? [`Source: ${source}`] : []),
    `Version: ${version}`,
    `Description: ${name}`,
    "",
  ].join("\n");
}

const BASE = [
  paragraph("base-files", "11.1"),
  paragraph("dpkg", "1.20.9"),
  paragraph("gzip", "1.10-4"),
  paragraph("libssl1.1", "1.1.1k-1", "openssl"),
  paragraph("openssl", "1.1.1k-1"),
  paragraph("zlib1g", "1:1.2.11.dfsg-2", "zlib"),
];
const CURL = [
  paragraph("curl", "7.74.0-1.3+deb11u3"),
  paragraph("libcurl4", "7.74.0-1.3+deb11u3", "curl"),
  paragraph("libexpat1", "2.2.10-2", "expat"),
];

const status = (paragraphs: string[]) => paragraphs.join("\n");

export const LODASH_LOCK = JSON.stringify(
  {
    name: "app",
    version: "1.0.0",
    lockfileVersion: 3,
    requires: true,
    packages: {
      "": { name: "app", version: "1.0.0", dependencies: { lodash: "4.17.20" } },
      "node_modules/lodash": {
        version: "4.17.20",
        resolved: "https://registry.npmjs.org/lodash/-/lodash-4.17.20.tgz",
      },
    },
  },
  null,
  2,
);

export const BULLSEYE_BASE_CREATED_BY = "/bin/sh -c #(nop) ADD file:bullseye-rootfs.tar in / ";
export const CURL_CREATED_BY = "RUN /bin/sh -c apt-get install -y curl libexpat1 # buildkit";
export const UPGRADE_CREATED_BY =
  "RUN /bin/sh -c apt-get install --only-upgrade -y zlib1g && npm ci # buildkit";

export async function bullseyeBaseLayer(): Promise<BuiltLayer> {
  return {
    createdBy: BULLSEYE_BASE_CREATED_BY,
    data: await layerTar(
      [
        { path: "etc/os-release", content: OS_RELEASE },
        { path: "var/lib/dpkg/status", content: status(BASE) },
        { path: "usr/bin/gzip", content: "not really gzip" },
      ],
      { gzip: true },
    ),
  };
}

export async function bullseyeAppLayers(): Promise<BuiltLayer[]> {
  const upgraded = BASE.map((p) =>
    p.startsWith("Package: zlib1g\n") ? paragraph("zlib1g", "1:1.2.11.dfsg-2+deb11u2", "zlib") : p,
  );
  return [
    {
      createdBy: CURL_CREATED_BY,
      data: await layerTar([{ path: "var/lib/dpkg/status", content: status([...BASE, ...CURL]) }], {
        gzip: true,
      }),
    },
    {
      createdBy: UPGRADE_CREATED_BY,
      data: await layerTar(
        [
          { path: "var/lib/dpkg/status", content: status([...upgraded, ...CURL]) },
          { path: "usr/src/app/package-lock.json", content: LODASH_LOCK },
        ],
        { gzip: true },
      ),
    },
  ];
}
