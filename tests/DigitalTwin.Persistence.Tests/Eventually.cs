namespace DigitalTwin.Persistence.Tests;

/// <summary>Polls until a condition holds or a generous deadline passes; never a fixed sleep as an assertion.</summary>
internal static class Eventually
{
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        T last;
        Exception? lastError = null;
        while (true)
        {
            try
            {
                last = await probe();
                if (condition(last))
                {
                    return last;
                }
            }
            catch (Exception e) when (DateTime.UtcNow < deadline)
            {
                lastError = e;
                last = default!;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Not true within {seconds} s: {what}. Last value: {last}", lastError);
            }

            await Task.Delay(200);
        }
    }
}
