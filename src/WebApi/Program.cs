using Chat9.WebApi.Cli;
using Chat9.WebApi.Infrastructure.Hosting;

// One executable: without a command it serves HTTP; with one it runs an admin command and exits.
if (AdminCli.IsAdminCommand(args))
{
    return await AdminCli.RunAsync(args);
}

await ServerHost.Build(args).RunAsync();
return 0;

/// <summary>Entry point; public for <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
