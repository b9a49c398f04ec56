using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KtEvents.ServiceDefaults.Errors;

/// <summary>RFC 9457 ProblemDetails for every error response.</summary>
public static class ProblemDetailsExtensions
{
    /// <summary>
    /// Registers ProblemDetails with the project's <c>code</c>/<c>detail</c> convention, the exception
    /// handler and status code pages. A request the framework cannot read (malformed JSON, a body of the
    /// wrong type) is the client's error: it answers 400, never 500.
    /// </summary>
    public static IServiceCollection AddDefaultProblemDetails(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsConventions.Apply);
        services.AddExceptionHandler(options => options.StatusCodeSelector = exception =>
            exception is BadHttpRequestException badRequest ? badRequest.StatusCode : StatusCodes.Status500InternalServerError);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, ProblemDetailsStartupFilter>());
        return services;
    }
}
