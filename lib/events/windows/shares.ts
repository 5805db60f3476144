/**
 * Network share access, Security 5140 (a share was accessed) and 5145 (a share object was checked):
 * the add-on fields whose derivation is documented, and a note naming the ones left unknown.
 *
 * Documented: Microsoft's pages give IpAddress as the "Source Address" (the computer the access
 * came from) and IpPort as its "Source Port"; the content's 5145 `field_mappings` map IpAddress to
 * src_ip and IpPort to src_port, and both data sources list src_ip and src_port among the add-on's
 * fields. The event is logged by the computer that holds the share, so dest is Computer (set for
 * every such code in ./security.ts).
 *
 * Not documented, left unknown: src (host name or address?), src_user and src_nt_domain (the
 * content maps SubjectUserName to `user` in a custom mapping, not to the add-on's src_user),
 * src_nt_host, file_name and file_path (which of ShareName, ShareLocalPath and RelativeTargetName
 * they hold, and how joined), action and status. `share_name` and `relative_target_name` are not
 * add-on fields (neither data source lists them), so they are not made up here either.
 */
import { CITE, type WinCtx } from "./ctx";

const DS5145 = CITE.content("data_sources/windows_event_log_security_5145.yml");

/** The data sources' add-on fields this console does not derive for the code. */
const UNDOCUMENTED: Record<number, string[]> = {
  5140: ["src", "src_user", "src_nt_domain", "src_nt_host", "file_name", "action", "status"],
  5145: ["src", "src_user", "src_nt_domain", "src_nt_host", "file_name", "file_path", "action", "status"],
};

export function shareAccess(c: WinCtx): void {
  const code = c.code === 5145 ? 5145 : 5140;
  const cite = code === 5145 ? `${CITE.msEvent(5145)}; ${DS5145}` : CITE.msEvent(5140);
  // "-" (no address, a local access) says nothing: what the add-on gives then is not documented.
  if (c.val("IpAddress") !== undefined) c.alias("src_ip", "IpAddress", { note: "Source Address: the computer the share was accessed from", cite });
  else c.unknown("src_ip");
  if (c.val("IpPort") !== undefined) c.alias("src_port", "IpPort", { note: "Source Port", cite });
  else c.unknown("src_port");
  c.noDataset();
  const left = UNDOCUMENTED[code]!;
  c.unknown(...left);
  c.note(`${code} (network share access): ${left.join(", ")} unknown — how the add-on derives them is not documented (src_user is not SubjectUserName by any documented mapping); share_name and relative_target_name are not add-on fields: use ShareName and RelativeTargetName`);
}
