/**
 * The ATT&CK Navigator layer file, format 4.5 (mitre-attack/attack-navigator,
 * layers/spec/v4.5/layerformat.md): only the parts this console writes or reads.
 */

export const LAYER_FORMAT_VERSION = "4.5";
/** The Navigator release whose layer format is 4.5 (the spec asks for at least 4.9.0). */
export const NAVIGATOR_VERSION = "5.2.0";
export const LAYER_DOMAINS = ["enterprise-attack", "mobile-attack", "ics-attack"] as const;

export interface LayerMetadata {
  name: string;
  value: string;
}
export interface LayerLink {
  label: string;
  url: string;
}
export interface LayerDivider {
  divider: boolean;
}

export interface LayerTechnique {
  techniqueID: string;
  tactic?: string;
  comment?: string;
  enabled?: boolean;
  score?: number;
  color?: string;
  metadata?: (LayerMetadata | LayerDivider)[];
  links?: (LayerLink | LayerDivider)[];
  showSubtechniques?: boolean;
}

export interface LayerGradient {
  colors: string[];
  minValue: number;
  maxValue: number;
}

export interface LayerLegendItem {
  label: string;
  color: string;
}

export interface LayerLayout {
  layout?: "side" | "flat" | "mini";
  showID?: boolean;
  showName?: boolean;
  showAggregateScores?: boolean;
  countUnscored?: boolean;
  aggregateFunction?: "average" | "min" | "max" | "sum";
  expandedSubtechniques?: "none" | "all" | "annotated";
}

export interface NavigatorLayer {
  name: string;
  versions?: { attack?: string; navigator: string; layer: string };
  domain: (typeof LAYER_DOMAINS)[number];
  description?: string;
  filters?: { platforms?: string[] };
  sorting?: 0 | 1 | 2 | 3;
  layout?: LayerLayout;
  hideDisabled?: boolean;
  techniques?: LayerTechnique[];
  gradient?: LayerGradient;
  legendItems?: LayerLegendItem[];
  showTacticRowBackground?: boolean;
  tacticRowBackground?: string;
  selectTechniquesAcrossTactics?: boolean;
  selectSubtechniquesWithParent?: boolean;
  selectVisibleTechniques?: boolean;
  metadata?: (LayerMetadata | LayerDivider)[];
  links?: (LayerLink | LayerDivider)[];
}
