using System.Collections.Frozen;
using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>The file name prefixes of the SigmaHQ filename convention, per log source; null where it prescribes none.</summary>
internal static class FilenamePrefixes
{
    /// <summary>Categories whose prefix is followed by the OS (proc_creation_win_); the others take no OS.</summary>
    private static readonly FrozenDictionary<string, (string Prefix, bool WithOs)> Categories = new Dictionary<string, (string, bool)>
    {
        ["create_remote_thread"] = ("create_remote_thread_win_", false),
        ["create_stream_hash"] = ("create_stream_hash_", false),
        ["dns_query"] = ("dns_query_", true),
        ["driver_load"] = ("driver_load_", true),
        ["file_access"] = ("file_access_", true),
        ["file_change"] = ("file_change_", true),
        ["file_delete"] = ("file_delete_", true),
        ["file_event"] = ("file_event_", true),
        ["file_rename"] = ("file_rename_", true),
        ["image_load"] = ("image_load_", false),
        ["network_connection"] = ("net_connection_", true),
        ["pipe_created"] = ("pipe_created_", false),
        ["ps_classic_start"] = ("posh_pc_", false),
        ["ps_module"] = ("posh_pm_", false),
        ["ps_script"] = ("posh_ps_", false),
        ["process_access"] = ("proc_access_", true),
        ["process_creation"] = ("proc_creation_", true),
        ["registry_event"] = ("registry_event_", false),
        ["registry_add"] = ("registry_add_", false),
        ["registry_delete"] = ("registry_delete_", false),
        ["registry_set"] = ("registry_set_", false),
        ["registry_rename"] = ("registry_rename_", false),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> CategoriesWithoutProduct = new Dictionary<string, string>
    {
        ["dns"] = "net_dns_",
        ["firewall"] = "net_firewall_",
        ["webserver"] = "web_",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Products = new Dictionary<string, string>
    {
        ["modsec"] = "modsec_",
        ["aws"] = "aws_",
        ["azure"] = "azure_",
        ["gcp"] = "gcp_",
        ["gworkspace"] = "gworkspace_",
        ["m365"] = "microsoft365_",
        ["okta"] = "okta_",
        ["onelogin"] = "onelogin_",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> OsNames = new Dictionary<string, string>
    {
        ["windows"] = "win_",
        ["linux"] = "lnx_",
        ["macos"] = "macos_",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Windows services whose prefix is not simply win_ + the service name; empty: no prefix prescribed.</summary>
    private static readonly FrozenDictionary<string, string> WindowsServices = new Dictionary<string, string>
    {
        ["application"] = string.Empty,
        ["codeintegrity-operational"] = "win_codeintegrity_",
        ["dns-server-analytic"] = "win_dns_analytic_",
        ["driver-framework"] = string.Empty,
        ["ldap_debug"] = string.Empty,
        ["msexchange-management"] = "win_exchange_",
        ["ntlm"] = string.Empty,
        ["openssh"] = "win_sshd_openssh_",
        ["printservice-operational"] = string.Empty,
        ["microsoft-servicebus-client"] = string.Empty,
        ["smbclient-security"] = string.Empty,
        ["terminalservices-localsessionmanager"] = "win_terminalservices_",
        ["windefend"] = "win_defender_",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> LinuxServices =
        new[] { "auditd", "auth", "clamav", "cron", "guacamole", "sshd", "sudo", "syslog", "vsftpd" }.ToFrozenSet(StringComparer.Ordinal);

    public static string? For(LogSource logSource)
    {
        if (logSource.Category is { } category)
        {
            if (Categories.TryGetValue(category, out var entry))
            {
                return !entry.WithOs ? entry.Prefix
                    : logSource.Product is { } product && OsNames.TryGetValue(product, out var os) ? entry.Prefix + os
                    : entry.Prefix;
            }

            if (logSource.Product is null && CategoriesWithoutProduct.TryGetValue(category, out var prefix))
            {
                return prefix;
            }

            return null;
        }

        if (logSource.Product is { } p && Products.TryGetValue(p, out var productPrefix))
        {
            return productPrefix;
        }

        return (logSource.Product, logSource.Service) switch
        {
            ("linux", { } service) when LinuxServices.Contains(service) => "lnx_" + service.Replace('-', '_') + "_",
            ("windows", { } service) when WindowsServices.TryGetValue(service, out var special) => special.Length == 0 ? null : special,
            ("windows", { } service) => "win_" + service.Replace('-', '_') + "_",
            _ => null,
        };
    }
}
