using Microsoft.CodeAnalysis;

namespace Skewless.Analyzers.Parsing;

/// <summary>
/// Semantic models by tree: every tree of a compilation for feature code, which may inline helpers
/// from other files, or the one tree being searched for copies. Whoever shares one binds each body once:
/// the generator's parse, fingerprints and libraries, and the walk of <see cref="DefinitionWalker"/>.
/// </summary>
internal sealed class SemanticModels
{
    private readonly Compilation? _compilation;
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = new();

    public SemanticModels(Compilation compilation) => _compilation = compilation;

    public SemanticModels(SemanticModel model) => _models.Add(model.SyntaxTree, model);

    public SemanticModel? For(SyntaxTree tree)
    {
        if (!_models.TryGetValue(tree, out var model) && _compilation is not null && _compilation.ContainsSyntaxTree(tree))
        {
            model = _compilation.GetSemanticModel(tree);
            _models.Add(tree, model);
        }

        return model;
    }
}
