import { describe, expect, it } from "vitest";
import { normalizePythonName, packagePurl } from "./purl.js";

describe("packagePurl", () => {
  it("builds purls per the purl spec's type rules", () => {
    expect(packagePurl("npm", "@angular/core", "17.0.0")).toBe("pkg:npm/%40angular/core@17.0.0");
    expect(packagePurl("npm", "left-pad", "1.3.0")).toBe("pkg:npm/left-pad@1.3.0");
    expect(packagePurl("PyPI", "Django_REST.framework", "3.14.0")).toBe(
      "pkg:pypi/django-rest-framework@3.14.0",
    );
    expect(packagePurl("Maven", "org.apache.commons:commons-lang3", "3.14.0")).toBe(
      "pkg:maven/org.apache.commons/commons-lang3@3.14.0",
    );
    expect(packagePurl("Go", "github.com/gin-gonic/gin", "v1.9.1")).toBe(
      "pkg:golang/github.com/gin-gonic/gin@v1.9.1",
    );
    expect(packagePurl("crates.io", "serde", "1.0.0")).toBe("pkg:cargo/serde@1.0.0");
    expect(packagePurl("Packagist", "Laravel/Framework", "10.0.0")).toBe(
      "pkg:composer/laravel/framework@10.0.0",
    );
    expect(packagePurl("RubyGems", "rails", "7.1.0")).toBe("pkg:gem/rails@7.1.0");
    expect(packagePurl("NuGet", "Newtonsoft.Json", "13.0.3")).toBe("pkg:nuget/Newtonsoft.Json@13.0.3");
    expect(packagePurl("npm", "x", "1.0.0+build/1")).toBe("pkg:npm/x@1.0.0%2Bbuild%2F1");
    expect(packagePurl("PyPI", "six")).toBe("pkg:pypi/six");
    expect(packagePurl("Debian", "openssl", "3.0")).toBeUndefined();
  });

  it("normalises Python names per PEP 503", () => {
    expect(normalizePythonName("Foo.Bar__baz-")).toBe("foo-bar-baz-");
    expect(normalizePythonName("zope.interface")).toBe("zope-interface");
  });
});
