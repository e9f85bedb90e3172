// Installing missing analysers with the system's package manager, when the user asks for it
// (`install-missing`): on Linux with apt-get, as root or through passwordless sudo, as on GitHub's
// Ubuntu runners. Nothing is installed anywhere else; the missing-tool error then says what to install.
import { execTool, stderrTail } from "./exec-tool.js";
import { findExecutable } from "./find-executable.js";

export interface InstallOutcome {
  /** Packages apt-get installed. */
  installed: string[];
  /** Why nothing could be installed, when it could not. */
  failure?: string;
}

/** Installs Debian `packages`; never throws. `uid` is the current user's (root needs no sudo). */
export async function aptInstall(
  packages: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  uid: number | undefined = process.getuid?.(),
): Promise<InstallOutcome> {
  if (packages.length === 0) return { installed: [] };
  if (process.platform !== "linux") return { installed: [], failure: "only Linux runners install tools" };
  const aptGet = findExecutable("apt-get", env.PATH);
  if (!aptGet) return { installed: [], failure: "apt-get is not available" };
  const sudo = uid === 0 ? undefined : findExecutable("sudo", env.PATH);
  if (uid !== 0 && !sudo) return { installed: [], failure: "neither root nor sudo" };
  // `sudo -n` fails instead of asking for a password the job cannot type.
  const apt = (args: string[]) =>
    sudo
      ? execTool(sudo, ["-n", aptGet, ...args], { cwd: "/", timeoutMs, env })
      : execTool(aptGet, args, { cwd: "/", timeoutMs, env });
  const install = ["install", "-y", "--no-install-recommends", ...packages];
  let run = await apt(install);
  if (run.exitCode !== 0 && !run.timedOut) {
    // A fresh runner's package lists may be stale or missing.
    await apt(["update"]);
    run = await apt(install);
  }
  if (run.exitCode === 0) return { installed: [...packages] };
  const why = run.timedOut ? "timed out" : `exited with code ${run.exitCode}`;
  const tail = stderrTail(run.stderr);
  return { installed: [], failure: `apt-get install ${packages.join(" ")} ${why}${tail ? `: ${tail}` : ""}` };
}
