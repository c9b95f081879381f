/**
 * Real storage faults for tests: a small tmpfs that can be filled up and freed, or made
 * read-only, and a page of a SQLite file overwritten with garbage. Mounting needs root
 * (CI runs as root); {@link CAN_MOUNT} says whether this run can.
 *
 * @module
 */

/** Whether this process may mount a tmpfs (it runs as root). */
export const CAN_MOUNT = Deno.uid() === 0;

async function run(cmd: string, ...args: string[]): Promise<void> {
  const out = await new Deno.Command(cmd, { args, stdout: "null", stderr: "piped" }).output();
  if (!out.success) {
    throw new Error(`${cmd} ${args.join(" ")} failed: ${new TextDecoder().decode(out.stderr)}`);
  }
}

/** A mounted tmpfs of a fixed size, unmounted (and its folder removed) when disposed. */
export interface Tmpfs extends AsyncDisposable {
  dir: string;
  /** Writes a filler file until the file system is full; returns the bytes written. */
  fill(): Promise<number>;
  /** Removes the filler file, freeing the space again. */
  free(): Promise<void>;
  /** Remounts read-only (`ro: true`) or read-write. */
  remount(ro: boolean): Promise<void>;
}

/** Mounts a tmpfs of `size` (as `mount -o size=`, e.g. `2m`) in a new temporary folder. */
export async function mountTmpfs(size: string): Promise<Tmpfs> {
  const dir = await Deno.makeTempDir({ prefix: "parley-tmpfs-" });
  await run("mount", "-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir);
  const filler = `${dir}/filler`;
  return {
    dir,
    async fill() {
      const chunk = new Uint8Array(16 * 1024).fill(0x61);
      let written = 0;
      using file = await Deno.open(filler, { write: true, create: true, append: true });
      // Bounded by the size of the file system: each chunk takes space until none is left.
      for (let i = 0; i < 1_000_000; i++) {
        try {
          written += await file.write(chunk);
        } catch {
          break; // ENOSPC: full
        }
      }
      // A last pass with small writes takes the remaining partial block.
      const small = new Uint8Array(512);
      for (let i = 0; i < 10_000; i++) {
        try {
          written += await file.write(small);
        } catch {
          break;
        }
      }
      return written;
    },
    async free() {
      await Deno.remove(filler).catch(() => {});
    },
    async remount(ro) {
      await run("mount", "-o", `remount,${ro ? "ro" : "rw"}`, dir);
    },
    async [Symbol.asyncDispose]() {
      await run("umount", "-l", dir).catch(() => {});
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    },
  };
}

/** Overwrites page `page` (0-based) of a SQLite file with garbage, as a bad disk would. */
export async function corruptPage(path: string, page: number, pageSize = 16_384): Promise<void> {
  using file = await Deno.open(path, { write: true });
  await file.seek(page * pageSize, Deno.SeekMode.Start);
  const junk = new Uint8Array(pageSize);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 131 + 7) & 0xff;
  await file.write(junk);
}
