namespace SigmaSharp.Fuzz;

/// <summary>Groups crashes by exception type and the innermost SigmaSharp frame, so one bug is counted once.</summary>
internal static class CrashSignature
{
    public static string Of(Exception exception)
    {
        var frame = exception.StackTrace?
            .Split('\n')
            .Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("at SigmaSharp.", StringComparison.Ordinal) && !l.StartsWith("at SigmaSharp.Fuzz", StringComparison.Ordinal))
            ?? "no SigmaSharp frame";
        var at = frame.IndexOf(" in ", StringComparison.Ordinal);
        return exception.GetType().Name + " " + (at < 0 ? frame : frame[..at]);
    }

    public static string Hash(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..12];

    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16];
}
