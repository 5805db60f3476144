import { writeFileSync } from "node:fs";
import { Cdp } from "./cdp";
const [url, out, w, scrollY] = [process.argv[2]!, process.argv[3]!, Number(process.argv[4]), Number(process.argv[5] ?? 0)];
const cdp = Cdp.launch();
const ctx = await cdp.context(1);
const tab = ctx.tabs[0]!;
await cdp.send("Emulation.setDeviceMetricsOverride", { width: w, height: 900, deviceScaleFactor: 1, mobile: w < 600 }, tab.session);
await tab.goto(url);
await new Promise((r) => setTimeout(r, 2500));
if (scrollY) { await cdp.send("Runtime.evaluate", { expression: `window.scrollTo(0, ${scrollY})` }, tab.session); await new Promise((r) => setTimeout(r, 600)); }
const s = (await cdp.send("Page.captureScreenshot", { format: "png" }, tab.session)) as { data: string };
writeFileSync(out, Buffer.from(s.data, "base64"));
await cdp.close();
