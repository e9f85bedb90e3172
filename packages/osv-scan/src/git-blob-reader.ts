// Reads files of one commit through a single `git cat-file --batch` process, so a monorepo's hundreds
// of lockfiles (and the manifests beside them) cost one process, not one each.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { GIT_ENV } from "./git.js";

interface Pending {
  resolve(content: string | undefined): void;
  reject(error: Error): void;
}

export class GitBlobReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failure: Error | undefined;

  constructor(
    cwd: string,
    /** A commit-ish: paths are read as `<commit>:<path>`. */
    private readonly commit: string,
  ) {
    this.child = spawn("git", ["cat-file", "--batch"], {
      cwd,
      env: { ...process.env, ...GIT_ENV },
      stdio: "pipe",
    });
    let stderr = "";
    this.child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    this.child.stdout.on("data", (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const p of this.queue.splice(0)) p.reject(this.failure);
    };
    this.child.on("error", (e) => fail(new Error(`could not run git cat-file: ${e.message}`)));
    this.child.on("close", (code) => {
      if (this.queue.length > 0)
        fail(new Error(`git cat-file ended (${code}): ${stderr.trim().slice(0, 300)}`));
    });
  }

  /** The file's text at the commit (paths from the repository root), or undefined when it is not a file there. */
  read(path: string): Promise<string | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    if (/[\n\r]/.test(path)) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      this.child.stdin.write(`${this.commit}:${path}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }

  /** Answers are "<oid> <type> <size>\n<content>\n" or "<name> missing\n", in request order. */
  private drain(): void {
    for (;;) {
      const pending = this.queue[0];
      if (!pending) return;
      const eol = this.buffer.indexOf(10);
      if (eol === -1) return;
      const header = this.buffer.subarray(0, eol).toString("utf8");
      const parts = header.split(" ");
      if (parts.length !== 3 || !/^\d+$/.test(parts[2]!)) {
        // "missing", "ambiguous" and the like: no content follows.
        this.buffer = this.buffer.subarray(eol + 1);
        this.queue.shift();
        pending.resolve(undefined);
        continue;
      }
      const size = Number(parts[2]);
      if (this.buffer.length < eol + 1 + size + 1) return;
      const content = this.buffer.subarray(eol + 1, eol + 1 + size);
      this.buffer = this.buffer.subarray(eol + 1 + size + 1);
      this.queue.shift();
      pending.resolve(parts[1] === "blob" ? content.toString("utf8") : undefined);
    }
  }
}
