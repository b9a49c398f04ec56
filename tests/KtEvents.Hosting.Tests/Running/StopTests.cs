namespace KtEvents.Hosting.Tests.Running;

[Collection(AppHostCollection.Name)]
public sealed class StopTests
{
    [Fact]
    public async Task Stopping_the_apphost_leaves_no_process_and_no_session_data_behind()
    {
        var dataDirectory = SampleApp.NewDataDirectory();
        try
        {
            await using (var app = SampleApp.Build(dataDirectory, backReplicas: 1, withMessaging: true))
            {
                await app.StartAsync();
                await SampleApp.WaitUntilHealthyAsync(app, "front");
                Assert.NotEmpty(SampleApp.ProcessesMentioning(dataDirectory));
                Assert.NotEmpty(SampleApp.ProcessesMentioning("KtEvents.Hosting.SampleBack.dll"));
                await app.StopAsync();
            }

            // Every process was stopped and awaited, so nothing lingers; the watchdogs poll once a second.
            var left = SampleApp.ProcessesMentioning(dataDirectory).Concat(SampleApp.ProcessesMentioning("KtEvents.Hosting.Sample")).ToList();
            for (var attempt = 0; attempt < 30 && left.Count > 0; attempt++)
            {
                await Task.Delay(100);
                left = [.. SampleApp.ProcessesMentioning(dataDirectory).Concat(SampleApp.ProcessesMentioning("KtEvents.Hosting.Sample"))];
            }
            Assert.Empty(left);
            Assert.False(Directory.Exists(Path.Combine(dataDirectory, "run", Environment.ProcessId.ToString())));
            Assert.True(File.Exists(Path.Combine(dataDirectory, "secrets.json")));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
