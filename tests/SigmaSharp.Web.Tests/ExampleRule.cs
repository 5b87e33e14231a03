namespace SigmaSharp.Web.Tests;

/// <summary>The seed rule (examples/rules/proc_creation_win_bypass_uac_via_cmstp.yml) as the page bundles it.</summary>
internal static class ExampleRule
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string CmstpText { get; } =
        File.ReadAllText(Path.Combine(RepositoryRoot, "examples", "rules", "proc_creation_win_bypass_uac_via_cmstp.yml"));

    private static string FindRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "SigmaSharp.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("SigmaSharp.sln not found above the test assembly");
    }
}
