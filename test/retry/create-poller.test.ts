import { expect, test } from "vitest";
import { wipeRetryDelayMs } from "../../src/domain/privacy/wipe-jobs.ts";
import { createPoller } from "../../src/retry/create-poller.ts";

/** A pass that waits until the test lets it finish. */
function gatedPass() {
  const passes: (() => void)[] = [];
  const pass = () => new Promise<void>((resolve) => passes.push(resolve));
  return { pass, passes, finish: () => passes.at(-1)!() };
}

test("one pass at a time: kicks during a pass become one more pass after it", async () => {
  const gate = gatedPass();
  const poller = createPoller(gate.pass, { pollMs: 60_000, onError: () => {} });
  const first = poller.kick();
  void poller.kick();
  void poller.kick();
  expect(gate.passes).toHaveLength(1);
  gate.finish();
  await first;
  await Promise.resolve();
  expect(gate.passes).toHaveLength(2);
  gate.finish();
  await poller.idle();
  expect(gate.passes).toHaveLength(2);
});

test("after stop no follow-up pass runs; a failed pass is reported and the next kick tries again", async () => {
  const gate = gatedPass();
  const poller = createPoller(gate.pass, { pollMs: 60_000, onError: () => {} });
  void poller.kick();
  void poller.kick();
  const stopped = poller.stop();
  gate.finish();
  await stopped;
  await poller.idle();
  expect(gate.passes).toHaveLength(1);

  const errors: unknown[] = [];
  let calls = 0;
  const failing = createPoller(
    async () => {
      calls += 1;
      if (calls === 1) throw new Error("database away");
    },
    { pollMs: 60_000, onError: (error) => errors.push(error) },
  );
  await failing.kick();
  await failing.kick();
  expect(errors).toEqual([expect.objectContaining({ message: "database away" })]);
  expect(calls).toBe(2);
});

test("a wipe job waits 2 s, 4 s … after each unfinished try, at most 512 s", () => {
  expect([1, 2, 3, 9, 10, 30].map(wipeRetryDelayMs)).toEqual([2_000, 4_000, 8_000, 512_000, 512_000, 512_000]);
});
