/**
 * For pool.test.ts only: an evaluation worker that runs the job's first pair, then publishes the
 * second pair as running and blocks (never answers), so the pool's watchdog must fire and name
 * that pair's analytic and event. Blocks with Atomics.wait (no busy loop).
 */
import { parentPort, workerData } from "node:worker_threads";
import { SLOT, type JobMessage, type WorkerData } from "./protocol";

const data = workerData as WorkerData;
const progress = new Int32Array(data.progress);

parentPort?.on("message", (m: JobMessage) => {
  if (!m || m.type !== "job") return;
  // As the real worker: when the pair starts, then which pair, then (first pair only) the job.
  Atomics.store(progress, SLOT.startedAt, Date.now() - data.epoch);
  Atomics.store(progress, SLOT.pair, 0);
  Atomics.store(progress, SLOT.job, m.job);
  Atomics.store(progress, SLOT.startedAt, Date.now() - data.epoch);
  Atomics.store(progress, SLOT.pair, 1);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
});
