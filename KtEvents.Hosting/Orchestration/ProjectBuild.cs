using System.Xml.Linq;
using KtEvents.Hosting.Processes;

namespace KtEvents.Hosting.Orchestration;

/// <summary>
/// Builds every project of the system in one <c>dotnet build</c> of a generated solution (so shared
/// building blocks compile once, in parallel where they can), then runs each project from its output.
/// </summary>
internal static class ProjectBuild
{
    public static async Task<IReadOnlyDictionary<string, string>> RunAsync(
        IReadOnlyList<string> projects, string configuration, string buildDirectory, Action<string, bool> output, CancellationToken cancellationToken)
    {
        if (projects.Count == 0)
        {
            return new Dictionary<string, string>();
        }
        Directory.CreateDirectory(buildDirectory);
        var solution = Path.Combine(buildDirectory, "apphost.slnx");
        new XDocument(new XElement("Solution",
            projects.Select(p => new XElement("Project", new XAttribute("Path", Path.GetRelativePath(buildDirectory, p))))))
            .Save(solution);

        var (exitCode, recentOutput) = await ServerProcess.RunToEndAsync(new ServerStartInfo(
            Binaries.Require("dotnet", "dotnet-sdk-10.0"),
            ["build", solution, "-c", configuration, "-nologo", "-v:q", "-clp:NoSummary"],
            buildDirectory)
        {
            OnOutput = output,
            // The build's own node processes must not outlive an AppHost stopped mid-build.
            Environment = new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
        }, cancellationToken);
        if (exitCode != 0)
        {
            throw new ResourceStartException($"dotnet build failed (exit code {exitCode}):\n{recentOutput}");
        }

        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            var name = Path.GetFileNameWithoutExtension(project);
            var assembly = Directory.EnumerateFiles(Path.Combine(Path.GetDirectoryName(project)!, "bin", configuration), name + ".dll", SearchOption.AllDirectories)
                .Where(path => File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")))
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault()
                ?? throw new ResourceStartException($"The build did not produce {name}.dll under bin/{configuration}.");
            outputs[project] = assembly;
        }
        return outputs;
    }
}
