namespace Skewless.Analyzers.Model;

/// <summary>The input's <c>[Label]</c> member, which the generated accumulator reads for training statistics only.</summary>
/// <param name="MemberName">The property or field.</param>
/// <param name="Kind">Its type, one a feature could return.</param>
/// <param name="Type">Its type, fully qualified with <c>global::</c>.</param>
/// <param name="EnumMembers">For an enum, one declared member per distinct value, in declaration order.</param>
internal sealed record LabelModel(string MemberName, FeatureKind Kind, string Type, EquatableArray<string> EnumMembers);
