/// <reference lib="webworker" />
/**
 * The tester's Web Worker: the shared engine (lib/spl, lib/events) behind a message protocol
 * (lib/tester/protocol.ts). All parsing and evaluation happen here, off the page's main thread.
 */
import { createEngineHost } from "../../lib/tester/engine-host";
import type { ToWorker } from "../../lib/tester/protocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = createEngineHost((msg) => scope.postMessage(msg));
scope.onmessage = (e: MessageEvent<ToWorker>) => {
  void host.handle(e.data);
};
