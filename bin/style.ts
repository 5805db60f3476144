/**
 * Terminal styling: ANSI colours when enabled, plain text otherwise.
 */
export interface Style {
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
  /** A matched substring (brackets are added by the caller either way). */
  hit(s: string): string;
}

const ansi = (open: string, close: string) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export const COLOR: Style = {
  green: ansi("32", "39"),
  red: ansi("31", "39"),
  yellow: ansi("33", "39"),
  bold: ansi("1", "22"),
  dim: ansi("2", "22"),
  hit: (s) => `\u001b[1;4;33m${s}\u001b[22;24;39m`,
};

const id = (s: string) => s;
export const PLAIN: Style = { green: id, red: id, yellow: id, bold: id, dim: id, hit: id };

/** Colours only for a terminal, unless NO_COLOR is set or forced either way. */
export function chooseStyle(isTTY: boolean, env: Record<string, string | undefined>, force?: "always" | "never"): Style {
  if (force === "always") return COLOR;
  if (force === "never") return PLAIN;
  return isTTY && !(env.NO_COLOR && env.NO_COLOR !== "") ? COLOR : PLAIN;
}
