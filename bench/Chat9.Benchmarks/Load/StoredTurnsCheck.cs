using Microsoft.Data.Sqlite;

namespace Chat9.Benchmarks.Load;

/// <summary>What a visitor sent in one session and which turns came back complete (their <c>done</c> message ids).</summary>
public sealed record VisitorSession(Guid SessionId, IReadOnlyList<string> Questions, IReadOnlyList<Guid> AnsweredIds, int FailedTurns);

/// <summary>
/// After a run, reads the server's SQLite file and checks that every turn is stored exactly once: per session, the
/// stored visitor messages are the questions sent, in order, each once (a failed turn's question at most once), and the
/// stored answers include every <c>done</c> message id, each once.
/// </summary>
public static class StoredTurnsCheck
{
    public sealed record Result(int Sessions, int Turns, int Problems, IReadOnlyList<string> Examples);

    public static async Task<Result> RunAsync(string databaseFile, IReadOnlyList<VisitorSession> sessions)
    {
        var stored = new Dictionary<Guid, List<(string Role, string Content, Guid Id)>>();
        await using (var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT SessionId, Role, Content, Id FROM Messages ORDER BY CreatedAt, Id";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var session = Guid.Parse(reader.GetString(0));
                if (!stored.TryGetValue(session, out var list))
                {
                    stored[session] = list = [];
                }

                list.Add((reader.GetString(1), reader.GetString(2), Guid.Parse(reader.GetString(3))));
            }
        }

        var problems = new List<string>();
        foreach (var session in sessions)
        {
            var messages = stored.GetValueOrDefault(session.SessionId) ?? [];
            var questions = messages.Where(m => m.Role == "User").Select(m => m.Content).ToList();
            var answers = messages.Where(m => m.Role == "Assistant").Select(m => m.Id).ToList();
            var answered = session.Questions.Count - session.FailedTurns;
            var questionsOk = session.FailedTurns == 0
                ? questions.SequenceEqual(session.Questions)
                : questions.Count >= answered && questions.Count <= session.Questions.Count && questions.All(session.Questions.Contains);
            if (!questionsOk)
            {
                problems.Add($"session {session.SessionId}: sent {session.Questions.Count} questions ({session.FailedTurns} failed), stored {questions.Count}");
            }

            if (answers.Distinct().Count() != answers.Count || !session.AnsweredIds.All(answers.Contains) || answers.Count > session.Questions.Count)
            {
                problems.Add($"session {session.SessionId}: {session.AnsweredIds.Count} answers streamed, {answers.Count} stored");
            }
        }

        return new Result(sessions.Count, sessions.Sum(s => s.Questions.Count), problems.Count, [.. problems.Take(5)]);
    }
}
