using Chat9.FunctionalTests.Infrastructure.TestDatabases;

namespace Chat9.FunctionalTests.Infrastructure;

[SetUpFixture]
public sealed class FunctionalTestSetup
{
    [OneTimeTearDown]
    public Task StopContainers() => SqlServerContainerTestDatabase.StopSharedContainerAsync();
}
