using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace KtEvents.Distribution.Worker;

/// <summary>
/// Renders an SVG to PNG with <c>rsvg-convert</c> (librsvg, with the machine's Noto CJK fonts), because
/// SNS platforms take raster images, not SVG. Where the tool is missing or fails, the caller sends the
/// SVG instead, and the log says so: a post with the source image beats no post.
/// </summary>
public sealed partial class SvgRasterizer(ILogger<SvgRasterizer> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public async Task<byte[]?> TryRenderPngAsync(string svg, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("rsvg-convert", ["--format", "png"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("rsvg-convert did not start.");
        }
        catch (Win32Exception exception)
        {
            LogUnavailable(exception);
            return null;
        }

        using (process)
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(Timeout);
            try
            {
                // Read while writing: a large image would otherwise fill the pipe and stall both sides.
                var png = new MemoryStream();
                var reading = process.StandardOutput.BaseStream.CopyToAsync(png, timeout.Token);
                var errors = process.StandardError.ReadToEndAsync(timeout.Token);
                await process.StandardInput.BaseStream.WriteAsync(Encoding.UTF8.GetBytes(svg), timeout.Token);
                process.StandardInput.Close();
                await reading;
                await process.WaitForExitAsync(timeout.Token);
                if (process.ExitCode == 0 && png.Length > 0)
                {
                    return png.ToArray();
                }

                LogFailed(process.ExitCode, await errors);
                return null;
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException && !cancellationToken.IsCancellationRequested)
            {
                LogFailed(-1, exception.Message);
                return null;
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "rsvg-convert is not available; SNS channels get the SVG itself.")]
    private partial void LogUnavailable(Exception exception);

    [LoggerMessage(LogLevel.Warning, "rsvg-convert failed (exit code {ExitCode}): {Error}; sending the SVG itself.")]
    private partial void LogFailed(int exitCode, string error);
}
