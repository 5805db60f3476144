/**
 * How every browser run here launches Debian's Chromium (never a downloaded browser): the flags
 * keep it from reaching for the network, which this machine's closed network refuses.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
