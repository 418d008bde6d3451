namespace Skewless.Analyzers.Dependencies;

/// <summary>
/// Evaluates the MSBuild conditions that decide, per target framework, whether a package item is
/// seen at all: comparisons of <c>$(TargetFramework)</c> with a literal (<c>==</c>, <c>!=</c>),
/// joined with <c>and</c>, <c>or</c>, <c>!</c> and parentheses, as in
/// <c>'$(TargetFramework)' == 'net6.0'</c>. Anything else (another property, a property function,
/// <c>Exists</c>, an ordering comparison) is unknown, and three-valued logic carries it:
/// <c>false and unknown</c> is false, <c>true or unknown</c> is true, anything else with an unknown
/// part is unknown. A condition that cannot be parsed is unknown as a whole.
/// </summary>
internal static class MsBuildCondition
{
    /// <summary>The condition's value when <c>$(TargetFramework)</c> is <paramref name="targetFramework"/>; <see langword="null"/> when it cannot be told.</summary>
    public static bool? Evaluate(string condition, string targetFramework)
    {
        var tokens = Tokenize(condition);
        if (tokens is null)
        {
            return null;
        }

        var parser = new Parser(tokens, targetFramework);
        var value = parser.Or();
        return parser.Failed || !parser.AtEnd ? null : value;
    }

    /// <summary>
    /// Whether an item under <paramref name="conditions"/> (its own and its enclosing elements') is
    /// seen for none of <paramref name="targetFrameworks"/>: some condition is false for each one. An
    /// unknown condition never makes an item inactive, and neither does an unknown list of frameworks.
    /// </summary>
    public static bool IsInactive(IReadOnlyList<string> conditions, IReadOnlyList<string> targetFrameworks) =>
        conditions.Count > 0
        && targetFrameworks.Count > 0
        && targetFrameworks.All(framework => conditions.Any(condition => Evaluate(condition, framework) == false));

    private enum Kind
    {
        Text,
        Call,
        Equal,
        NotEqual,
        Compare,
        Not,
        And,
        Or,
        Open,
        Close,
    }

    private readonly record struct Token(Kind Kind, string Text);

    private static List<Token>? Tokenize(string condition)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < condition.Length)
        {
            var c = condition[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                var end = condition.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    return null;
                }

                tokens.Add(new Token(Kind.Text, condition.Substring(i + 1, end - i - 1)));
                i = end + 1;
            }
            else if (c is '$' or '@' or '%' && i + 1 < condition.Length && condition[i + 1] == '(')
            {
                // An unquoted property, item or metadata reference: to its balanced ')'.
                var end = Balanced(condition, i + 1);
                if (end < 0)
                {
                    return null;
                }

                tokens.Add(new Token(Kind.Text, condition.Substring(i, end + 1 - i)));
                i = end + 1;
            }
            else if (Two(condition, i, "==") || Two(condition, i, "!=") || Two(condition, i, "<=") || Two(condition, i, ">="))
            {
                var op = condition.Substring(i, 2);
                tokens.Add(new Token(op == "==" ? Kind.Equal : op == "!=" ? Kind.NotEqual : Kind.Compare, op));
                i += 2;
            }
            else if (c is '<' or '>')
            {
                tokens.Add(new Token(Kind.Compare, c.ToString()));
                i++;
            }
            else if (c is '!' or '(' or ')')
            {
                tokens.Add(new Token(c == '!' ? Kind.Not : c == '(' ? Kind.Open : Kind.Close, c.ToString()));
                i++;
            }
            else if (char.IsLetterOrDigit(c) || c is '_' or '.' or '-')
            {
                var start = i;
                while (i < condition.Length && (char.IsLetterOrDigit(condition[i]) || condition[i] is '_' or '.' or '-' or ':'))
                {
                    i++;
                }

                var word = condition.Substring(start, i - start);
                var next = i;
                while (next < condition.Length && char.IsWhiteSpace(condition[next]))
                {
                    next++;
                }

                if (next < condition.Length && condition[next] == '(')
                {
                    // A function such as Exists('...') or HasTrailingSlash('...'): unknown.
                    var end = Balanced(condition, next);
                    if (end < 0)
                    {
                        return null;
                    }

                    tokens.Add(new Token(Kind.Call, condition.Substring(start, end + 1 - start)));
                    i = end + 1;
                }
                else
                {
                    tokens.Add(new Token(
                        word.Equals("and", StringComparison.OrdinalIgnoreCase) ? Kind.And : word.Equals("or", StringComparison.OrdinalIgnoreCase) ? Kind.Or : Kind.Text,
                        word));
                }
            }
            else
            {
                return null;
            }
        }

        return tokens;
    }

    private static bool Two(string text, int at, string op) => string.CompareOrdinal(text, at, op, 0, 2) == 0;

    // The index of the ')' that closes the '(' at open, skipping quoted text; -1 when there is none.
    private static int Balanced(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\'':
                    var end = text.IndexOf('\'', i + 1);
                    if (end < 0)
                    {
                        return -1;
                    }

                    i = end;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        return -1;
    }

    private sealed class Parser
    {
        private const string TargetFramework = "$(TargetFramework)";

        private readonly List<Token> _tokens;
        private readonly string _targetFramework;
        private int _at;

        public Parser(List<Token> tokens, string targetFramework)
        {
            _tokens = tokens;
            _targetFramework = targetFramework;
        }

        public bool Failed { get; private set; }

        public bool AtEnd => _at == _tokens.Count;

        public bool? Or()
        {
            var value = And();
            while (!Failed && Next(Kind.Or))
            {
                var right = And();
                value = value == true || right == true ? true : value is null || right is null ? null : false;
            }

            return value;
        }

        private bool? And()
        {
            var value = Unary();
            while (!Failed && Next(Kind.And))
            {
                var right = Unary();
                value = value == false || right == false ? false : value is null || right is null ? null : true;
            }

            return value;
        }

        private bool? Unary()
        {
            if (Next(Kind.Not))
            {
                return !Unary();
            }

            if (Next(Kind.Open))
            {
                var inner = Or();
                if (!Next(Kind.Close))
                {
                    Failed = true;
                }

                return inner;
            }

            if (!Operand(out var left))
            {
                Failed = true;
                return null;
            }

            if (Peek is { Kind: Kind.Equal or Kind.NotEqual or Kind.Compare } op)
            {
                _at++;
                if (!Operand(out var right))
                {
                    Failed = true;
                    return null;
                }

                if (op.Kind == Kind.Compare || left is null || right is null)
                {
                    return null;
                }

                return string.Equals(left, right, StringComparison.OrdinalIgnoreCase) == (op.Kind == Kind.Equal);
            }

            // A lone operand: the literals true and false, else unknown.
            return left is null ? null
                : left.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
                : left.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
                : null;
        }

        // An operand's value with $(TargetFramework) expanded; null (but parsed) when it depends on anything else.
        private bool Operand(out string? value)
        {
            value = null;
            if (Peek is not { } token || token.Kind is not (Kind.Text or Kind.Call))
            {
                return false;
            }

            _at++;
            if (token.Kind == Kind.Text)
            {
                var expanded = Replace(token.Text, TargetFramework, _targetFramework);
                value = expanded.Contains("$(") || expanded.Contains("@(") || expanded.Contains("%(") ? null : expanded;
            }

            return true;
        }

        private Token? Peek => _at < _tokens.Count ? _tokens[_at] : null;

        private bool Next(Kind kind)
        {
            if (Peek is { } token && token.Kind == kind)
            {
                _at++;
                return true;
            }

            return false;
        }

        private static string Replace(string text, string name, string value)
        {
            var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase);
            while (at >= 0)
            {
                text = text.Substring(0, at) + value + text.Substring(at + name.Length);
                at = text.IndexOf(name, at + value.Length, StringComparison.OrdinalIgnoreCase);
            }

            return text;
        }
    }
}
