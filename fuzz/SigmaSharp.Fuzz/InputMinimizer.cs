using SigmaSharp.Fuzz.Targets;

namespace SigmaSharp.Fuzz;

/// <summary>Shrinks a crashing input by deleting ever smaller ranges while the crash signature stays the same.</summary>
internal static class InputMinimizer
{
    public static int Run(FuzzTarget target, string inputPath, string outputPath)
    {
        var input = File.ReadAllBytes(inputPath);
        var signature = SignatureOf(target, input);
        if (signature is null)
        {
            Console.Error.WriteLine("the input does not crash");
            return 1;
        }

        var deadline = DateTime.UtcNow.AddMinutes(2);
        for (var chunk = Math.Max(1, input.Length / 2); chunk >= 1 && DateTime.UtcNow < deadline; chunk /= 2)
        {
            for (var at = 0; at + chunk <= input.Length && DateTime.UtcNow < deadline;)
            {
                var candidate = input[..at].Concat(input[(at + chunk)..]).ToArray();
                if (SignatureOf(target, candidate) == signature)
                {
                    input = candidate;
                }
                else
                {
                    at += chunk;
                }
            }
        }

        File.WriteAllBytes(outputPath, input);
        Console.WriteLine($"{input.Length} bytes, {signature}");
        return 0;
    }

    private static string? SignatureOf(FuzzTarget target, byte[] input)
    {
        try
        {
            target.Run(input);
            return null;
        }
        catch (Exception e)
        {
            return CrashSignature.Of(e);
        }
    }
}
