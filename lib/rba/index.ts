export type { Rba, RiskObject, RiskObjectType, Severity, ThreatObject } from "./types";
export { normaliseRba } from "./normalise";
export { renderRiskMessage, messageFields, messageParts, type MessagePart, type RowValue, type RenderOptions } from "./message";
export { severityForScore, legacyScore } from "./severity";
export { riskObjectType, threatObjectType, THREAT_OBJECT_TYPES } from "./object-types";
