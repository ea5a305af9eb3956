using System.Runtime.CompilerServices;

namespace Chat9.FunctionalTests.Infrastructure;

/// <summary>
/// The checkout the tests were compiled from, found from this source file's path, so it holds wherever the test
/// output lives (for example with <c>--artifacts-path</c>).
/// </summary>
public static class RepositoryPaths
{
    public static string Root() => RootAbove();

    private static string RootAbove([CallerFilePath] string thisFile = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(thisFile)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Chat9.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException($"Chat9.sln not found above {thisFile}.");
    }
}
