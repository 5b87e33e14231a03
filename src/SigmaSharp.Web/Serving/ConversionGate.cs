namespace SigmaSharp.Web.Serving;

/// <summary>
/// Runs the CPU-bound library work off the request thread with a time limit and a cap on how much runs at once.
/// The library has no cancellation points, so a timed-out job runs on to its end but keeps its slot until then:
/// the server answers on time and the work in flight stays bounded.
/// </summary>
internal sealed class ConversionGate(int slots, TimeSpan timeout) : IDisposable
{
    private readonly SemaphoreSlim free = new(slots, slots);

    public TimeSpan Timeout => timeout;

    /// <summary>The job's result, or null when no slot came free or the job did not end within the time limit.</summary>
    public async Task<T?> RunAsync<T>(Func<T> job, CancellationToken aborted)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        if (!await free.WaitAsync(timeout, aborted))
        {
            return null;
        }

        var work = Task.Run(() =>
        {
            try
            {
                return job();
            }
            finally
            {
                free.Release();
            }
        }, CancellationToken.None);
        var left = deadline - DateTime.UtcNow;
        try
        {
            return await work.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, aborted);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public void Dispose() => free.Dispose();
}
