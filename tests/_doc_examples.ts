/**
 * Runs every `@example` in the modules' JSDoc as a test (`deno test --doc`), so examples
 * stay true. Only modules that have a fenced example are given to `deno test`: page
 * scripts (`web/*-page.js`) touch `document` when loaded, and test files run in the
 * main suite already. Used by `deno task doc`.
 *
 * @module
 */
const ROOTS = ["main.ts", "server", "agents", "protocol", "web"];
const FENCE = /^\s*\*\s*```/m;

async function* sources(path: string): AsyncGenerator<string> {
  const info = await Deno.stat(path);
  if (info.isFile) return yield path;
  for await (const e of Deno.readDir(path)) {
    const p = `${path}/${e.name}`;
    if (e.isDirectory) yield* sources(p);
    else if (
      /\.(ts|js)$/.test(e.name) && !/_test\.(ts|js)$/.test(e.name) && !e.name.endsWith(".d.ts")
    ) {
      yield p;
    }
  }
}

const files: string[] = [];
for (const root of ROOTS) {
  for await (const f of sources(root)) {
    if (FENCE.test(await Deno.readTextFile(f))) files.push(f);
  }
}
files.sort();
const { code } = await new Deno.Command(Deno.execPath(), {
  args: ["test", "--doc", "-A", ...files],
  stdout: "inherit",
  stderr: "inherit",
}).output();
Deno.exit(code);
