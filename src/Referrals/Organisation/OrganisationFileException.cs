namespace PresenceBot.Referrals.Organisation;

/// <summary>
/// The organisation file could not be loaded. <see cref="Problems"/> holds every problem found, not just
/// the first, so whoever edits the file can fix it in one go instead of one restart per mistake.
/// </summary>
public sealed class OrganisationFileException : Exception
{
    public OrganisationFileException(string fileName, IReadOnlyList<string> problems)
        : this(fileName, problems, innerException: null)
    {
    }

    public OrganisationFileException(string fileName, IReadOnlyList<string> problems, Exception? innerException)
        : base(FormatMessage(fileName, problems), innerException)
    {
        FileName = fileName;
        Problems = problems;
    }

    public string FileName { get; }

    /// <summary>Each problem as <c>{json path}: {what is wrong}</c>, section by section (settings, municipalities, units, people).</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string FormatMessage(string fileName, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return $"Organisation file '{fileName}' is invalid:{Environment.NewLine}"
            + string.Join(Environment.NewLine, problems);
    }
}
