import { describe, expect, it } from "vitest";
import { clip, escapeMarkdownCell, escapeMarkdownCode } from "./escape-markdown.js";

describe("escapeMarkdownCell", () => {
  it("flattens newlines and escapes table, HTML and Markdown syntax", () => {
    expect(escapeMarkdownCell("a | b\n<script>x</script>\r\n`c` *d* [e](f) ~g~ &amp; $x$ ![i]")).toBe(
      "a \\| b \\<script\\>x\\</script\\> \\`c\\` \\*d\\* \\[e\\](f) \\~g\\~ \\&amp; \\$x\\$ \\!\\[i\\]",
    );
  });

  it("defuses mentions, list markers, controls and bidi overrides", () => {
    expect(escapeMarkdownCell("@octocat and @github/team")).toBe("@\u200boctocat and @\u200bgithub/team");
    expect(escapeMarkdownCell("- item")).toBe("\\- item");
    expect(escapeMarkdownCell("1. item")).toBe("1\\. item");
    expect(escapeMarkdownCell("2) item")).toBe("2\\) item");
    expect(escapeMarkdownCell("a\u0000b\u202Ec\u0007")).toBe("abc");
  });

  it("clips long text without splitting characters", () => {
    expect(escapeMarkdownCell("x".repeat(400))).toHaveLength(300);
    expect(clip("😀😀😀", 2)).toBe("😀…");
  });
});

describe("escapeMarkdownCode", () => {
  it("picks a fence longer than any backtick run and escapes pipes", () => {
    expect(escapeMarkdownCode("a ``b`` | c")).toBe("```a ``b`` \\| c```");
    expect(escapeMarkdownCode("`x`")).toBe("`` `x` ``");
  });
});
