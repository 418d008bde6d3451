namespace Skewless;

/// <summary>Rows divided into a training side and a test side, each in the order the rows came in.</summary>
/// <typeparam name="T">The row type.</typeparam>
public sealed class Split<T>
{
    /// <summary>Holds the two sides of a split.</summary>
    /// <param name="train">The rows to fit and train on.</param>
    /// <param name="test">The rows to evaluate on.</param>
    public Split(T[] train, T[] test)
    {
        Guard.NotNull(train, nameof(train));
        Guard.NotNull(test, nameof(test));
        Train = train;
        Test = test;
    }

    /// <summary>The rows to fit and train on.</summary>
    public T[] Train { get; }

    /// <summary>The rows to evaluate on.</summary>
    public T[] Test { get; }

    /// <summary>Lets a split be taken apart as <c>var (train, test) = …</c>.</summary>
    /// <param name="train">The rows to fit and train on.</param>
    /// <param name="test">The rows to evaluate on.</param>
    public void Deconstruct(out T[] train, out T[] test)
    {
        train = Train;
        test = Test;
    }
}
