// Images a local Docker daemon holds (built earlier in the job, never pushed): when the `docker` CLI is
// on PATH and the daemon has the image, `docker save` writes it to a temp archive that is read like any
// docker save archive. `docker-daemon:<ref>` insists on the daemon; a plain reference prefers the
// daemon's copy when there is one (it is what the job just built) and otherwise goes to the registry.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { findExecutable } from "./engines/find-executable.js";

export const DAEMON_PREFIX = "docker-daemon:";

export interface DockerDaemon {
  /** True when the daemon holds the image. */
  has(ref: string): Promise<boolean>;
  /** Saves the image to an archive under the temp dir; returns its path. */
  save(ref: string): Promise<string>;
}

function docker(
  executable: string,
  args: string[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      executable,
      args,
      { env: { ...env } as NodeJS.ProcessEnv, maxBuffer: 16 << 20, timeout: 20 * 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(stderr.trim().split("\n").pop() || error.message.split("\n")[0]));
        else resolve(stdout);
      },
    );
  });
}

/** The local daemon through the docker CLI on env.PATH; undefined when there is no docker CLI. */
export function dockerDaemon(
  env: Readonly<Record<string, string | undefined>>,
  tempDir: string,
): DockerDaemon | undefined {
  const executable = findExecutable("docker", env.PATH);
  if (!executable) return undefined;
  let saved = 0;
  return {
    async has(ref) {
      try {
        await docker(executable, ["image", "inspect", "--format", "{{.Id}}", ref], env);
        return true;
      } catch {
        return false;
      }
    },
    async save(ref) {
      const dir = await mkdtemp(join(tempDir, "bulwark-docker-save-"));
      const file = join(dir, `image-${saved++}.tar`);
      try {
        await docker(executable, ["save", "--output", file, ref], env);
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        throw new Error(`docker save ${ref} failed: ${(error as Error).message}`);
      }
      return file;
    },
  };
}
