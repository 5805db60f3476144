/**
 * Helpers the add-on tables share (Windows, cloud JSON, text lines): read the event's own fields, set an add-on field (alias
 * or evaluated) and a CIM dataset field, each with where it came from and the page or content file
 * that says so.
 */
import { EventDraft } from "./build";
import { baseName } from "./commandline";
import type { Extraction } from "./formats/types";
import type { FieldValue } from "./types";

/** Citations used beside the tables. */
export const CITE = {
  cimEndpoint: "CIM Endpoint data model (help.splunk.com/data-management/common-information-model/6.0/data-models/endpoint)",
  cimAuthentication: "CIM Authentication data model (help.splunk.com/data-management/common-information-model/6.0/data-models/authentication)",
  cimChange: "CIM Change data model (help.splunk.com/data-management/common-information-model/6.0/data-models/change)",
  cimTraffic: "CIM Network Traffic data model (help.splunk.com/data-management/common-information-model/6.0/data-models/network-traffic)",
  cimResolution: "CIM Network Resolution (DNS) data model (help.splunk.com/data-management/common-information-model/6.0/data-models/network-resolution-dns)",
  cimSignatures: "CIM Event Signatures data model: signature_id is the Windows event ID (help.splunk.com/splunk-enterprise-security-7/common-information-model/5.1/data-models/event-signatures)",
  msEvent: (id: number) => `Microsoft, event ${id} (learn.microsoft.com/windows/security/threat-protection/auditing/event-${id})`,
  sysmon: "Sysmon event schema (learn.microsoft.com/sysinternals/downloads/sysmon)",
  content: (file: string) => `security_content ${file} field_mappings`,
  okta: "CIM compatibility of Okta System Logs (splunk.github.io/splunk-add-on-for-okta-identity-cloud/CIMCompatibility)",
  cimWeb: "CIM Web data model (help.splunk.com/data-management/common-information-model/6.0/data-models/web)",
} as const;

export interface Opts {
  note?: string;
  cite?: string;
}

export class AddonCtx {
  readonly draft: EventDraft;

  constructor(readonly ext: Extraction) {
    this.draft = ext.draft;
  }

  /** The event's own value, as extracted (`-` included). */
  raw(name: string): string | undefined {
    const p = this.draft.provenance[name];
    return p?.origin === "extracted" ? this.draft.text(name) : undefined;
  }

  /** The event's own value when it says something (not empty, not Windows's `-` placeholder). */
  val(name: string): string | undefined {
    const v = this.raw(name);
    return v === undefined || v.trim() === "" || v.trim() === "-" ? undefined : v;
  }

  /** An add-on field copied from the event's own (a FIELDALIAS): absent when the source is absent. */
  alias(to: string, from: string, opts: Opts = {}): void {
    const v = this.raw(from);
    if (v !== undefined && !this.draft.has(to)) this.draft.set(to, v, { origin: "alias", from, ...opts });
  }

  /** An add-on field computed from the event (an EVAL). */
  evalField(to: string, value: FieldValue | undefined, from: string | undefined, opts: Opts = {}): void {
    if (value !== undefined && !this.draft.has(to)) this.draft.set(to, value, { origin: "alias", ...(from ? { from } : {}), ...opts });
  }

  /** A CIM dataset (created on first use). */
  dataset(name: string): EventDraft {
    let d = this.ext.datasets.get(name);
    if (!d) {
      d = new EventDraft();
      this.ext.datasets.set(name, d);
    }
    return d;
  }

  /** A CIM field: the add-on field's value when the raw event has it, else `value`. */
  cim(dataset: string, field: string, from: string, opts: Opts = {}): void {
    const v = this.draft.get(from);
    if (v === undefined) return;
    const prov = this.draft.provenance[from];
    const source = prov?.origin === "alias" && prov.from ? prov.from : from;
    this.dataset(dataset).set(field, v, { origin: "mapped", from: source, ...(prov?.note && !opts.note ? { note: prov.note } : {}), ...opts, ...(prov?.cite && !opts.cite ? { cite: prov.cite } : {}) });
  }

  /** Several CIM fields whose names equal the add-on fields they copy. */
  cimSame(dataset: string, fields: readonly string[], opts: Opts = {}): void {
    for (const f of fields) this.cim(dataset, f, f, opts);
  }

  /**
   * An authentication: `fields` in CIM Authentication, and in the child dataset its outcome
   * selects (the children's constraints are action=success / action=failure) when it is known.
   */
  cimAuthentication(outcome: "success" | "failure" | undefined, fields: readonly string[], opts: Opts = {}): void {
    this.cimSame("Authentication.Authentication", fields, opts);
    if (outcome) this.cimSame(outcome === "success" ? "Authentication.Successful_Authentication" : "Authentication.Failed_Authentication", fields, opts);
  }

  /** The path's file name part as an add-on field. */
  fileName(to: string, from: string, opts: Opts = {}): void {
    const v = this.val(from);
    if (v !== undefined) this.evalField(to, baseName(v), from, { note: `file name part of ${from}`, ...opts });
  }

  /**
   * An array of `{Name, Value}` objects (flattened as `K{}.Name` / `K{}.Value`) → one field per Name,
   * when every element has both.
   */
  namedPairs(key: string, opts: Opts = {}): void {
    const names = this.draft.get(`${key}{}.Name`);
    const values = this.draft.get(`${key}{}.Value`);
    const list = (v: FieldValue | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [String(v)]);
    const n = list(names);
    const v = list(values);
    if (n.length === 0 || n.length !== v.length) return;
    n.forEach((name, i) => {
      if (!this.draft.has(name)) this.draft.set(name, v[i], { origin: "alias", from: `${key}{}.Value`, note: `the Value beside Name=${name} in ${key}`, ...opts });
    });
  }

  /** Mark fields as unknown (the add-on computes them; the console does not know how). */
  unknown(...names: string[]): void {
    (this.ext.unknown ??= []).push(...names);
  }

  note(text: string): void {
    if (!this.ext.notes.includes(text)) this.ext.notes.push(text);
  }
}
