/**
 * Annotations that contentctl 4.x computes instead of reading them from the YAML (the snapshot's
 * detections carry no `kill_chain_phases`, `nist` or `cis20`). Facts from contentctl's rules:
 * kill-chain phase per ATT&CK tactic (phases sorted), NIST `DE.CM` for TTP and `DE.AE` otherwise,
 * CIS 13 for the network security domain and CIS 10 otherwise. Browser-safe.
 */
import type { AttackRef } from "./types";

const KILL_CHAIN_BY_TACTIC: Record<string, string> = {
  reconnaissance: "Reconnaissance",
  "resource-development": "Weaponization",
  "initial-access": "Delivery",
  execution: "Installation",
  persistence: "Installation",
  "privilege-escalation": "Exploitation",
  "defense-evasion": "Exploitation",
  "credential-access": "Exploitation",
  discovery: "Exploitation",
  "lateral-movement": "Exploitation",
  collection: "Exploitation",
  "command-and-control": "Command and Control",
  exfiltration: "Actions on Objectives",
  impact: "Actions on Objectives",
};

export function killChainPhasesFor(attack: readonly AttackRef[]): string[] {
  const phases = new Set<string>();
  for (const ref of attack) for (const t of ref.tactics) {
    const phase = KILL_CHAIN_BY_TACTIC[t];
    if (phase) phases.add(phase);
  }
  return [...phases].sort();
}

export function nistFor(type: string): string[] {
  return [type === "TTP" ? "DE.CM" : "DE.AE"];
}

export function cisFor(securityDomain: string | undefined): string[] {
  return [securityDomain === "network" ? "CIS 13" : "CIS 10"];
}
