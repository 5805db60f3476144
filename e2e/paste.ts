import { expect, type Locator } from "@playwright/test";

/**
 * Puts `text` into a React text box at once, as a paste does (typing 10 MB would take minutes).
 * Waits until React has hydrated the box first: an input event dispatched before is lost.
 */
export async function pasteInto(box: Locator, text: string): Promise<void> {
  await expect.poll(() => box.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps"))), { timeout: 30_000 }).toBe(true);
  await box.evaluate((el, t) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(el, t);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
}
