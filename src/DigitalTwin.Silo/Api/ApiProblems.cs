namespace DigitalTwin.Silo.Api;

/// <summary>The API's error answers: always a reason a person can act on.</summary>
internal static class ApiProblems
{
    public static IResult UnknownTwin(string twinId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "unknown_twin", detail: $"No twin has the id '{twinId}'.");

    public static IResult BadRequest(string code, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: code, detail: detail);
}
