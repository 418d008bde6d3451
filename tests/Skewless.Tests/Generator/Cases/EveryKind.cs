using System;
using System.Linq;
using Skewless;

namespace Shop.Features;

public enum Channel { Web, App, Store, Online = Web, @event }

[DataSource("shop.orders", Owner = "checkout", Version = "7")]
public sealed record Order
{
    public int Items { get; init; }
    public long CustomerId { get; init; }
    public double Total { get; init; }
    public Channel Channel { get; init; }
    public string Coupon { get; init; } = "";
    public DateTime Placed { get; init; }
    [Label] public bool Returned { get; init; }

    public double AverageItemPrice => Items == 0 ? 0 : Total / Items;
}

[FeatureSet(typeof(Order), Version = 3, Name = "Orders")]
public static partial class OrderFeatures
{
    private const double Cents = 100;

    [Feature] public static float LogTotal(Order o) => (float)Math.Log(1 + o.Total);

    [Feature] public static double TotalCents(in Order o) => Round(o.Total * Cents);

    [Feature("item count")] public static int Items(Order o) => o.Items;

    [Feature] public static long Customer(Order o) => o.CustomerId % 1000;

    [Feature] public static bool Discounted(Order o) => new[] { o.Coupon }.Any(code => code.Length > 0);

    [Feature] public static Channel Channel(Order o) => o.Channel;

    [Feature] public static bool Expensive(Order o)
    {
        bool Above(double limit) => o.AverageItemPrice > limit;
        return Above(50) && LogTotal(o) > 3;
    }

    private static double Round(double value) => Math.Round(value);
}
