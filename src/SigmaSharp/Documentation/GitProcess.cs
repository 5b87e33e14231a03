using System.Diagnostics;
using System.Text;

namespace SigmaSharp.Documentation;

/// <summary>
/// Runs git with an argument list (never a shell string, so file names cannot inject anything) under a
/// time limit. A missing git, a non-zero exit or a timeout all give null: dates then fall back to the rule's own.
/// </summary>
internal static class GitProcess
{
    public static string? Run(string workingDirectory, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        // Quoted paths (core.quotepath) would not match file names; the pager must never start.
        foreach (var argument in (string[])["-c", "core.quotepath=off", "--no-pager", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
        if (process is null)
        {
            return null;
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It ended between the timeout and the kill.
                }
                return null;
            }
            process.WaitForExit();
            _ = errors.Result;
            return process.ExitCode == 0 ? output.Result : null;
        }
    }
}
