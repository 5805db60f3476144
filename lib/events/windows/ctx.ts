/** The Windows add-on tables' context: the event's code and channel beside the shared helpers. */
import { AddonCtx } from "../addon-ctx";
import type { Extraction } from "../formats/types";

export { CITE, type Opts } from "../addon-ctx";

export class WinCtx extends AddonCtx {
  constructor(
    ext: Extraction,
    readonly code: number | undefined,
    readonly channel: string,
  ) {
    super(ext);
  }

  /** Says the event is read for its fields only: no CIM dataset mapping is documented for its code. */
  noDataset(): void {
    this.note(`event ${this.code ?? "?"} (${this.channel || "unknown channel"}): no CIM dataset mapping is documented for it here`);
  }
}
