using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using KtEvents.Dashboard;
using KtEvents.Dashboard.Otlp;
using KtEvents.Dashboard.Resources;
using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Orchestration;
using KtEvents.Hosting.Processes;
using KtEvents.Hosting.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KtEvents.Hosting;

/// <summary>
/// The system, built from its description. In publish mode <see cref="RunAsync"/> writes the
/// manifest and returns. In run mode it starts the dashboard (which also receives every service's
/// OTLP), builds the projects once, starts the servers from their binaries and then every process as
/// soon as what it waits for is healthy, prints the dashboard link, and on Ctrl+C or SIGTERM stops
/// everything it started.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly DistributedApplicationBuilder builder;
    private readonly RunOptions options = new();
    private readonly CancellationTokenSource lifetime = new();
    private WebApplication? dashboard;
    private Orchestrator? orchestrator;
    private AllocatedEndpoints? allocated;
    private string? sessionDirectory;

    internal DistributedApplication(DistributedApplicationBuilder builder)
    {
        this.builder = builder;
        builder.Configuration.GetSection(RunOptions.SectionName).Bind(options);
        if (string.IsNullOrEmpty(options.DataDirectory))
        {
            options.DataDirectory = Path.Combine(RepositoryRoot(builder.AppHostDirectory), ".kt");
        }
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(logging => logging
            .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
            .AddConfiguration(builder.Configuration.GetSection("Logging")));
        Logger = LoggerFactory.CreateLogger("KtEvents.AppHost");
    }

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) =>
        new DistributedApplicationBuilder(args, AppHostProjectDirectory());

    public ILoggerFactory LoggerFactory { get; }

    private ILogger Logger { get; }

    /// <summary>The dashboard's address once started (the real port when configured with port 0).</summary>
    public Uri? DashboardUrl { get; private set; }

    /// <summary>The link that opens the dashboard: its address with the browser token.</summary>
    public Uri? DashboardLoginUrl => DashboardUrl is null ? null : new Uri(DashboardUrl, $"login?t={Uri.EscapeDataString(options.BrowserToken!)}");

    public IServiceProvider Services => dashboard?.Services ?? throw new InvalidOperationException("The application has not started.");

    public IResourceService ResourceService => orchestrator ?? throw new InvalidOperationException("The application has not started.");

    /// <summary>Publishes, or runs until Ctrl+C / SIGTERM. Returns the process exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return await PublishAsync(cancellationToken);
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            await StartAsync(stop.Token);
            await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return 0;
        }
        catch (InfrastructureUnavailableException ex)
        {
            Logger.LogError("{Problem}", ex.Message);
            return 1;
        }
        finally
        {
            await StopAsync();
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    /// <summary>Starts the dashboard and every resource; returns once they are all launched (not yet healthy).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (orchestrator is not null)
        {
            throw new InvalidOperationException("The application is already running.");
        }
        ResourceGraph.Validate(builder.Resources, builder.ExecutionContext);
        options.BrowserToken ??= NewToken();
        var otlpApiKey = NewToken();
        sessionDirectory = Path.Combine(options.DataDirectory, "run", Environment.ProcessId.ToString());
        var parameters = new ParameterValues(builder.Configuration, Path.Combine(options.DataDirectory, "secrets.json"));
        var endpoints = allocated = new AllocatedEndpoints(builder.Resources);
        var expressions = new RunExpressions(builder.Configuration, parameters, endpoints);
        Orchestrator.CheckPrerequisites(builder.Resources, expressions);
        Directory.CreateDirectory(options.DataDirectory);
        EnsureServiceUsersCanEnter(options.DataDirectory);

        var console = new ConsoleLogStore();
        var dashboardUrl = new Uri(options.DashboardUrl);
        DashboardUrl = new Uri($"{dashboardUrl.Scheme}://{dashboardUrl.Host}:{(dashboardUrl.Port == 0 ? FreePort.Next() : dashboardUrl.Port)}/");
        var projects = builder.Resources.OfType<Resources.ProjectResource>().Select(p => p.ProjectPath).Distinct().ToList();
        if (projects.Count > 0)
        {
            Logger.Building(projects.Count, options.BuildConfiguration);
        }
        // The build belongs to this run: StopAsync, or this call's token while it runs, ends it half-way.
        using var startCancelled = cancellationToken.Register(lifetime.Cancel);
        var context = new RunContext(options, expressions, endpoints, builder.ExecutionContext, Logger, console.Append)
        {
            OtlpEndpoint = DashboardUrl!,
            OtlpApiKey = otlpApiKey,
            DataDirectoryFor = DataDirectoryFor,
            Build = Task.Run(() => ProjectBuild.RunAsync(projects, options.BuildConfiguration, Path.Combine(options.DataDirectory, "build"),
                (line, isError) => console.Append("build", line, isError), lifetime.Token)),
        };
        orchestrator = new Orchestrator(builder.Resources, context);
        dashboard = await StartDashboardAsync(console, orchestrator, otlpApiKey, cancellationToken);
        orchestrator.Start();
        Logger.LogInformation("Dashboard: {Url}", DashboardLoginUrl);
        foreach (var external in builder.Resources.OfType<IResourceWithEndpoints>()
                     .SelectMany(r => r.Annotations.OfType<EndpointAnnotation>().Where(e => e.IsExternal).Select(e => (r, e))))
        {
            Logger.LogInformation("{Resource}: {Url}", external.r.Name, endpoints.Url(external.r, external.e));
        }
    }

    /// <summary>Completes when every instance of the resource (all replicas) has been healthy.</summary>
    public Task WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken = default) =>
        (orchestrator ?? throw new InvalidOperationException("The application has not started.")).WaitForHealthyAsync(name, cancellationToken);

    /// <summary>The URL of a resource's endpoint (its first replica), as Aspire's testing API offers it.</summary>
    public Uri GetEndpoint(string resourceName, string endpointName = "http")
    {
        var resource = builder.Resources.OfType<IResourceWithEndpoints>().SingleOrDefault(r => r.Name == resourceName)
            ?? throw new ArgumentException($"No resource with endpoints is named '{resourceName}'.", nameof(resourceName));
        var endpoint = resource.Annotations.OfType<EndpointAnnotation>().SingleOrDefault(e => e.Name == endpointName)
            ?? throw new ArgumentException($"'{resourceName}' has no endpoint named '{endpointName}'.", nameof(endpointName));
        return new Uri((allocated ?? throw new InvalidOperationException("The application has not started.")).Url(resource, endpoint));
    }

    public async Task StopAsync()
    {
        await lifetime.CancelAsync();
        if (orchestrator is { } running)
        {
            orchestrator = null;
            await running.StopAsync();
        }
        if (dashboard is { } web)
        {
            dashboard = null;
            await web.StopAsync();
            await web.DisposeAsync();
        }
        if (sessionDirectory is { } session && Directory.Exists(session))
        {
            Directory.Delete(session, recursive: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        lifetime.Dispose();
        LoggerFactory.Dispose();
    }

    private async Task<int> PublishAsync(CancellationToken cancellationToken)
    {
        var publisher = builder.Configuration["Publishing:Publisher"];
        if (publisher != "manifest")
        {
            Logger.LogError("Unknown publisher '{Publisher}'; the only one is 'manifest'.", publisher);
            return 2;
        }
        var path = Path.GetFullPath(builder.Configuration["Publishing:OutputPath"] ?? "aspire-manifest.json");
        await ManifestPublisher.WriteAsync(builder.Resources, path, cancellationToken);
        Logger.LogInformation("Wrote the manifest to {Path}", path);
        return 0;
    }

    private async Task<WebApplication> StartDashboardAsync(ConsoleLogStore console, IResourceService resources, string otlpApiKey, CancellationToken cancellationToken)
    {
        var url = DashboardUrl!;
        var web = WebApplication.CreateSlimBuilder();
        web.Logging.ClearProviders();
        web.WebHost.UseKestrel(kestrel =>
        {
            if (url.IsLoopback)
            {
                kestrel.ListenLocalhost(url.Port);
            }
            else
            {
                kestrel.Listen(System.Net.IPAddress.Any, url.Port);
            }
        });
        web.Services.AddSingleton(console);
        web.Services.AddSingleton(resources);
        web.Services.AddTelemetryStore(o => o.OtlpApiKey = otlpApiKey);
        web.Services.AddDashboard(o => o.BrowserToken = options.BrowserToken!);
        var app = web.Build();
        app.MapOtlpHttpReceiver();
        app.MapDashboard();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync();
            throw new InfrastructureUnavailableException(
                $"The dashboard cannot listen on {url}: {ex.Message} Stop what uses the port, or choose another with AppHost__DashboardUrl (port 0 picks a free one).", ex);
        }
        return app;
    }

    private string DataDirectoryFor(IResource resource)
    {
        var persistent = resource.Annotations.OfType<ContainerLifetimeAnnotation>().LastOrDefault()?.Lifetime == ContainerLifetime.Persistent;
        var path = persistent ? Path.Combine(options.DataDirectory, "data", resource.Name) : Path.Combine(sessionDirectory!, resource.Name);
        Directory.CreateDirectory(path);
        EnsureServiceUsersCanEnter(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>
    /// Postgres and RabbitMQ run as their own users, who must be able to walk down to their folders.
    /// As root the AppHost opens its own folders to them (never a parent it did not create) and
    /// says what to do when a parent is closed.
    /// </summary>
    private void EnsureServiceUsersCanEnter(string directory)
    {
        if (!NativeMethods.IsRoot || OperatingSystem.IsWindows())
        {
            return;
        }
        var root = Path.GetFullPath(options.DataDirectory);
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var mode = File.GetUnixFileMode(current.FullName);
            if (mode.HasFlag(UnixFileMode.OtherExecute))
            {
                continue;
            }
            if (current.FullName.StartsWith(root, StringComparison.Ordinal))
            {
                File.SetUnixFileMode(current.FullName, mode | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute);
                continue;
            }
            throw new InfrastructureUnavailableException(
                $"The postgres and rabbitmq users cannot enter {current.FullName}, above the AppHost's data folder {root}. " +
                "Run `chmod o+x` on it, or point AppHost__DataDirectory somewhere they can reach (such as /var/tmp/ktevents).");
        }
    }

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    /// <summary>The repository holding the AppHost (where KtEvents.sln or .git is), so data lands in its ignored .kt folder.</summary>
    private static string RepositoryRoot(string appHostDirectory)
    {
        for (var current = new DirectoryInfo(appHostDirectory); current is not null; current = current.Parent)
        {
            if (current.EnumerateFiles("*.sln").Any() || current.EnumerateFiles("*.slnx").Any() || Directory.Exists(Path.Combine(current.FullName, ".git")))
            {
                return current.FullName;
            }
        }
        return appHostDirectory;
    }

    /// <summary>The AppHost project's folder, stamped into its assembly at build time (AppHostProjectDirectory metadata).</summary>
    private static string AppHostProjectDirectory() =>
        Assembly.GetEntryAssembly()?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "AppHostProjectDirectory")?.Value
        ?? Directory.GetCurrentDirectory();
}
