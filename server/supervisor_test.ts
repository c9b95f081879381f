import assert from "node:assert/strict";
import { createLogger } from "./log.ts";
import {
  checkCanSupervise,
  copyArgs,
  copyEnv,
  prepareProcesses,
  processRole,
  readCmdline,
  restartDelay,
  type Runtime,
  Supervisor,
} from "./supervisor.ts";

const envOf = (vars: Record<string, string>) => (k: string) => vars[k];
const REDIS = { PARLEY_REDIS_URL: "redis://127.0.0.1:6379" };

Deno.test("processRole: one process unless PARLEY_PROCESSES asks for more, with Redis", () => {
  assert.deepEqual(processRole(envOf({})), { kind: "single" });
  assert.deepEqual(processRole(envOf({ PARLEY_PROCESSES: "1" })), { kind: "single" });
  assert.deepEqual(processRole(envOf({ PARLEY_PROCESSES: "3", ...REDIS })), {
    kind: "supervisor",
    processes: 3,
  });
  assert.deepEqual(
    processRole(
      envOf({
        PARLEY_PROCESSES: "3",
        PARLEY_PROCESS_INDEX: "2",
        PARLEY_SUPERVISOR_PID: "4321",
        ...REDIS,
      }),
    ),
    { kind: "copy", index: 2, supervisorPid: 4321 },
  );
});

Deno.test("processRole: refuses several processes on SQLite, saying why and what to set", () => {
  assert.throws(
    () => processRole(envOf({ PARLEY_PROCESSES: "2", PARLEY_DB: "parley.db" })),
    (err: unknown) =>
      err instanceof RangeError && /SQLite store/.test(err.message) &&
      /PARLEY_REDIS_URL=redis:/.test(err.message) && /PARLEY_PROCESSES=1/.test(err.message),
  );
});

Deno.test("processRole: refuses counts that are not whole numbers from 1 to 64", () => {
  for (const bad of ["0", "65", "2.5", "two", "-1"]) {
    assert.throws(
      () => processRole(envOf({ PARLEY_PROCESSES: bad, ...REDIS })),
      RangeError,
      `Invalid PARLEY_PROCESSES: "${bad}"`,
    );
  }
  assert.throws(() => processRole(envOf({ PARLEY_PROCESS_INDEX: "0" })), RangeError);
  assert.throws(
    () => processRole(envOf({ PARLEY_PROCESS_INDEX: "1" })),
    RangeError,
    "Invalid PARLEY_SUPERVISOR_PID",
  );
});

const able: Runtime = {
  unstableNet: true,
  canRun: true,
  cmdline: ["deno", "run", "main.ts"],
};

Deno.test("checkCanSupervise: names the missing flag and the task that has it", () => {
  assert.equal(checkCanSupervise(able), undefined);
  assert.match(
    checkCanSupervise({ ...able, unstableNet: false })!,
    /--unstable-net.*deno task start:cluster/,
  );
  assert.match(checkCanSupervise({ ...able, canRun: false })!, /--allow-run/);
  assert.match(checkCanSupervise({ ...able, cmdline: undefined })!, /cmdline/);
});

Deno.test("prepareProcesses: a supervisor that cannot start copies refuses before listening", async () => {
  await assert.rejects(
    prepareProcesses(
      envOf({ PARLEY_PROCESSES: "2", ...REDIS }),
      () => Promise.resolve({ ...able, unstableNet: false }),
    ),
    RangeError,
  );
  const single = await prepareProcesses(envOf({}));
  assert.equal(single.reusePort, false);
  assert.deepEqual(single.role, { kind: "single" });
});

Deno.test("copyArgs: the same command line, then the port the first process got", () => {
  assert.deepEqual(
    copyArgs(["deno", "run", "-A", "--unstable-net", "main.ts", "--port", "0"], 41234),
    ["run", "-A", "--unstable-net", "main.ts", "--port", "0", "--port", "41234"],
  );
  assert.deepEqual(copyArgs(["./parley"], 8000), ["--port", "8000"]);
});

Deno.test("copyEnv: marks the copy, and a fixed node id becomes unique per copy and per start", () => {
  const base = { PARLEY_NODE_ID: "web1", PARLEY_REDIS_URL: "redis://r:6379" };
  assert.deepEqual(copyEnv(base, 2, 1, 77), {
    PARLEY_NODE_ID: "web1-2.1",
    PARLEY_REDIS_URL: "redis://r:6379",
    PARLEY_PROCESS_INDEX: "2",
    PARLEY_SUPERVISOR_PID: "77",
  });
  assert.equal(copyEnv(base, 2, 3, 77).PARLEY_NODE_ID, "web1-2.3");
  assert.equal(
    copyEnv({}, 1, 1, 77).PARLEY_NODE_ID,
    undefined,
    "the default id is unique already",
  );
});

Deno.test("restartDelay: doubles for quick deaths in a row, up to the cap; a long run resets it", () => {
  const policy = { baseMs: 100, maxMs: 1_000, healthyMs: 5_000 };
  let quick = 0;
  const delays: number[] = [];
  for (let i = 0; i < 6; i++) {
    const next = restartDelay(10, quick, policy);
    quick = next.quickDeaths;
    delays.push(next.delayMs);
  }
  assert.deepEqual(delays, [100, 200, 400, 800, 1_000, 1_000]);
  assert.deepEqual(restartDelay(6_000, quick, policy), { delayMs: 100, quickDeaths: 0 });
});

Deno.test("readCmdline: reads this process's own command line, as the kernel has it", async () => {
  const cmdline = await readCmdline();
  assert.ok(cmdline, "readable on Linux");
  assert.deepEqual(cmdline.slice(cmdline.length - Deno.args.length), Deno.args);
  assert.ok(cmdline.includes("test"), `deno test ...: ${cmdline.join(" ")}`);
});

/** Waits for `check` to hold, failing with `what` after `ms`. */
async function until(check: () => boolean | Promise<boolean>, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const alive = (pid: number) => {
  try {
    // Signal 0 is not offered by Deno.kill; /proc tells whether the process exists.
    const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
    return !/^\d+ \(.*\) Z/.test(stat); // a zombie has exited
  } catch {
    return false;
  }
};

Deno.test("Supervisor: a copy that is killed is started again; stop() ends every copy", async () => {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger("info", (l) => lines.push(JSON.parse(l)));
  // Each copy is a real process that runs until it is stopped, as a Parley copy does.
  const sup = new Supervisor({
    copies: 2,
    command: Deno.execPath(),
    args: ["eval", "--no-config", "setInterval(() => {}, 1000);"],
    env: (index, spawn) => ({ INDEX: String(index), SPAWN: String(spawn) }),
    log,
    policy: { baseMs: 50, maxMs: 50, healthyMs: 60_000 },
  });
  sup.start();
  try {
    await until(() => sup.pids.every((p) => p !== undefined), "both copies to start");
    const [first, second] = sup.pids as number[];
    Deno.kill(first!, "SIGKILL");
    await until(
      () => sup.pids[0] !== undefined && sup.pids[0] !== first,
      "the killed copy to start again",
    );
    assert.equal(sup.pids[1], second, "the other copy was left alone");
    const exited = lines.find((l) => l.msg === "process exited; starting it again")!;
    assert.equal(exited.process, 1);
    assert.equal(exited.signal, "SIGKILL");
    assert.deepEqual(
      lines.filter((l) => l.msg === "process started").map((l) => l.process),
      [1, 2, 1],
    );
  } finally {
    const pids = sup.pids as number[];
    await sup.stop();
    for (const pid of pids) assert.equal(alive(pid), false, `copy ${pid} has exited`);
  }
  assert.deepEqual(sup.pids, [undefined, undefined]);
  assert.equal(lines.filter((l) => l.msg === "process exited; starting it again").length, 1);
});

Deno.test("stopWhenSupervisorGone: a copy stops once its supervisor is SIGKILLed", async () => {
  const mod = new URL("./supervisor.ts", import.meta.url).href;
  // A stand-in supervisor (a real process) that starts one copy watching it, prints the
  // copy's pid, and waits; the copy prints when it stops.
  const copy = `import { stopWhenSupervisorGone } from ${JSON.stringify(mod)};
    stopWhenSupervisorGone(Number(Deno.env.get("SUP")), (why) => {
      Deno.writeTextFileSync(Deno.env.get("OUT"), why);
      Deno.exit(0);
    }, 50);
    setInterval(() => {}, 1000);`;
  const out = await Deno.makeTempFile();
  const supervisor = new Deno.Command(Deno.execPath(), {
    args: [
      "eval",
      "--no-config",
      `const c = new Deno.Command(Deno.execPath(), {
         args: ["eval", "--no-config", ${JSON.stringify(copy)}],
         env: { SUP: String(Deno.pid), OUT: ${JSON.stringify(out)} },
       }).spawn();
       console.log(c.pid);
       setInterval(() => {}, 1000);`,
    ],
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const lines = supervisor.stdout.pipeThrough(new TextDecoderStream()).getReader();
  const copyPid = Number((await lines.read()).value);
  try {
    await until(() => Deno.readTextFileSync(out) === "" && alive(copyPid), "the copy to start");
    // Nothing happens while the supervisor lives.
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(alive(copyPid), true);
    supervisor.kill("SIGKILL");
    await supervisor.status;
    await until(() => !alive(copyPid), "the copy to stop once its supervisor is gone");
    assert.match(Deno.readTextFileSync(out), /^supervisor gone: pid \d+ is no longer the parent$/);
  } finally {
    try {
      Deno.kill(copyPid, "SIGKILL");
    } catch { /* stopped, as it should */ }
    await lines.cancel();
    await Deno.remove(out);
  }
});

Deno.test("readCmdline: without --allow-all, reads it through deno eval", async () => {
  const mod = new URL("./supervisor.ts", import.meta.url).href;
  const script = await Deno.makeTempFile({ suffix: ".ts" });
  try {
    await Deno.writeTextFile(
      script,
      `import { readCmdline } from ${JSON.stringify(mod)};
       console.log(JSON.stringify(await readCmdline()));`,
    );
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--no-config", "--allow-run", script, "--port", "9"],
      stderr: "inherit",
    }).output();
    assert.equal(out.code, 0);
    const cmdline: string[] = JSON.parse(new TextDecoder().decode(out.stdout));
    assert.match(cmdline[0]!, /deno$/, "argv[0] is the executable as it was started");
    assert.deepEqual(cmdline.slice(1), [
      "run",
      "--no-config",
      "--allow-run",
      script,
      "--port",
      "9",
    ]);
  } finally {
    await Deno.remove(script);
  }
});
