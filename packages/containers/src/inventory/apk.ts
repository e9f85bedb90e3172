// Alpine packages from /lib/apk/db/installed: blank-line separated records of "X:value" lines
// (P: name, V: version, A: arch, o: origin/source package).

export const APK_INSTALLED = "lib/apk/db/installed";

export interface ApkPackage {
  name: string;
  version: string;
  arch?: string;
  origin?: string;
}

export class ApkParseError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line: number,
  ) {
    super(`${file}:${line}: ${message}`);
    this.name = "ApkParseError";
  }
}

export function parseApkInstalled(text: string, file: string): ApkPackage[] {
  const packages: ApkPackage[] = [];
  let record: Partial<ApkPackage> = {};
  let start = 1;
  const flush = (): void => {
    if (Object.keys(record).length > 0) {
      if (!record.name) throw new ApkParseError(file, "record without a P: (package name) line", start);
      if (!record.version) throw new ApkParseError(file, `package ${record.name} has no V: line`, start);
      packages.push(record as ApkPackage);
    }
    record = {};
  };
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").replace(/\r$/, "");
    if (line === "") {
      flush();
      start = i + 2;
      continue;
    }
    if (line[1] !== ":")
      throw new ApkParseError(file, `expected "X:value" but found "${line.slice(0, 80)}"`, i + 1);
    const value = line.slice(2);
    switch (line[0]) {
      case "P":
        record.name = value;
        break;
      case "V":
        record.version = value;
        break;
      case "A":
        record.arch = value;
        break;
      case "o":
        record.origin = value;
        break;
    }
  }
  flush();
  return packages;
}
