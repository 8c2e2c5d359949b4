namespace PresenceBot.GraphStandIn.Mail;

/// <summary>One piece of a <c>$filter</c>: a name (path, keyword or bare literal), a string's value, or punctuation.</summary>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Text)
{
    public bool Is(string name) => Kind == FilterTokenKind.Name && Text.Equals(name, StringComparison.OrdinalIgnoreCase);

    public bool IsPunctuation(string mark) => Kind == FilterTokenKind.Punctuation && Text == mark;
}
