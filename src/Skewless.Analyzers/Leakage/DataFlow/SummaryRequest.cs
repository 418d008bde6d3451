using Microsoft.CodeAnalysis;

namespace Skewless.Analyzers.Leakage.DataFlow;

/// <summary>
/// One thread's walk down the call graph for one summary. Recursion is solved exactly: methods
/// that call each other form a cycle whose first method is walked again, with the others' latest
/// summaries, until nothing changes. The result is the least fixed point, so it does not depend on
/// which method of a cycle was asked for first, nor on what other threads are doing; only
/// summaries that are final go into the engine's shared cache.
/// </summary>
internal sealed class SummaryRequest
{
    // Summaries only grow and paths only shorten, so a cycle settles in a few rounds; this bound only guards against a bug.
    private const int MaxRounds = 32;

    private readonly DataFlowEngine _engine;
    private readonly CancellationToken _cancellationToken;
    private readonly List<Frame> _stack = new();
    private readonly Dictionary<ISymbol, Frame> _active = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, MethodSummary> _provisional = new(SymbolEqualityComparer.Default);
    private int _changes;

    public SummaryRequest(DataFlowEngine engine, CancellationToken cancellationToken)
    {
        _engine = engine;
        _cancellationToken = cancellationToken;
    }

    public MethodSummary Get(ISymbol symbol)
    {
        if (_engine.TryGetSummary(symbol, out var done))
        {
            return done;
        }

        if (_active.TryGetValue(symbol, out var active))
        {
            active.IsRecursive = true;
            var caller = _stack[_stack.Count - 1];
            caller.Low = Math.Min(caller.Low, active.Depth);
            return _provisional.TryGetValue(symbol, out var provisional) ? provisional : MethodSummary.Empty;
        }

        for (var round = 1; ; round++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var frame = new Frame(_stack.Count);
            _stack.Add(frame);
            _active.Add(symbol, frame);
            var changesBefore = _changes;
            var summary = _engine.Analyze(symbol, this, _cancellationToken);
            _stack.RemoveAt(_stack.Count - 1);
            _active.Remove(symbol);

            if (frame.Low < frame.Depth)
            {
                // Part of a cycle through a method further down the stack: provisional until that method settles.
                var caller = _stack[_stack.Count - 1];
                caller.Low = Math.Min(caller.Low, frame.Low);
                Provisionally(symbol, summary);
                return summary;
            }

            if (!frame.IsRecursive)
            {
                return _engine.Remember(symbol, summary);
            }

            var changed = Provisionally(symbol, summary) || _changes != changesBefore;
            if (!changed || round == MaxRounds)
            {
                return _engine.Remember(symbol, summary);
            }
        }
    }

    private bool Provisionally(ISymbol symbol, MethodSummary summary)
    {
        if (_provisional.TryGetValue(symbol, out var previous) && previous.SameAs(summary))
        {
            return false;
        }

        _provisional[symbol] = summary;
        _changes++;
        return true;
    }

    private sealed class Frame
    {
        public Frame(int depth)
        {
            Depth = depth;
            Low = depth;
        }

        public int Depth { get; }

        /// <summary>The lowest depth of an active method this frame's walk called back into.</summary>
        public int Low { get; set; }

        public bool IsRecursive { get; set; }
    }
}
