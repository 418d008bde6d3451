using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Skewless.Analyzers.Skew.Purity;

/// <summary>
/// What makes feature code give other values on another run or machine: the clock, randomness,
/// GUIDs, the environment, files, the network, the console, and static state that can change.
/// </summary>
internal static class NondeterministicApis
{
    // Seeded at random once per process, so the same values hash differently on every run; and an object's identity.
    private const string HashCodeType = "System.HashCode";
    private const string IdentityHash = "System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode";

    // Types every member of which depends on the process, the machine or the outside world.
    private static readonly HashSet<string> WholeTypes = new(StringComparer.Ordinal)
    {
        "System.Environment",
        "System.Console",
        "System.Random",
        "System.Diagnostics.Stopwatch",
        "System.Diagnostics.Process",
        "System.Security.Cryptography.RandomNumberGenerator",
        HashCodeType,
    };

    // Types that reach the network, with the types derived from them. The rest of System.Net only
    // parses and formats values (IPAddress, MailAddress, header values, cookies), which is deterministic.
    private static readonly HashSet<string> NetworkTypes = new(StringComparer.Ordinal)
    {
        "System.Net.Dns",
        "System.Net.WebRequest",
        "System.Net.WebResponse",
        "System.Net.WebClient",
        "System.Net.HttpListener",
        "System.Net.ServicePointManager",
        "System.Net.Http.HttpMessageInvoker",
        "System.Net.Http.HttpMessageHandler",
        "System.Net.Http.Json.HttpClientJsonExtensions",
        "System.Net.Mail.SmtpClient",
    };

    // Namespaces every type of which reaches the network or reports on the machine's network.
    private static readonly string[] NetworkNamespaces =
    {
        "System.Net.Sockets",
        "System.Net.NetworkInformation",
        "System.Net.WebSockets",
        "System.Net.Quic",
    };

    // Single members of otherwise deterministic types.
    private static readonly HashSet<string> Members = new(StringComparer.Ordinal)
    {
        "System.DateTime.Now",
        "System.DateTime.UtcNow",
        "System.DateTime.Today",
        "System.DateTimeOffset.Now",
        "System.DateTimeOffset.UtcNow",
        "System.Guid.NewGuid",
        "System.Guid.CreateVersion7",
        "System.TimeProvider.System",
        "System.TimeZoneInfo.Local",
        "System.DateTime.ToLocalTime",
        "System.DateTimeOffset.ToLocalTime",
        "System.DateTimeOffset.LocalDateTime",

        // Take a DateTime whose Kind is not Utc, which code cannot see, as the machine's local time, or make one.
        "System.DateTime.ToUniversalTime",
        "System.DateTime.ToFileTime",
        "System.DateTime.FromFileTime",
        "System.DateTimeOffset.FromFileTime",
        "System.IO.Path.GetTempPath",
        "System.IO.Path.GetTempFileName",
        "System.IO.Path.GetRandomFileName",
        "System.IO.Path.GetFullPath",

        // The object's identity, which differs on every run, even for a boxed number.
        IdentityHash,
    };

    // Creating or reading an exception does no I/O, even one of System.IO or System.Net.Sockets.
    private static readonly HashSet<string> Exceptions = new(StringComparer.Ordinal) { "System.Exception" };

    // Types of System.IO that compute rather than do I/O.
    private static readonly HashSet<string> PureTypes = new(StringComparer.Ordinal)
    {
        "System.IO.Path",
        "System.IO.MemoryStream",
        "System.IO.StringReader",
        "System.IO.StringWriter",
    };

    /// <summary>What <paramref name="operation"/> does that is not deterministic, such as <c>calls DateTime.Now</c>, or <see langword="null"/>.</summary>
    /// <param name="operation">An operation of code that a feature reaches.</param>
    /// <param name="writes">Where other code changes the static objects features read, found when first needed.</param>
    /// <param name="helpers">The private helpers that only initialise their types, shared by the compilation's operation actions.</param>
    public static FeatureUse? Find(IOperation operation, Lazy<StaticWrites>? writes = null, StaticWrites.InitialisingHelpers? helpers = null)
    {
        if (StaticObjects.Holder(operation) is { } holder && StaticObject(operation, holder, writes, helpers) is { } use)
        {
            return use;
        }

        if (StaticState(operation) is { } state)
        {
            return Use(state);
        }

        ISymbol? member = operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IPropertyReferenceOperation property => property.Property,
            IFieldReferenceOperation field => field.Field,
            IMethodReferenceOperation method => method.Method,
            IObjectCreationOperation creation => creation.Constructor,
            IConversionOperation conversion => conversion.OperatorMethod,
            _ => null,
        };
        if (member is null || !(IsNondeterministic(member) || TakesLocalTime(member) || (operation is IInvocationOperation call && IsRandomizedHash(call))))
        {
            return null;
        }

        // A member of something already reported, such as Next() of new Random(), adds nothing.
        var instance = operation switch
        {
            IInvocationOperation invocation => invocation.Instance,
            IMemberReferenceOperation reference => reference.Instance,
            _ => null,
        };
        return instance is not null && Find(instance, writes, helpers) is not null
            ? null
            : Use(member switch
            {
                // By constructor or conversion; neither shows which overload it is.
                IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.Conversion } when TakesLocalTime(member) => "makes a DateTimeOffset of a DateTime with the machine's offset",
                IMethodSymbol { MethodKind: MethodKind.Constructor } => "creates " + FeatureUses.Display(member),
                _ => "calls " + FeatureUses.Display(member),
            });
    }

    private static FeatureUse Use(string description, SyntaxNode? at = null) => new(ImmutableArray.Create<object>(description), ImmutableDictionary<string, string?>.Empty, at);

    // A change to the object a static field holds, readonly or not, reported at the change; or a read of a readonly
    // static field whose object code outside the features changes after it is initialised. A field that is not
    // readonly, whose every read SKW302 reports anyway, is reported once, at the change when there is one.
    private static FeatureUse? StaticObject(IOperation reference, ISymbol holder, Lazy<StaticWrites>? writes, StaticWrites.InitialisingHelpers? helpers)
    {
        if (StaticObjects.Through(reference, holder) is { } mutation)
        {
            // Features reach a type's initialisation through its static fields' initializers, which run once.
            return reference.SemanticModel is { } model && StaticWrites.IsInitialisation(mutation.At.Syntax, holder.ContainingType, model, helpers)
                ? null
                : Use(mutation.Description, mutation.At.Syntax);
        }

        return StaticObjects.IsReadOnly(holder) && holder.DeclaringSyntaxReferences.Length > 0 && writes?.Value.WriterOf(holder) is { } writer
            ? Use($"reads {StaticObjects.Name(holder)}, which {writer} writes after it is initialised")
            : null;
    }

    private static string? StaticState(IOperation operation) => operation switch
    {
        IFieldReferenceOperation { Field: { IsStatic: true, IsConst: false, IsReadOnly: false } field } =>
            IsWritten(operation) ? $"writes static field '{FeatureUses.Display(field)}'" : $"reads mutable static field '{FeatureUses.Display(field)}'",
        IPropertyReferenceOperation { Property: { IsStatic: true, SetMethod.IsInitOnly: false, DeclaringSyntaxReferences.Length: > 0 } property } =>
            IsWritten(operation) ? $"writes static property '{FeatureUses.Display(property)}'" : $"reads mutable static property '{FeatureUses.Display(property)}'",
        _ => null,
    };

    private static bool IsWritten(IOperation reference) => reference.Parent switch
    {
        IAssignmentOperation assignment => assignment.Target == reference,
        IIncrementOrDecrementOperation => true,
        IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => true,
        _ => false,
    };

    private static bool IsNondeterministic(ISymbol member)
    {
        // Constants (enum members such as FileMode.Open) do nothing by being used.
        var type = member.ContainingType?.OriginalDefinition;
        if (type is null || member is IFieldSymbol { IsConst: true })
        {
            return false;
        }

        var typeName = FeatureUses.FullName(type);
        if (WholeTypes.Contains(typeName) || Members.Contains(typeName + "." + member.Name) || IsStringHash(member))
        {
            return true;
        }

        var space = type.ContainingNamespace?.ToDisplayString() ?? "";
        // System.IO.Hashing (XxHash64, Crc32) only hashes bytes: the stable hash SKW302 asks for, not a file.
        var files = space == "System.IO" || (space.StartsWith("System.IO.", StringComparison.Ordinal) && space != "System.IO.Hashing");
        var network = NetworkNamespaces.Any(candidate => space == candidate || space.StartsWith(candidate + ".", StringComparison.Ordinal)) || FeatureUses.DerivesFromAny(type, NetworkTypes);
        return ((files && !PureTypes.Contains(typeName)) || network) && !FeatureUses.DerivesFromAny(type, Exceptions);
    }

    // The overloads that read a DateTime as the machine's local time unless its Kind is Utc: a DateTimeOffset made from
    // one takes the machine's offset, and so its instant and Unix time do; a conversion given no source zone converts
    // from the machine's.
    private static bool TakesLocalTime(ISymbol member) => member is IMethodSymbol { Parameters.Length: > 0 } method
        && method.Parameters[0].Type.SpecialType == SpecialType.System_DateTime
        && FeatureUses.FullName(method.ContainingType) switch
        {
            "System.DateTimeOffset" => method.Parameters.Length == 1 && method.MethodKind is MethodKind.Constructor or MethodKind.Conversion,
            "System.TimeZoneInfo" => method.Name switch
            {
                "ConvertTimeToUtc" => method.Parameters.Length == 1,
                "ConvertTime" or "ConvertTimeBySystemTimeZoneId" => method.Parameters.Length == 2,
                _ => false,
            },
            _ => false,
        };

    /// <summary>
    /// Whether <paramref name="call"/> computes a hash code that .NET seeds afresh in every process: a string's, a
    /// <c>HashCode</c>'s, an object's identity, or any other that <see cref="IsRandomizedHash"/> finds. Splits read it too.
    /// </summary>
    public static bool IsPerProcessHash(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        var type = method.ContainingType is { } owner ? FeatureUses.FullName(owner) : "";

        // RuntimeHelpers.GetHashCode is an identity even for a boxed number, which IsRandomizedHash would take for the number's hash.
        return (type == HashCodeType && method.ReturnType.SpecialType == SpecialType.System_Int32)
            || type + "." + method.Name == IdentityHash
            || IsStringHash(method)
            || IsRandomizedHash(call);
    }

    // String hash codes are randomized per process (string.GetHashCode, the comparers' GetHashCode),
    // so a feature that buckets by them buckets differently in training and serving.
    private static bool IsStringHash(ISymbol member) =>
        member is IMethodSymbol { Name: nameof(GetHashCode), ContainingType: { } type }
        && (type.SpecialType == SpecialType.System_String || FeatureUses.FullName(type) == "System.StringComparer");

    // Any other hash code whose value is not the same in every process: an object's identity, a tuple's (HashCode's
    // random seed), a record's (its type's identity), an anonymous type's or a comparer's when a string can be part of
    // it. A hash the project wrote itself is not reported here: its body is followed like any other helper's.
    private static bool IsRandomizedHash(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        if (method is not { Name: nameof(GetHashCode), ReturnType.SpecialType: SpecialType.System_Int32 }
            || (!method.IsImplicitlyDeclared && method.DeclaringSyntaxReferences.Length > 0))
        {
            return false;
        }

        var hashed = method.Parameters.Length switch
        {
            0 => call.Instance,
            1 when call.Arguments.Length == 1 => call.Arguments[0].Value,
            _ => null,
        };
        while (hashed is IConversionOperation conversion)
        {
            hashed = conversion.Operand;
        }

        return hashed?.Type is { } type && !HashesAlike(type);
    }

    // Numbers, dates, enums and GUIDs hash from their value alone, the same in every process. So do the types whose
    // hash only combines their fields' hashes, when every field's does: anonymous types, record structs, and structs
    // that keep ValueType's hash. A record class also hashes its type's identity; a tuple mixes in HashCode's seed.
    private static bool HashesAlike(ITypeSymbol type, int depth = 0)
    {
        type = FeatureUses.Underlying(type);
        if (type.TypeKind == TypeKind.Enum
            || type.SpecialType is >= SpecialType.System_Boolean and <= SpecialType.System_Double or SpecialType.System_DateTime
            || FeatureUses.FullName(type) is "System.Guid" or "System.TimeSpan" or "System.DateTimeOffset" or "System.DateOnly" or "System.TimeOnly")
        {
            return true;
        }

        var combinesFields = type.IsAnonymousType
            || (type.TypeKind == TypeKind.Struct && (type.IsRecord || !type.GetMembers(nameof(GetHashCode)).Any()));
        return combinesFields && depth < 8 && HashedMembers(type).All(member => HashesAlike(member, depth + 1));
    }

    // An anonymous type hashes its properties; a struct its instance fields, auto-properties' included.
    private static IEnumerable<ITypeSymbol> HashedMembers(ITypeSymbol type) => type.IsAnonymousType
        ? type.GetMembers().OfType<IPropertySymbol>().Select(property => property.Type)
        : type.GetMembers().OfType<IFieldSymbol>().Where(field => !field.IsStatic).Select(field => field.Type);
}
