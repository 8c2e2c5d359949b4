using PresenceBot.GraphStandIn.Calendars;

namespace PresenceBot.GraphStandIn.Mail;

/// <summary>
/// The part of OData's <c>$filter</c> a voicemail reader needs, turned into a predicate: <c>isRead</c> and
/// <c>hasAttachments</c> compared with true/false, <c>singleValueExtendedProperties/any(ep: ep/id eq '…' and
/// ep/value eq '…')</c>, <c>and</c>, <c>or</c> and parentheses. As Graph does, an extended property's value compares
/// ignoring case. Anything else throws <see cref="QueryException"/>, so a query is never half-understood.
/// </summary>
internal sealed class FilterParser
{
    private static readonly string[] BooleanProperties = ["isRead", "hasAttachments"];

    private static readonly string[] OtherMessageProperties =
    [
        "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "receivedDateTime", "sentDateTime",
        "internetMessageId", "subject", "bodyPreview", "importance", "parentFolderId", "conversationId", "isDraft",
        "body", "sender", "from", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "flag", "inferenceClassification",
    ];

    private readonly List<FilterToken> _tokens;
    private int _at;

    private FilterParser(string filter) => _tokens = FilterTokenizer.Split(filter);

    private FilterToken Current => _at < _tokens.Count ? _tokens[_at] : new FilterToken(FilterTokenKind.Punctuation, "end of the filter");

    /// <summary>A message <c>$filter</c>.</summary>
    public static Func<StandInMessage, bool> ForMessages(string filter)
    {
        var parser = new FilterParser(filter);
        return parser.Whole(parser.MessageCondition);
    }

    /// <summary>The <c>$filter</c> inside <c>$expand=singleValueExtendedProperties(…)</c>: conditions on <c>id</c> (and <c>value</c>).</summary>
    public static Func<ExtendedProperty, bool> ForProperties(string filter)
    {
        var parser = new FilterParser(filter);
        return parser.Whole(() => parser.PropertyCondition(variable: null));
    }

    /// <summary>An event <c>$filter</c>: only <c>singleValueExtendedProperties/any(…)</c>, with <c>and</c>, <c>or</c> and parentheses.</summary>
    public static Func<StandInEvent, bool> ForEvents(string filter)
    {
        var parser = new FilterParser(filter);
        return parser.Whole(parser.EventCondition);
    }

    /// <summary>
    /// <c>$expand=singleValueExtendedProperties($filter=id eq '…' or …)</c>, the only expand served (messages and
    /// events): which extended properties to write.
    /// </summary>
    public static Func<ExtendedProperty, bool> ForExpand(string expand)
    {
        const string navigation = "singleValueExtendedProperties";
        var text = expand.Trim();
        if (!text.StartsWith(navigation, StringComparison.OrdinalIgnoreCase))
        {
            throw QueryException.Unsupported($"$expand={text} (only {navigation}($filter=id eq '…'))");
        }

        var options = text[navigation.Length..].Trim();
        if (!options.StartsWith('(') || !options.EndsWith(')') || options[1..^1].Trim() is not { } inner
            || !inner.StartsWith("$filter=", StringComparison.OrdinalIgnoreCase))
        {
            throw QueryException.Invalid($"Expanding {navigation} needs a filter on id: {navigation}($filter=id eq 'String 0x001A').");
        }

        return ForProperties(inner["$filter=".Length..]);
    }

    private Func<T, bool> Whole<T>(Func<Func<T, bool>> condition)
    {
        var predicate = Or(condition);
        if (_at < _tokens.Count)
        {
            throw QueryException.Invalid($"Invalid filter clause: unexpected '{Current.Text}'.");
        }

        return predicate;
    }

    private Func<T, bool> Or<T>(Func<Func<T, bool>> condition) =>
        Chain("or", () => And(condition), (first, second) => x => first(x) || second(x));

    private Func<T, bool> And<T>(Func<Func<T, bool>> condition) =>
        Chain("and", () => Primary(condition), (first, second) => x => first(x) && second(x));

    /// <summary><c>operand (keyword operand)*</c>, joined left to right.</summary>
    private Func<T, bool> Chain<T>(string keyword, Func<Func<T, bool>> operand, Func<Func<T, bool>, Func<T, bool>, Func<T, bool>> join)
    {
        var left = operand();
        while (Current.Is(keyword))
        {
            _at++;
            left = join(left, operand());
        }

        return left;
    }

    private Func<T, bool> Primary<T>(Func<Func<T, bool>> condition)
    {
        if (Current.IsPunctuation("("))
        {
            _at++;
            var inner = Or(condition);
            Expect(")");
            return inner;
        }

        if (Current.Is("not"))
        {
            throw QueryException.Unsupported("'not' in $filter");
        }

        return condition();
    }

    private Func<StandInMessage, bool> MessageCondition()
    {
        var name = Name();
        if (AnyExtendedProperty<StandInMessage>(name, m => m.ExtendedProperties) is { } any)
        {
            return any;
        }

        if (BooleanProperties.FirstOrDefault(p => p.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } property)
        {
            var equal = Operator();
            var value = TrueOrFalse();
            Func<StandInMessage, bool> read = property == "isRead" ? m => m.IsRead : m => m.HasAttachments;
            return message => (read(message) == value) == equal;
        }

        if (Current.IsPunctuation("("))
        {
            throw QueryException.Unsupported($"the function '{name}' in $filter");
        }

        throw OtherMessageProperties.Any(p => p.Equals(name, StringComparison.OrdinalIgnoreCase))
            ? QueryException.Unsupported($"$filter on '{name}'")
            : new QueryException("RequestBroker--ParseUri", $"Could not find a property named '{name}' on type 'Microsoft.OutlookServices.Message'.");
    }

    private Func<StandInEvent, bool> EventCondition()
    {
        var name = Name();
        if (AnyExtendedProperty<StandInEvent>(name, e => e.ExtendedProperties) is { } any)
        {
            return any;
        }

        throw Current.IsPunctuation("(")
            ? QueryException.Unsupported($"the function '{name}' in $filter")
            : QueryException.Unsupported($"$filter on '{name}' for events (only singleValueExtendedProperties/any(…))");
    }

    /// <summary><c>singleValueExtendedProperties/any(ep: …)</c> over the item's properties; null when the name is another.</summary>
    private Func<T, bool>? AnyExtendedProperty<T>(string name, Func<T, IReadOnlyList<ExtendedProperty>> properties)
    {
        if (!name.Equals("singleValueExtendedProperties/any", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        Expect("(");
        var variable = Name();
        Expect(":");
        var matches = Or(() => PropertyCondition(variable));
        Expect(")");
        return item => properties(item).Any(matches);
    }

    /// <summary><c>{variable}/id eq '…'</c> or <c>{variable}/value eq '…'</c>; without a variable, bare <c>id</c> and <c>value</c>.</summary>
    private Func<ExtendedProperty, bool> PropertyCondition(string? variable)
    {
        var name = Name();
        if (Current.IsPunctuation("("))
        {
            throw QueryException.Unsupported($"the function '{name}' on extended properties");
        }

        var member = variable is null ? name : name.StartsWith(variable + "/", StringComparison.Ordinal) ? name[(variable.Length + 1)..] : null;
        var equal = Operator();
        var literal = Quoted();
        switch (member?.ToLowerInvariant())
        {
            case "id":
                var id = PropertyId.Parse(literal)
                    ?? throw new QueryException("ErrorInvalidProperty", $"'{literal}' is not an extended property id (like 'String 0x001A').");
                return p => (PropertyId.Parse(p.Id) is { } own && own.Matches(id)) == equal;
            case "value":
                return p => p.Value.Equals(literal, StringComparison.OrdinalIgnoreCase) == equal;
            default:
                throw QueryException.Invalid($"Invalid filter clause: '{name}' is not the id or value of {(variable is null ? "an extended property" : $"'{variable}'")}.");
        }
    }

    /// <summary>True for <c>eq</c>, false for <c>ne</c>.</summary>
    private bool Operator()
    {
        var token = Current;
        _at++;
        if (token.Is("eq") || token.Is("ne"))
        {
            return token.Is("eq");
        }

        throw token.Kind == FilterTokenKind.Name && token.Text.ToLowerInvariant() is "gt" or "ge" or "lt" or "le"
            ? QueryException.Unsupported($"'{token.Text}' here")
            : QueryException.Invalid($"Invalid filter clause: expected 'eq' or 'ne', found '{token.Text}'.");
    }

    private bool TrueOrFalse() => Take(FilterTokenKind.Name, "true or false").ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        var other => throw QueryException.Invalid($"Invalid filter clause: '{other}' is not true or false."),
    };

    private string Quoted() => Take(FilterTokenKind.String, "a quoted string");

    private string Name() => Take(FilterTokenKind.Name, "a property");

    private string Take(FilterTokenKind kind, string what)
    {
        var token = Current;
        _at++;
        return token.Kind == kind ? token.Text : throw QueryException.Invalid($"Invalid filter clause: expected {what}, found '{token.Text}'.");
    }

    private void Expect(string mark)
    {
        if (!Current.IsPunctuation(mark))
        {
            throw QueryException.Invalid($"Invalid filter clause: expected '{mark}', found '{Current.Text}'.");
        }

        _at++;
    }
}
