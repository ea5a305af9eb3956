using Chat9.FunctionalTests.Infrastructure.TestDatabases;

namespace Chat9.FunctionalTests.Hostile;

/// <summary>
/// The hostile input suite (issue 7, item 4): a table-driven pass over every endpoint the server maps with malformed,
/// oversized, mistyped, unicode-edged, injected and forged input. Whatever comes in, the answer is a documented
/// success or a 4xx problem+json with a stable code: never a 5xx, a stack trace, or another bot's data. One fixture
/// (one server, one set of bots) for every family, each family in its own file.
/// </summary>
public sealed partial class HostileInputTests(DatabaseKind databaseKind) : HostileFixtureBase(databaseKind)
{
}
