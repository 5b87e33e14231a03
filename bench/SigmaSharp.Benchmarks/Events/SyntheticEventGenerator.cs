using System.Globalization;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using static SigmaSharp.Benchmarks.Events.SyntheticEventValues;

namespace SigmaSharp.Benchmarks.Events;

/// <summary>
/// Writes deterministic JSON Lines events in evtx_dump's shape: Sysmon (1, 3, 7, 11, 13) and
/// Security (4624, 4625, 4688, 4672), about 1.6 KB each. About 1% are process creations with
/// command lines that public SigmaHQ rules detect (whoami /priv, vssadmin delete shadows, ...).
/// </summary>
public sealed class SyntheticEventGenerator(int seed = 20240601)
{
    public const int DefaultCount = 1_000_000;
    private const double SuspiciousRate = 0.01;

    private readonly Random _random = new(seed);
    private DateTime _time = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private long _recordId = 1_000_000;

    /// <summary>Writes <paramref name="count"/> events; gzip-compressed when the path ends in .gz.</summary>
    public void Write(string path, int count = DefaultCount)
    {
        using var file = File.Create(path);
        using Stream output = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionLevel.Fastest)
            : new BufferedStream(file, 1 << 20);
        Write(output, count);
    }

    public void Write(Stream output, int count = DefaultCount)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        for (var i = 0; i < count; i++)
        {
            json.Reset(output);
            WriteEvent(json);
            json.Flush();
            output.WriteByte((byte)'\n');
        }
    }

    private void WriteEvent(Utf8JsonWriter json)
    {
        _time = _time.AddMilliseconds(_random.Next(1, 60));
        _recordId++;
        if (_random.NextDouble() < SuspiciousRate)
        {
            var bad = Pick(Suspicious);
            var child = new Process(bad.Image, bad.CommandLine, "Windows binary", "Microsoft® Windows® Operating System", "Microsoft Corporation", bad.OriginalFileName);
            var shell = Pick(InteractiveShells);
            if (_random.Next(2) == 0)
            {
                SysmonProcessCreation(json, child, shell);
            }
            else
            {
                SecurityProcessCreation(json, child, shell);
            }
            return;
        }
        var roll = _random.Next(100);
        switch (roll)
        {
            case < 25:
                var (p, parent) = Pick(Launches);
                SysmonProcessCreation(json, p, parent);
                break;
            case < 40: SysmonNetwork(json); break;
            case < 55: SysmonImageLoad(json); break;
            case < 65: SysmonFileCreate(json); break;
            case < 75: SysmonRegistrySet(json); break;
            case < 85: SecurityLogon(json, 4624); break;
            case < 88: SecurityLogon(json, 4625); break;
            case < 95:
                var (q, qParent) = Pick(Launches);
                SecurityProcessCreation(json, q, qParent);
                break;
            default: SecuritySpecialPrivileges(json); break;
        }
    }

    private void SysmonProcessCreation(Utf8JsonWriter json, Process process, Process parent)
    {
        Sysmon(json, 1, 5);
        json.WriteString("FileVersion", "10.0.19041.3636 (WinBuild.160101.0800)");
        json.WriteString("Description", process.Description);
        json.WriteString("Product", process.Product);
        json.WriteString("Company", process.Company);
        json.WriteString("OriginalFileName", process.OriginalFileName);
        json.WriteString("Image", process.Image);
        json.WriteString("CommandLine", process.CommandLine);
        json.WriteString("CurrentDirectory", @"C:\Windows\system32\");
        json.WriteString("User", Pick(Users));
        json.WriteString("LogonGuid", Guid());
        json.WriteString("LogonId", $"0x{_random.Next(0x10000, 0xFFFFFF):x}");
        json.WriteNumber("TerminalSessionId", _random.Next(0, 3));
        json.WriteString("IntegrityLevel", _random.Next(3) == 0 ? "High" : "Medium");
        json.WriteString("Hashes", Hashes());
        json.WriteString("ParentProcessGuid", Guid());
        json.WriteNumber("ParentProcessId", _random.Next(4, 20000));
        json.WriteString("ParentImage", parent.Image);
        json.WriteString("ParentCommandLine", parent.CommandLine);
        json.WriteString("ParentUser", Pick(Users));
        End(json);
    }

    private void SysmonNetwork(Utf8JsonWriter json)
    {
        var (image, port, isInternal) = Pick(Connections);
        Sysmon(json, 3, 5);
        json.WriteString("Image", image);
        json.WriteString("User", Pick(Users));
        json.WriteString("Protocol", "tcp");
        json.WriteBoolean("Initiated", true);
        json.WriteBoolean("SourceIsIpv6", false);
        json.WriteString("SourceIp", $"10.20.{_random.Next(0, 255)}.{_random.Next(1, 255)}");
        json.WriteString("SourceHostname", Pick(Computers));
        json.WriteNumber("SourcePort", _random.Next(49152, 65535));
        json.WriteString("SourcePortName", "-");
        json.WriteBoolean("DestinationIsIpv6", false);
        json.WriteString("DestinationIp", isInternal ? $"10.20.0.{_random.Next(2, 20)}" : $"{_random.Next(11, 200)}.{_random.Next(0, 255)}.{_random.Next(0, 255)}.{_random.Next(1, 255)}");
        json.WriteString("DestinationHostname", isInternal ? $"srv{_random.Next(1, 20):D2}.corp.example.com" : $"edge-{_random.Next(1000)}.cdn.example.net");
        json.WriteNumber("DestinationPort", port);
        json.WriteString("DestinationPortName", port switch { 443 => "https", 80 => "http", 53 => "domain", 445 => "microsoft-ds", 389 => "ldap", 135 => "epmap", _ => "-" });
        End(json);
    }

    private void SysmonImageLoad(Utf8JsonWriter json)
    {
        Sysmon(json, 7, 3);
        json.WriteString("Image", Pick(Images));
        json.WriteString("ImageLoaded", Pick(Dlls));
        json.WriteString("FileVersion", "10.0.19041.3636 (WinBuild.160101.0800)");
        json.WriteString("Description", "Windows NT BASE API Client DLL");
        json.WriteString("Product", "Microsoft® Windows® Operating System");
        json.WriteString("Company", "Microsoft Corporation");
        json.WriteString("OriginalFileName", "kernel32");
        json.WriteString("Hashes", Hashes());
        json.WriteString("Signed", "true");
        json.WriteString("Signature", "Microsoft Windows");
        json.WriteString("SignatureStatus", "Valid");
        json.WriteString("User", Pick(Users));
        End(json);
    }

    private void SysmonFileCreate(Utf8JsonWriter json)
    {
        Sysmon(json, 11, 2);
        json.WriteString("Image", Pick(Images));
        json.WriteString("TargetFilename", Pick(FileTargets));
        json.WriteString("CreationUtcTime", Utc(_time.AddSeconds(-_random.Next(5000))));
        json.WriteString("User", Pick(Users));
        End(json);
    }

    private void SysmonRegistrySet(Utf8JsonWriter json)
    {
        Sysmon(json, 13, 2);
        json.WriteString("EventType", "SetValue");
        json.WriteString("Image", Pick(Images));
        json.WriteString("TargetObject", Pick(RegistryKeys));
        json.WriteString("Details", $"DWORD (0x{_random.Next(1, 256):x8})");
        json.WriteString("User", Pick(Users));
        End(json);
    }

    private void SecurityLogon(Utf8JsonWriter json, int eventId)
    {
        Security(json, eventId, eventId == 4624 ? 12544 : 12546);
        json.WriteString("SubjectUserSid", "S-1-5-18");
        json.WriteString("SubjectUserName", Pick(Computers).Split('.')[0] + "$");
        json.WriteString("SubjectDomainName", "CORP");
        json.WriteString("SubjectLogonId", "0x3e7");
        json.WriteString("TargetUserSid", $"S-1-5-21-1004336348-1177238915-682003330-{_random.Next(1000, 1300)}");
        json.WriteString("TargetUserName", Pick(Users).Split('\\')[1]);
        json.WriteString("TargetDomainName", "CORP");
        json.WriteString("TargetLogonId", $"0x{_random.Next(0x10000, 0xFFFFFF):x}");
        json.WriteNumber("LogonType", _random.Next(2) == 0 ? 3 : 2);
        json.WriteString("LogonProcessName", "NtLmSsp ");
        json.WriteString("AuthenticationPackageName", "NTLM");
        json.WriteString("WorkstationName", Pick(Computers).Split('.')[0]);
        json.WriteString("LogonGuid", Guid());
        json.WriteString("TransmittedServices", "-");
        json.WriteString("LmPackageName", "NTLM V2");
        json.WriteNumber("KeyLength", 128);
        json.WriteString("ProcessId", "0x0");
        json.WriteString("ProcessName", "-");
        json.WriteString("IpAddress", $"10.20.{_random.Next(0, 255)}.{_random.Next(1, 255)}");
        json.WriteNumber("IpPort", _random.Next(49152, 65535));
        json.WriteString("ImpersonationLevel", "%%1833");
        json.WriteString("VirtualAccount", "%%1843");
        json.WriteString("ElevatedToken", "%%1842");
        if (eventId == 4625)
        {
            json.WriteString("Status", "0xc000006d");
            json.WriteString("SubStatus", "0xc000006a");
            json.WriteString("FailureReason", "%%2313");
        }
        End(json);
    }

    private void SecurityProcessCreation(Utf8JsonWriter json, Process process, Process parent)
    {
        Security(json, 4688, 13312);
        json.WriteString("SubjectUserSid", "S-1-5-21-1004336348-1177238915-682003330-1104");
        json.WriteString("SubjectUserName", Pick(Users).Split('\\')[1]);
        json.WriteString("SubjectDomainName", "CORP");
        json.WriteString("SubjectLogonId", $"0x{_random.Next(0x10000, 0xFFFFFF):x}");
        json.WriteString("NewProcessId", $"0x{_random.Next(0x100, 0xFFFF):x}");
        json.WriteString("NewProcessName", process.Image);
        json.WriteString("TokenElevationType", "%%1938");
        json.WriteString("ProcessId", $"0x{_random.Next(0x100, 0xFFFF):x}");
        json.WriteString("CommandLine", process.CommandLine);
        json.WriteString("TargetUserSid", "S-1-0-0");
        json.WriteString("TargetUserName", "-");
        json.WriteString("TargetDomainName", "-");
        json.WriteString("TargetLogonId", "0x0");
        json.WriteString("ParentProcessName", parent.Image);
        json.WriteString("MandatoryLabel", "S-1-16-8192");
        End(json);
    }

    private void SecuritySpecialPrivileges(Utf8JsonWriter json)
    {
        Security(json, 4672, 12548);
        json.WriteString("SubjectUserSid", "S-1-5-18");
        json.WriteString("SubjectUserName", "SYSTEM");
        json.WriteString("SubjectDomainName", "NT AUTHORITY");
        json.WriteString("SubjectLogonId", "0x3e7");
        json.WriteString("PrivilegeList", "SeAssignPrimaryTokenPrivilege\r\n\t\t\tSeTcbPrivilege\r\n\t\t\tSeSecurityPrivilege\r\n\t\t\tSeTakeOwnershipPrivilege\r\n\t\t\tSeLoadDriverPrivilege\r\n\t\t\tSeBackupPrivilege\r\n\t\t\tSeRestorePrivilege\r\n\t\t\tSeDebugPrivilege\r\n\t\t\tSeAuditPrivilege\r\n\t\t\tSeSystemEnvironmentPrivilege\r\n\t\t\tSeImpersonatePrivilege\r\n\t\t\tSeDelegateSessionUserImpersonatePrivilege");
        End(json);
    }

    private void Sysmon(Utf8JsonWriter json, int eventId, int version)
    {
        SystemHeader(json, "Microsoft-Windows-Sysmon", "5770385F-C22A-43E0-BF4C-06F5698FFBD9", eventId, version, eventId, "0x8000000000000000", "Microsoft-Windows-Sysmon/Operational", "S-1-5-18");
        json.WriteString("RuleName", Pick(RuleNames));
        json.WriteString("UtcTime", Utc(_time));
        json.WriteString("ProcessGuid", Guid());
        json.WriteNumber("ProcessId", _random.Next(4, 20000));
    }

    private void Security(Utf8JsonWriter json, int eventId, int task) =>
        SystemHeader(json, "Microsoft-Windows-Security-Auditing", "54849625-5478-4994-A5BA-3E3B0328C30D", eventId, 2, task, "0x8020000000000000", "Security", null);

    private void SystemHeader(Utf8JsonWriter json, string provider, string guid, int eventId, int version, int task, string keywords, string channel, string? userId)
    {
        json.WriteStartObject();
        json.WriteStartObject("Event");
        json.WriteStartObject("#attributes");
        json.WriteString("xmlns", "http://schemas.microsoft.com/win/2004/08/events/event");
        json.WriteEndObject();
        json.WriteStartObject("System");
        json.WriteStartObject("Provider");
        json.WriteStartObject("#attributes");
        json.WriteString("Name", provider);
        json.WriteString("Guid", guid);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteNumber("EventID", eventId);
        json.WriteNumber("Version", version);
        json.WriteNumber("Level", 4);
        json.WriteNumber("Task", task);
        json.WriteNumber("Opcode", 0);
        json.WriteString("Keywords", keywords);
        json.WriteStartObject("TimeCreated");
        json.WriteStartObject("#attributes");
        json.WriteString("SystemTime", _time.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteNumber("EventRecordID", _recordId);
        json.WriteStartObject("Correlation");
        json.WriteStartObject("#attributes");
        json.WriteString("ActivityID", Guid());
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("Execution");
        json.WriteStartObject("#attributes");
        json.WriteNumber("ProcessID", _random.Next(4, 5000));
        json.WriteNumber("ThreadID", _random.Next(4, 20000));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("Channel", channel);
        json.WriteString("Computer", Pick(Computers));
        json.WriteStartObject("Security");
        if (userId is not null)
        {
            json.WriteStartObject("#attributes");
            json.WriteString("UserID", userId);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("EventData");
    }

    private static void End(Utf8JsonWriter json)
    {
        json.WriteEndObject(); // EventData
        json.WriteEndObject(); // Event
        json.WriteEndObject();
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private string Guid() => $"{{{_random.Next():X8}-{_random.Next(0x10000):X4}-{_random.Next(0x10000):X4}-{_random.Next(0x10000):X4}-{_random.Next():X8}{_random.Next(0x10000):X4}}}";

    private string Hex(int bytes) => Convert.ToHexString(Enumerable.Range(0, bytes).Select(_ => (byte)_random.Next(256)).ToArray());

    private string Hashes() => $"SHA1={Hex(20)},MD5={Hex(16)},SHA256={Hex(32)},IMPHASH={Hex(16)}";

    private static string Utc(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
