// What an inventory reports: one installed package, and the layer that put it there.

export interface LayerInfo {
  index: number;
  /** Digest of the layer blob as stored (compressed), e.g. "sha256:...". */
  digest: string;
  /** The Dockerfile-ish instruction from the image history that made this layer, where recorded. */
  createdBy?: string;
}

export interface ImagePackage {
  name: string;
  version: string;
  /** OSV ecosystem: "Debian:12", "Ubuntu:22.04:LTS", "Alpine:v3.20", or a language one ("npm", "PyPI"...). */
  ecosystem: string;
  /** The package database or file that lists it: "dpkg", "apk", or a lockfile format name. */
  source: string;
  /** Path inside the image of the database/file it was read from. */
  file: string;
  /** Source package (dpkg Source:, apk origin): what distribution advisories are filed against. */
  sourceName?: string;
  sourceVersion?: string;
  /**
   * rpm only: the source rpm it was built from ("openssl-3.0.7-24.el9.src.rpm"). Not `sourceName`, since
   * the rpm distributions' OSV advisories (AlmaLinux, Rocky Linux) name binary packages.
   */
  sourceRpm?: string;
  arch?: string;
  purl?: string;
  /** The layer that introduced this package at this version. */
  layer: LayerInfo;
}
