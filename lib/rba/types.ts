/** Risk-based alerting, normalised from both schemas (legacy `tags.*` and the newer `rba:` block). */

export type RiskObjectType = "system" | "user" | "other";

export interface RiskObject {
  field: string;
  type: RiskObjectType;
  /** Score for this object: legacy = round(impact × confidence / 100); newer = as stored. */
  score: number;
  /** The type word as written in the file (`Hostname`, `User`, `system`, …). */
  sourceType?: string;
}

export interface ThreatObject {
  field: string;
  /** One of contentctl's threat-object types (`process_name`, `file_path`, …) or the legacy word. */
  type: string;
  sourceType?: string;
}

export type Severity = "informational" | "low" | "medium" | "high" | "critical";

export interface Rba {
  schema: "legacy" | "rba" | "none";
  message: string;
  riskObjects: RiskObject[];
  threatObjects: ThreatObject[];
  impact?: number;
  confidence?: number;
  /** Computed: legacy round(impact × confidence / 100); newer max(risk object score). */
  riskScore: number;
  /** Stored `tags.risk_score` when present. */
  storedRiskScore?: number;
  /** True when storedRiskScore is present and differs from riskScore. */
  storedScoreStale: boolean;
  severity: Severity;
  /** Human-readable formula, e.g. `round(90 × 70 / 100) = 63`. */
  formula: string;
}
