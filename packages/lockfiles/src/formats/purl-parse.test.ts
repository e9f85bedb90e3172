import { describe, expect, it } from "vitest";
import { osvPackageOf } from "./purl-ecosystem.js";
import { parsePurl } from "./purl-parse.js";
import { purlString } from "./purl-string.js";

describe("parsePurl", () => {
  it("splits type, namespace, name, version, qualifiers and subpath, percent-decoded", () => {
    expect(parsePurl("pkg:npm/%40scope/name@1.0.0")).toEqual({
      type: "npm",
      namespace: "@scope",
      name: "name",
      version: "1.0.0",
      qualifiers: {},
      subpath: undefined,
    });
    expect(parsePurl("pkg:golang/github.com/elastic/harp@v0.2.10?type=module#cmd/harp")).toMatchObject({
      namespace: "github.com/elastic",
      name: "harp",
      version: "v0.2.10",
      qualifiers: { type: "module" },
      subpath: "cmd/harp",
    });
    expect(parsePurl("pkg:deb/debian/openssl@3.0.11-1?arch=amd64&distro=debian-12")?.qualifiers).toEqual({
      arch: "amd64",
      distro: "debian-12",
    });
  });

  it("accepts an unencoded npm scope and an upper-case scheme and type", () => {
    expect(parsePurl("pkg:npm/@angular/core@16.0.0")).toMatchObject({ namespace: "@angular", name: "core" });
    expect(parsePurl("PKG:NPM/@angular/core")).toMatchObject({
      type: "npm",
      name: "core",
      version: undefined,
    });
  });

  it("rejects text that is not a purl", () => {
    for (const bad of ["", "npm/x@1", "pkg:", "pkg:npm", "pkg:/x", "pkg:n%pm/x"])
      expect(parsePurl(bad)).toBeUndefined();
  });

  it("round-trips purls built by purlString", () => {
    const built = purlString({
      type: "maven",
      namespace: "org.apache",
      name: "commons lang",
      version: "1.0+x",
    });
    expect(built).toBe("pkg:maven/org.apache/commons%20lang@1.0%2Bx");
    expect(parsePurl(built)).toMatchObject({
      namespace: "org.apache",
      name: "commons lang",
      version: "1.0+x",
    });
  });
});

describe("osvPackageOf", () => {
  const osv = (purl: string) => osvPackageOf(parsePurl(purl) ?? { type: "", name: "", qualifiers: {} });

  it("maps language ecosystems to OSV names", () => {
    expect(osv("pkg:npm/%40scope/name@1.0.0")).toEqual({
      ecosystem: "npm",
      name: "@scope/name",
      version: "1.0.0",
    });
    expect(osv("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1")).toEqual({
      ecosystem: "Maven",
      name: "org.apache.logging.log4j:log4j-core",
      version: "2.14.1",
    });
    expect(osv("pkg:pypi/Django_Rest.Framework@3.0")).toMatchObject({
      ecosystem: "PyPI",
      name: "django-rest-framework",
    });
    expect(osv("pkg:golang/golang.org/x/net@v0.17.0")).toEqual({
      ecosystem: "Go",
      name: "golang.org/x/net",
      version: "0.17.0",
    });
    expect(osv("pkg:composer/laravel/framework@v7.12.0")).toMatchObject({
      name: "laravel/framework",
      version: "7.12.0",
    });
    expect(osv("pkg:generic/openssl@3.0")).toBeUndefined();
  });

  it("maps distribution packages by their distro qualifier", () => {
    expect(osv("pkg:deb/debian/openssl@3.0.11-1?distro=debian-12")).toEqual({
      ecosystem: "Debian:12",
      name: "openssl",
      version: "3.0.11-1",
    });
    expect(osv("pkg:deb/debian/libssl3@3.0.11-1?distro=bookworm&upstream=openssl")).toMatchObject({
      ecosystem: "Debian:12",
      name: "openssl",
    });
    expect(osv("pkg:deb/ubuntu/curl@7.68.0-1ubuntu2?distro=ubuntu-20.04")?.ecosystem).toBe(
      "Ubuntu:20.04:LTS",
    );
    expect(osv("pkg:deb/ubuntu/curl@7.85.0?distro=ubuntu-22.10")?.ecosystem).toBe("Ubuntu:22.10");
    expect(osv("pkg:apk/alpine/busybox@1.35.0-r17?arch=x86_64&distro=3.16.3")?.ecosystem).toBe(
      "Alpine:v3.16",
    );
    expect(osv("pkg:rpm/rocky/bash@4.4.20-4.el8_6?arch=x86_64&distro=rocky-8.7&epoch=1")).toEqual({
      ecosystem: "Rocky Linux:8",
      name: "bash",
      version: "1:4.4.20-4.el8_6",
    });
    expect(osv("pkg:rpm/centos/bash@4.2.46?distro=centos-7.9.2009")).toBeUndefined();
  });
});
