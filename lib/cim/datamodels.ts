/**
 * The CIM data models as a search names them: each model's datasets (root and child), so that
 * `from datamodel=Network_Traffic` (the model alone: its first root dataset) and
 * `from datamodel=Network_Traffic.All_Traffic` resolve to the same dataset, and a search knows
 * the prefix its field names carry (`All_Traffic.dest_port`). Fields inherited from a root keep
 * the root's prefix; a child's own fields carry `Root.Child.` (e.g. `All_Changes.Account_Management.src_user`).
 * Facts from Splunk's CIM reference, one page per model:
 * https://help.splunk.com/data-management/common-information-model/6.0/data-models/<model>
 * Pure data: no DOM, no Node.
 */

export interface CimDataset {
  /** Full name: `Model.Dataset`, the key events use in EventInput.datasets. */
  name: string;
  model: string;
  dataset: string;
  /** The root dataset this one descends from (itself for a root). */
  root: string;
  /** Parent dataset's full name, for a child. */
  parent?: string;
}

/** Model → its datasets: roots first (the first root is what `datamodel=<Model>` reads), children as `Child<Parent`. */
const MODELS: Record<string, string[]> = {
  Alerts: ["Alerts"],
  Authentication: [
    "Authentication",
    "Default_Authentication<Authentication",
    "Failed_Authentication<Authentication",
    "Insecure_Authentication<Authentication",
    "Privileged_Authentication<Authentication",
    "Successful_Authentication<Authentication",
  ],
  Certificates: ["All_Certificates", "SSL<All_Certificates"],
  Change: [
    "All_Changes",
    "Auditing_Changes<All_Changes",
    "Endpoint_Changes<All_Changes",
    "Network_Changes<All_Changes",
    "Account_Management<All_Changes",
    "Instance_Changes<All_Changes",
  ],
  Change_Analysis: ["All_Changes", "Account_Management<All_Changes", "Endpoint_Changes<All_Changes", "Network_Changes<All_Changes"],
  Data_Access: ["Data_Access"],
  DLP: ["DLP_Incidents"],
  Email: ["All_Email", "Delivery<All_Email", "Content<All_Email", "Filtering<All_Email"],
  Endpoint: ["Ports", "Processes", "Filesystem", "Registry", "Services"],
  Event_Signatures: ["Signatures"],
  Identity_Management: ["All_Identities", "All_Assets"],
  Interprocess_Messaging: ["All_Interprocess_Messaging"],
  Intrusion_Detection: ["IDS_Attacks"],
  Inventory: ["All_Inventory"],
  Malware: ["Malware_Attacks", "Malware_Operations"],
  Network_Resolution: ["DNS"],
  Network_Sessions: ["All_Sessions", "Session_Start<All_Sessions", "Session_End<All_Sessions", "DHCP<All_Sessions", "VPN<All_Sessions"],
  Network_Traffic: ["All_Traffic"],
  Performance: ["All_Performance"],
  Risk: ["All_Risk"],
  Ticket_Management: ["All_Ticket_Management"],
  UEBA: ["All_UEBA_Events", "UEBA_Anomalies<All_UEBA_Events", "UEBA_Threats<All_UEBA_Events"],
  Updates: ["Updates"],
  Vulnerabilities: ["Vulnerabilities"],
  Web: ["Web", "Proxy<Web", "Storage<Web"],
};

function build(): Map<string, CimDataset> {
  const out = new Map<string, CimDataset>();
  for (const [model, specs] of Object.entries(MODELS)) {
    for (const spec of specs) {
      const [dataset, parent] = spec.split("<") as [string, string | undefined];
      const name = `${model}.${dataset}`;
      let root = dataset;
      let p = parent;
      while (p) {
        root = p;
        p = specs.find((s) => s.startsWith(`${p}<`))?.split("<")[1];
      }
      out.set(name.toLowerCase(), { name, model, dataset, root, ...(parent ? { parent: `${model}.${parent}` } : {}) });
    }
  }
  return out;
}

const DATASETS = build();

/** Every dataset, roots and children. */
export function cimDatasets(): CimDataset[] {
  return [...DATASETS.values()];
}

/**
 * The dataset a `datamodel=` value names: `Model.Dataset`, `Model` (its first root dataset), or a
 * child `Model.Child`; case-insensitive. Null when the CIM has no such dataset.
 */
export function resolveDataset(datamodel: string): CimDataset | null {
  const text = datamodel.trim().replace(/^"|"$/g, "");
  const exact = DATASETS.get(text.toLowerCase());
  if (exact) return exact;
  const dot = text.indexOf(".");
  const modelName = dot < 0 ? text : text.slice(0, dot);
  const model = Object.keys(MODELS).find((m) => m.toLowerCase() === modelName.toLowerCase());
  if (!model) return null;
  if (dot < 0) return DATASETS.get(`${model}.${MODELS[model]![0]!.split("<")[0]}`.toLowerCase()) ?? null;
  // `Model.Root.Child` (a lineage): the last name is the dataset.
  const last = text.slice(text.lastIndexOf(".") + 1);
  return DATASETS.get(`${model}.${last}`.toLowerCase()) ?? null;
}

/** The datasets a dataset belongs to: itself and its ancestors (an event of a child is in its parent). */
export function lineageOf(ds: CimDataset): CimDataset[] {
  const out: CimDataset[] = [ds];
  let cur = ds;
  while (cur.parent) {
    const p = DATASETS.get(cur.parent.toLowerCase());
    if (!p) break;
    out.push(p);
    cur = p;
  }
  return out;
}

/**
 * The prefixes a search's field names carry for this dataset, longest first: the child's lineage
 * (`All_Changes.Account_Management.`) then the root's (`All_Changes.`).
 */
export function fieldPrefixes(ds: CimDataset): string[] {
  const chain = lineageOf(ds).map((d) => d.dataset).reverse();
  const out: string[] = [];
  for (let n = chain.length; n >= 1; n--) out.push(`${chain.slice(0, n).join(".")}.`);
  return out;
}
