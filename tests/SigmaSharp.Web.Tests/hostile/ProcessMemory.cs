using System.Diagnostics;
using System.Globalization;

namespace SigmaSharp.Web.Tests.Runs;

/// <summary>The process's memory after a full collection, as the load and hostile runs print it before and after.</summary>
internal static class ProcessMemory
{
    public static string Text()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture,
            $"managed heap {GC.GetTotalMemory(false) / 1048576.0:F1} MiB, working set {self.WorkingSet64 / 1048576.0:F1} MiB");
    }
}
