/**
 * A minimal Chrome DevTools Protocol client over `--remote-debugging-pipe`, for benchmarks that
 * must see the browser as a user does. Playwright enables the Network domain on every page and
 * worker (for its request events); with it, Chromium reported the tester's 6 MB catalog body in
 * 0.7–1.1 s instead of ~0.15 s. This client enables only Page (navigation, load events) and uses
 * Runtime and Input, so nothing is recorded per request.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { CHROMIUM_LAUNCH } from "../scripts/chromium";

type Params = Record<string, unknown>;
type Pending = { resolve: (v: Params) => void; reject: (e: Error) => void };

export class Cdp {
  private next = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly waiters: { method: string; sessionId?: string; resolve: (p: Params) => void }[] = [];
  private buffer = "";
  private readonly listeners: ((method: string, params: Params, sessionId?: string) => void)[] = [];

  private constructor(
    private readonly proc: ChildProcess,
    private readonly profile: string,
  ) {
    const out = proc.stdio[4] as Readable;
    out.setEncoding("utf8");
    out.on("data", (chunk: string) => this.receive(chunk));
  }

  /** Debian Chromium, headless, talking CDP over fds 3 (in) and 4 (out). */
  static launch(): Cdp {
    const profile = mkdtempSync(path.join(tmpdir(), "cdp-profile-"));
    const args = [...CHROMIUM_LAUNCH.args, "--headless=new", "--remote-debugging-pipe", `--user-data-dir=${profile}`, "about:blank"];
    const proc = spawn(CHROMIUM_LAUNCH.executablePath, args, { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] });
    return new Cdp(proc, profile);
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf("\0")) >= 0) {
      const msg = JSON.parse(this.buffer.slice(0, end)) as { id?: number; method?: string; sessionId?: string; params?: Params; result?: Params; error?: { message: string } };
      this.buffer = this.buffer.slice(end + 1);
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(msg.error.message));
        else p?.resolve(msg.result ?? {});
      } else if (msg.method) {
        for (const l of this.listeners) l(msg.method, msg.params ?? {}, msg.sessionId);
        const i = this.waiters.findIndex((w) => w.method === msg.method && w.sessionId === msg.sessionId);
        if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(msg.params ?? {});
      }
    }
  }

  send(method: string, params: Params = {}, sessionId?: string): Promise<Params> {
    const id = ++this.next;
    const body = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      (this.proc.stdio[3] as Writable).write(`${body}\0`);
    });
  }

  /** Every event, as it comes (for traces), until the returned function is called. */
  onEvent(listener: (method: string, params: Params, sessionId?: string) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** The next `method` event of the session (register before the action that causes it). */
  once(method: string, sessionId?: string): Promise<Params> {
    return new Promise((resolve) => this.waiters.push({ method, ...(sessionId ? { sessionId } : {}), resolve }));
  }

  /** A fresh browser context (empty cache and storage) with `n` blank tabs, attached. */
  async context(n: number): Promise<{ id: string; tabs: CdpTab[] }> {
    const { browserContextId } = (await this.send("Target.createBrowserContext")) as { browserContextId: string };
    const tabs: CdpTab[] = [];
    for (let i = 0; i < n; i++) {
      const { targetId } = (await this.send("Target.createTarget", { url: "about:blank", browserContextId })) as { targetId: string };
      const { sessionId } = (await this.send("Target.attachToTarget", { targetId, flatten: true })) as { sessionId: string };
      await this.send("Page.enable", {}, sessionId);
      tabs.push(new CdpTab(this, sessionId));
    }
    return { id: browserContextId, tabs };
  }

  closeContext(id: string): Promise<Params> {
    return this.send("Target.disposeBrowserContext", { browserContextId: id });
  }

  /** Ends Chromium (Browser.close, then a kill if it lingers) and removes its profile. */
  async close(): Promise<void> {
    const exited = new Promise((r) => this.proc.once("exit", r));
    await Promise.race([this.send("Browser.close").catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
    const t = setTimeout(() => this.proc.kill("SIGKILL"), 3000);
    await exited;
    clearTimeout(t);
    rmSync(this.profile, { recursive: true, force: true });
  }
}

export class CdpTab {
  constructor(
    private readonly cdp: Cdp,
    readonly session: string,
  ) {}

  /** Evaluate an expression in the page (awaiting a promise) and return its value. */
  async eval<T>(expression: string): Promise<T> {
    const r = (await this.cdp.send("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true }, this.session)) as { result?: { value?: T }; exceptionDetails?: { text: string } };
    if (r.exceptionDetails) throw new Error(`in the page: ${r.exceptionDetails.text}`);
    return r.result?.value as T;
  }

  /** Run `source` before the page's own scripts on every navigation. */
  addInitScript(source: string): Promise<Params> {
    return this.cdp.send("Page.addScriptToEvaluateOnNewDocument", { source }, this.session);
  }

  /** Navigate; resolves at the load event (or at once, `waitForLoad` false). */
  async goto(url: string, waitForLoad = true): Promise<void> {
    const loaded = this.cdp.once("Page.loadEventFired", this.session);
    await this.cdp.send("Page.navigate", { url }, this.session);
    if (waitForLoad) await loaded;
  }

  /** Poll `expression` until it is truthy. */
  async waitFor(expression: string, timeoutMs = 120_000, everyMs = 20): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!(await this.eval<boolean>(`!!(${expression})`))) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }

  /** Type text into the focused element as one input (what a paste does). */
  insertText(text: string): Promise<Params> {
    return this.cdp.send("Input.insertText", { text }, this.session);
  }
}
