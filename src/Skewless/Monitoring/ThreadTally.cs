namespace Skewless.Monitoring;

/// <summary>One thread's tally for one monitor, and the two observers that write into it.</summary>
/// <remarks>Not generic, so that the serving path reads its thread-static without the runtime lookup that statics of shared generic code need.</remarks>
internal sealed class ThreadTally
{
    public ThreadTally(object monitor, Tally tally)
    {
        Monitor = monitor;
        Tally = tally;
        Distribution = new FeatureObserver(tally, residuals: false);
        Residuals = new FeatureObserver(tally, residuals: true);
    }

    /// <summary>The tally this thread last served, for most threads serve one monitor; ThreadLocal's lookup is the fallback.</summary>
    [ThreadStatic]
    public static ThreadTally? Last;

    public object Monitor { get; }

    public Tally Tally { get; }

    public FeatureObserver Distribution { get; }

    public FeatureObserver Residuals { get; }
}
