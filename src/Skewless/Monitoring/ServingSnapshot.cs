namespace Skewless.Monitoring;

/// <summary>Turns a monitor's tally into statistics shaped like the training ones: the same edges and categories, so the two compare bin for bin.</summary>
internal static class ServingSnapshot
{
    public static ServingStatistics Create(Tally tally, DateTimeOffset start, DateTimeOffset end)
    {
        var layout = tally.Layout;
        var training = layout.Training;
        var features = new FeatureStatistics[training.Features.Count];
        var slices = new List<ResidualSlice>();
        for (var i = 0; i < features.Length; i++)
        {
            var feature = training.Features[i];
            var offset = layout.Features[i].Offset;
            var slots = tally.Counts.Skip(offset).Take(layout.Features[i].Slots).ToArray();
            var missing = slots[0];
            var present = slots.Sum() - missing;
            switch (feature)
            {
                case NumericStatistics numeric:
                    features[i] = Numeric(numeric, tally, layout.Features[i].Moments, layout.Features[i].Shift, present, missing, slots.Skip(1).ToArray());
                    break;
                case CategoricalStatistics categorical:
                    // The rest, and after it the values out of vocabulary when they are counted apart.
                    var categories = categorical.Categories.Count;
                    features[i] = new CategoricalStatistics(
                        feature.Name, feature.Kind, feature.Transform, feature.DriftThreshold, present, missing,
                        categorical.Categories.ToArray(), slots.Skip(1).Take(categories).ToArray(), slots.Skip(1 + categories).Sum(),
                        categorical.OutOfVocabulary is null ? null : slots[slots.Length - 1]);
                    break;
            }

            var labels = Slots.Labels(feature);
            for (var slot = 0; slot < labels.Length; slot++)
            {
                var count = tally.ResidualCounts[offset + slot];
                if (count > 0)
                {
                    slices.Add(new ResidualSlice(feature.Name, labels[slot], count, tally.ResidualSums[offset + slot] / count, tally.AbsoluteResidualSums[offset + slot] / count));
                }
            }
        }

        var outcomes = tally.Outcomes;
        var residuals = outcomes == 0
            ? new ResidualStatistics(0, 0, 0, 0, 0, slices.ToArray())
            : new ResidualStatistics(outcomes, tally.PredictionSum / outcomes, tally.OutcomeSum / outcomes, tally.ResidualSum / outcomes, tally.AbsoluteResidualSum / outcomes, slices.ToArray());
        return new ServingStatistics(training.FeatureSet, training.Name, training.Version, training.Fingerprint, tally.Rows, features, start, end, residuals);
    }

    private static NumericStatistics Numeric(NumericStatistics training, Tally tally, int m, double shift, long present, long missing, long[] bins)
    {
        if (present == 0)
        {
            return new NumericStatistics(training.Name, training.Kind, training.Transform, training.DriftThreshold, 0, missing, 0, 0, 0, 0, training.Edges.ToArray(), bins);
        }

        var minimum = tally.Moments[m + 2];
        var maximum = tally.Moments[m + 3];
        var meanShift = tally.Moments[m] / present;
        var variance = Math.Max(0, (tally.Moments[m + 1] / present) - (meanShift * meanShift));

        // Rounding can put the mean of nearly equal values a hair outside their range.
        var mean = Math.Min(maximum, Math.Max(minimum, shift + meanShift));
        return new NumericStatistics(training.Name, training.Kind, training.Transform, training.DriftThreshold, present, missing, mean, Math.Sqrt(variance), minimum, maximum, training.Edges.ToArray(), bins);
    }
}
