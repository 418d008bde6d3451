using Newtonsoft.Json;
using Skewless;

// The feature code calls Newtonsoft.Json, so its version decides what the feature computes: the
// version that floats in Pitfalls.Dependencies.csproj (SKW400) and that no lock file pins (SKW402).
var tickets = new[] { new Ticket("""{"priority": 3}"""), new Ticket("""{"priority": 1}""") };
var fitted = TicketFeatures.Fit(tickets);
Console.WriteLine(fitted.Transform(tickets[0]).Priority);

[DataSource("support.tickets", Owner = "support", Version = "1")]
public sealed record Ticket(string Json);

[FeatureSet(typeof(Ticket))]
public static partial class TicketFeatures
{
    [Feature] public static float Priority(Ticket t) => JsonConvert.DeserializeObject<Dictionary<string, float>>(t.Json)?["priority"] ?? 0f;
}
