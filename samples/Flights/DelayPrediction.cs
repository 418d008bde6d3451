using Microsoft.ML.Data;

namespace Flights;

/// <summary>What the delay classifier says about one flight.</summary>
public sealed class DelayPrediction
{
    /// <summary>Whether the flight is predicted to arrive more than 15 minutes late.</summary>
    [ColumnName("PredictedLabel")]
    public bool Delayed { get; set; }

    /// <summary>The calibrated probability of arriving more than 15 minutes late.</summary>
    public float Probability { get; set; }
}
