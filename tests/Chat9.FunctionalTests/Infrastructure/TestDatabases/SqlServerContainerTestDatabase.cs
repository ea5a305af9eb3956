using DotNet.Testcontainers.Builders;
using Testcontainers.MsSql;

namespace Chat9.FunctionalTests.Infrastructure.TestDatabases;

/// <summary>
/// A fresh database on one SQL Server container shared by the run (Testcontainers). Where Docker is not available
/// the fixture is reported as ignored ("Docker not available"), never as passed or failed.
/// </summary>
public sealed class SqlServerContainerTestDatabase : ITestDatabase
{
    private const string Image = "mcr.microsoft.com/mssql/server:2022-latest";
    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static MsSqlContainer? _container;
    private static string? _unavailableReason;

    private SqlServerContainerTestDatabase(string connectionString, string dataPath)
    {
        DataPath = dataPath;
        Configuration = new Dictionary<string, string?>
        {
            ["Data:Path"] = dataPath,
            ["Database:Provider"] = "SqlServer",
            ["Database:ConnectionString"] = connectionString,
        };
    }

    public DatabaseKind Kind => DatabaseKind.SqlServer;

    public string DataPath { get; }

    public IReadOnlyDictionary<string, string?> Configuration { get; }

    public static async Task<ITestDatabase> CreateAsync()
    {
        var container = await StartContainerAsync();
        var builder = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(container.GetConnectionString())
        {
            InitialCatalog = "chat9_" + Guid.NewGuid().ToString("N")[..12],
        };
        return new SqlServerContainerTestDatabase(builder.ConnectionString, Directory.CreateTempSubdirectory("chat9-test-").FullName);
    }

    /// <summary>Stops the shared container at the end of the run.</summary>
    public static async Task StopSharedContainerAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
            _container = null;
        }
    }

    private static async Task<MsSqlContainer> StartContainerAsync()
    {
        await StartLock.WaitAsync();
        try
        {
            if (_unavailableReason is not null)
            {
                Assert.Ignore(_unavailableReason);
            }

            if (_container is null)
            {
                try
                {
                    var container = new MsSqlBuilder(Image).Build();
                    await container.StartAsync();
                    _container = container;
                }
                catch (Exception ex) when (ex is DockerUnavailableException || ex.GetType().Name.Contains("Docker", StringComparison.Ordinal))
                {
                    _unavailableReason = "Docker not available";
                    Assert.Ignore(_unavailableReason);
                }
            }

            return _container!;
        }
        finally
        {
            StartLock.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}
