using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Chat9.Application.Bots.CreateBot;
using Chat9.Application.Common.Interfaces;
using Chat9.Domain.Documents;
using Chat9.FunctionalTests.Infrastructure;
using Chat9.Infrastructure.Persistence;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.FunctionalTests.Faults;

/// <summary>
/// Fault family 5, the disk full on upload, two ways: the document content store fails with the OS's "no space left
/// on device" (<c>IOException</c>, ENOSPC), and, where the test may mount one, the data folder is a small tmpfs filled
/// up, so SQLite itself fails the write (<c>SQLITE_FULL</c>). Either way the upload is answered
/// <c>507 insufficient_storage</c>, no document row or original is left, and the same upload is accepted and processed
/// once there is room again.
/// </summary>
public sealed class DiskFullTests
{
    private const string TmpfsSize = "16m";

    private readonly ContentStoreSwitch _contentStore = new();
    private DirectoryInfo _data = null!;
    private bool _tmpfs;
    private Chat9WebApiFactory _factory = null!;

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        _data = Directory.CreateTempSubdirectory("chat9-diskfull-");
        _tmpfs = await RunAsync("mount", "-t", "tmpfs", "-o", $"size={TmpfsSize}", "tmpfs", _data.FullName) == 0;
        _factory = new Chat9WebApiFactory(
            new Dictionary<string, string?>
            {
                ["Data:Path"] = _data.FullName,
                ["Database:Provider"] = "Sqlite",
                ["RateLimits:UploadsPerBotPerHour"] = "10000",
                ["RateLimits:ManagementPerKeyPerMinute"] = "10000",
            },
            services => services.AddScoped<IDocumentContentStore>(sp =>
                new DiskFullContentStore(ActivatorUtilities.CreateInstance<DocumentContentStore>(sp), _contentStore)));
        _factory.StartServer();
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_tmpfs)
        {
            await RunAsync("umount", _data.FullName);
        }

        _data.Delete(recursive: true);
    }

    [TestCase("content store: IOException ENOSPC")]
    [TestCase("database file on a full tmpfs: SQLITE_FULL")]
    public async Task AnUploadOnAFullDisk_Is507InsufficientStorage_LeavesNoDocument_AndIsAcceptedOnceThereIsRoom(string fault)
    {
        var onTmpfs = fault.StartsWith("database", StringComparison.Ordinal);
        if (onTmpfs && !_tmpfs)
        {
            Assert.Ignore("Mounting a tmpfs needs root; the content-store case covers the mapping.");
        }

        var bot = await CreateBotAsync(fault);
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bot.ApiKey);
        // The key's use is recorded now, so the upload is the only write that meets the full disk.
        Assert.That((await client.GetAsync("/documents")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var file = TestFiles.Utf8(LargeMarkdown());

        HttpResponseMessage full;
        var filler = Path.Combine(_data.FullName, "filler.bin");
        try
        {
            if (onTmpfs)
            {
                FillUp(filler);
            }
            else
            {
                _contentStore.DiskFull = true;
            }

            full = await client.UploadAsync("handbook.md", file);
        }
        finally
        {
            _contentStore.DiskFull = false;
            File.Delete(filler);
        }

        var afterFailure = await StoredState.ReadAsync(_factory.Services, bot.Id);
        var accepted = await client.UploadAsync("handbook.md", file);

        await ProblemAssert.IsProblemAsync(full, HttpStatusCode.InsufficientStorage, "insufficient_storage");
        Assert.That(afterFailure.Documents, Is.Empty, "no document row, no original");
        Assert.That(afterFailure.OrphanContents, Is.Zero);
        Assert.That((int)accepted.StatusCode, Is.EqualTo(202), await accepted.Content.ReadAsStringAsync());
        var id = System.Text.Json.JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var processed = await client.WaitUntilProcessedAsync(id);
        Assert.That(processed.GetProperty("status").GetString(), Is.EqualTo("ready"), processed.ToString());
        var stored = (await StoredState.ReadAsync(_factory.Services, bot.Id)).AssertConsistent();
        Assert.That(stored.Documents.Select(d => d.Status), Is.EqualTo(new[] { DocumentStatus.Ready }));
    }

    private async Task<CreatedBotDto> CreateBotAsync(string name)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateBotCommand(name, []));
    }

    /// <summary>Writes until the file system refuses, then gives back a little: too little for the upload.</summary>
    private static void FillUp(string path)
    {
        var block = new byte[64 * 1024];
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.WriteThrough))
        {
            try
            {
                while (true)
                {
                    stream.Write(block);
                }
            }
            catch (IOException)
            {
                // Full.
            }
        }

        using var trim = new FileStream(path, FileMode.Open, FileAccess.Write);
        trim.SetLength(Math.Max(0, trim.Length - block.Length));
    }

    /// <summary>About 1 MB of Markdown: more than the room left on the filled tmpfs.</summary>
    private static string LargeMarkdown() => string.Concat(Enumerable.Range(0, 2000).Select(i =>
        $"## Section {i}\n\nNotewell keeps section {i} of the handbook in sync across every device you use.\n\n"));

    private static async Task<int> RunAsync(string command, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            await process.WaitForExitAsync();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    /// <summary>Switches the simulated full disk on and off for <see cref="DiskFullContentStore"/>.</summary>
    private sealed class ContentStoreSwitch
    {
        public volatile bool DiskFull;
    }

    /// <summary>The real content store, except that while the disk is "full" keeping an original fails as the OS would.</summary>
    private sealed class DiskFullContentStore(IDocumentContentStore inner, ContentStoreSwitch state) : IDocumentContentStore
    {
        private const int Enospc = 28;

        public void Add(DocumentContent content)
        {
            if (state.DiskFull)
            {
                throw new IOException("No space left on device", Enospc);
            }

            inner.Add(content);
        }

        public Task<DocumentContent?> FindAsync(Guid documentId, CancellationToken cancellationToken) => inner.FindAsync(documentId, cancellationToken);

        public Task<byte[]?> ReadBytesAsync(Guid documentId, CancellationToken cancellationToken) => inner.ReadBytesAsync(documentId, cancellationToken);
    }
}
