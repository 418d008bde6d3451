namespace Skewless.Analyzers.Model;

/// <summary>The input type of a feature set, as the dependency map describes it.</summary>
/// <param name="TypeName">The type's name qualified by namespace, without <c>global::</c>, as <see cref="FeatureSetModel.InputTypeName"/> has it.</param>
/// <param name="Name">The upstream name from <c>[DataSource]</c>, or <see langword="null"/> when the type has none.</param>
/// <param name="Owner">The <c>Owner</c> of <c>[DataSource]</c>, if given.</param>
/// <param name="Version">The <c>Version</c> of <c>[DataSource]</c>, if given.</param>
/// <param name="Members">The members a feature can read, in declaration order, base type first.</param>
internal sealed record DataSourceModel(string TypeName, string? Name, string? Owner, string? Version, EquatableArray<DataMemberModel> Members);

/// <summary>One member of a data source.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Roles">What its attributes make it, such as <c>label</c> or <c>eventTime</c>.</param>
internal sealed record DataMemberModel(string Name, EquatableArray<string> Roles);
