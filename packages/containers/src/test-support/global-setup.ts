// Makes the Debian rootfs once per test run (cached across runs), before any test file asks for it.
import { cleanStaleWork, ensureDebianRootfs } from "./debian-rootfs.js";

export default async function setup(): Promise<void> {
  await cleanStaleWork();
  const rootfs = await ensureDebianRootfs();
  if (rootfs.note) console.warn(rootfs.note);
}
