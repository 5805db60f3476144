/**
 * Event types the add-ons define and the catalog's source macros read (`wineventlog_security` =
 * `eventtype=wineventlog_security OR Channel=security OR source=XmlWinEventLog:Security`, …),
 * derived from the event's source / sourcetype as the add-ons' eventtypes.conf searches do. Only
 * event types the catalog uses are listed; an event gets every one that fits (multivalue).
 */
export interface EventTypeRule {
  eventtype: string;
  /** The add-on whose eventtype it is. */
  addon: string;
  test(source: string, sourcetype: string): boolean;
}

const channel = (name: string) => {
  const re = new RegExp(`^(xml)?wineventlog:${name}$`, "i");
  return (source: string) => re.test(source);
};

export const EVENT_TYPES: readonly EventTypeRule[] = [
  { eventtype: "wineventlog_security", addon: "Splunk Add-on for Microsoft Windows", test: channel("security") },
  { eventtype: "wineventlog_system", addon: "Splunk Add-on for Microsoft Windows", test: channel("system") },
  { eventtype: "wineventlog_application", addon: "Splunk Add-on for Microsoft Windows", test: channel("application") },
];

export function eventTypesOf(source: string | undefined, sourcetype: string | undefined): EventTypeRule[] {
  return EVENT_TYPES.filter((r) => r.test(source ?? "", sourcetype ?? ""));
}
