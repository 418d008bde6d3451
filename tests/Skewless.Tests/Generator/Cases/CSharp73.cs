using System;
using Skewless;

namespace Legacy
{
    public enum Tier { Bronze, Silver, Gold }

    [DataSource("crm.accounts", Owner = "sales")]
    public sealed class Account
    {
        public Tier Tier { get; set; }
        public decimal Balance { get; set; }
        [EventTime] public DateTime Opened { get; set; }
        [GroupKey] public string Customer { get; set; }
    }

    [FeatureSet(typeof(Account))]
    public static partial class AccountFeatures
    {
        [Feature] public static Tier Tier(Account a) { return a.Tier; }

        [Feature] public static double Balance(Account a) { return (double)a.Balance; }
    }
}
