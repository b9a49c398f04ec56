namespace KtEvents.Hosting.Tests.Running;

/// <summary>One running sample system for the tests of a class (starting one takes seconds).</summary>
public sealed class RunModeFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = SampleApp.NewDataDirectory();

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = SampleApp.Build(DataDirectory);
        await App.StartAsync();
        await SampleApp.WaitUntilHealthyAsync(App, "front");
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
