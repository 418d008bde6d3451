namespace Skewless.Monitoring;

/// <summary>One thread's tally for one monitor, and the two observers that write into it.</summary>
/// <remarks>Not generic, so that the serving path reads its thread-static without the runtime lookup that statics of shared generic code need.</remarks>
internal sealed class ThreadTally
{
    public ThreadTally(object monitor, Tally tally)
    {
        Owner = Thread.CurrentThread;
        Monitor = monitor;
        Tally = tally;
        Distribution = new FeatureObserver(tally, residuals: false);
        Residuals = new FeatureObserver(tally, residuals: true);
    }

    /// <summary>The tally this thread last served, for most threads serve one monitor; ThreadLocal's lookup is the fallback.</summary>
    [ThreadStatic]
    public static ThreadTally? Last;

    /// <summary>The thread that serves into the tally: once it has ended, the tally can be folded and dropped.</summary>
    public Thread Owner { get; }

    public object Monitor { get; }

    public Tally Tally { get; }

    public FeatureObserver Distribution { get; }

    public FeatureObserver Residuals { get; }
}
