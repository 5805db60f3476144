import { headers } from "next/headers";
import { engineWorkerUrl } from "@/lib/server/engine-worker";
import type { ToWorker } from "@/lib/tester/protocol";
import { BOOT_GLOBAL } from "./engine-boot";

/**
 * Starts the tester's engine worker from the HTML itself, as the parser reaches this tag, and sends
 * it its load at once: the worker fetches and compiles the catalog while the page's scripts load
 * and hydrate, instead of after (engine-client.ts adopts it). Production only (the one-script
 * worker, lib/server/engine-worker.ts); elsewhere nothing is rendered and the client starts its own.
 * `warmUrl`: the server's run for this page (lib/server/tester-run.ts), asked once with nothing and
 * `warm` (answered 204, no body), so that its route has compiled the catalog before the first paste
 * (each route has its own modules).
 */
export async function EngineBoot({ load, warmUrl }: { load: Extract<ToWorker, { type: "load" }>; warmUrl?: string }) {
  const url = engineWorkerUrl();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  if (!url) return null;
  // JSON in a script: `<` escaped so no value can close the element.
  const json = (v: unknown) => JSON.stringify(v).replace(/</g, "\\u003c");
  const warm = warmUrl ? `fetch(${json(warmUrl)},{method:"POST",headers:{"content-type":"application/json"},body:'{"input":"","warm":true}'}).catch(function(){});` : "";
  const code = `try{${warm}var w=new Worker(${json(url)},{name:"engine"}),l=${json(load)};w.postMessage(l);window[${json(BOOT_GLOBAL)}]={worker:w,load:l}}catch(e){}`;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: code }} />;
}
