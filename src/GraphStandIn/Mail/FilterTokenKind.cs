namespace PresenceBot.GraphStandIn.Mail;

internal enum FilterTokenKind
{
    Name,
    String,
    Punctuation,
}
