using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Skewless.Analyzers.Leakage.Lineage;

/// <summary>
/// The private methods of the class a block is in, with their bodies, and the bodies of the class's other members,
/// which call them. A private method's callers are all in the class, so one called once takes that call's arguments.
/// Only for a class declared in one file, where every caller is at hand. Also, for any call, what the method of the
/// call's file that it reaches returns, which holds whoever else calls it.
/// </summary>
internal sealed class ClassMethods
{
    private static readonly ClassMethods None = new(null);

    private readonly Dictionary<IMethodSymbol, IOperation> _bodies = new(SymbolEqualityComparer.Default);
    private readonly IOperation? _block;

    private ClassMethods(IOperation? block) => _block = block;

    /// <summary>Whether every body of the class is at hand, so that every assignment of a private field is seen.</summary>
    public bool WholeClass { get; private set; }

    /// <summary>The bodies of the class's methods and constructors, but the block's own.</summary>
    public List<IOperation> Bodies { get; } = new();

    /// <summary>The body of a private method of the class; <see langword="null"/> for any other method.</summary>
    public IOperation? BodyOf(IMethodSymbol method) => _bodies.TryGetValue(method.OriginalDefinition, out var body) ? body : null;

    /// <summary>For a parameter of a private method the class calls once, the argument of that call.</summary>
    public IOperation? ArgumentOf(IParameterSymbol parameter) =>
        parameter.ContainingSymbol is IMethodSymbol method && BodyOf(method) is not null && _block is not null
            ? OnlyCallArgument(parameter, Bodies.Append(_block).SelectMany(body => body.DescendantsAndSelf()))
            : null;

    /// <summary>The one value a body returns, outside the functions nested in it; <see langword="null"/> when it returns none or several.</summary>
    public static IOperation? OnlyReturn(IOperation body) =>
        body.Descendants().OfType<IReturnOperation>().Where(returned => returned.ReturnedValue is not null && !InNestedFunction(returned, body)).Take(2).ToList() is { Count: 1 } returns
            ? returns[0].ReturnedValue
            : null;

    /// <summary>
    /// The body of the method a call reaches, when it is declared, with a body no override replaces, in the call's file, as
    /// a class's helper that loads the rows or builds the pipeline is (Model Builder's <c>LoadIDataViewFromFile</c>).
    /// </summary>
    public static IOperation? SameFileBody(IInvocationOperation call, CancellationToken cancellationToken)
    {
        var method = call.TargetMethod;
        return call.SemanticModel is { } model && !method.IsAbstract && !method.IsVirtual && !method.IsOverride && !method.IsExtern
            && method.DeclaringSyntaxReferences.Length == 1 && method.DeclaringSyntaxReferences[0].SyntaxTree == model.SyntaxTree
            && method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is BaseMethodDeclarationSyntax declaration
                ? model.GetOperation(declaration, cancellationToken)
                : null;
    }

    private static bool InNestedFunction(IOperation operation, IOperation body)
    {
        for (var parent = operation.Parent; parent is not null && parent != body; parent = parent.Parent)
        {
            if (parent is ILocalFunctionOperation or IAnonymousFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The body an operation is in.</summary>
    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    /// <summary>The argument given for <paramref name="parameter"/> when its function is called exactly once among <paramref name="operations"/>.</summary>
    public static IOperation? OnlyCallArgument(IParameterSymbol parameter, IEnumerable<IOperation> operations) =>
        parameter.ContainingSymbol is IMethodSymbol function
        && operations.OfType<IInvocationOperation>().Where(call => SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, function.OriginalDefinition)).Take(2).ToList() is { Count: 1 } calls
            ? calls[0].Arguments.FirstOrDefault(argument => SymbolEqualityComparer.Default.Equals(argument.Parameter?.OriginalDefinition, parameter.OriginalDefinition))?.Value
            : null;

    public static ClassMethods Of(ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        var block = blocks[0];
        if (block.SemanticModel is not { } model || block.Syntax.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration
            || model.GetDeclaredSymbol(declaration, cancellationToken) is not { DeclaringSyntaxReferences.Length: 1 })
        {
            return None;
        }

        var methods = new ClassMethods(block) { WholeClass = true };
        foreach (var member in declaration.Members.OfType<BaseMethodDeclarationSyntax>())
        {
            var body = member == block.Syntax ? block : model.GetOperation(member, cancellationToken);
            if (body is null)
            {
                continue;
            }

            if (body != block)
            {
                methods.Bodies.Add(body);
            }

            if (model.GetDeclaredSymbol(member, cancellationToken) is { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Private } method)
            {
                methods._bodies[method.OriginalDefinition] = body;
            }
        }

        return methods;
    }
}
