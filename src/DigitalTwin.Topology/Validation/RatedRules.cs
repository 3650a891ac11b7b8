using System.Globalization;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Topology;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Topology.Reading;

namespace DigitalTwin.Topology.Validation;

/// <summary>Rated (nameplate) properties: finite, not negative, whole rack units, and the capacities each kind needs.</summary>
internal static class RatedRules
{
    private static readonly Dictionary<TwinKind, (string Property, string Meaning)> Required = new()
    {
        [TwinKind.Rack] = (RatedProperties.PowerBudget, "its power budget in W"),
        [TwinKind.Crac] = (RatedProperties.CoolingCapacity, "its cooling capacity in W"),
        [TwinKind.Pdu] = (RatedProperties.Capacity, "its capacity in W"),
        [TwinKind.Ups] = (RatedProperties.Capacity, "its capacity in W"),
    };

    private static readonly HashSet<string> RackUnits = new(StringComparer.Ordinal)
    {
        RatedProperties.HeightUnits, RatedProperties.PositionUnit, RatedProperties.SizeUnits,
    };

    /// <summary>Whether <paramref name="value"/> is a usable rack-unit count or position: a whole number from 1.</summary>
    public static bool IsWholeUnit(double value) => value >= 1 && value <= 10_000 && value == Math.Floor(value);

    /// <summary>Checks the rated properties of <paramref name="spec"/>.</summary>
    public static void Check(TwinSpec spec, ReadGaps gaps, List<TopologyError> errors)
    {
        var required = Required.TryGetValue(spec.Kind, out var need) ? need.Property : null;
        foreach (var (property, value) in spec.Rated ?? new Dictionary<string, double>())
        {
            var shown = value.ToString("R", CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(property))
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.Invalid, "'rated' has a property with an empty name"));
            }
            else if (!double.IsFinite(value))
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.InvalidCapacity, $"rated.{property} is {shown}; rated values must be finite numbers"));
            }
            else if (value < 0)
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.InvalidCapacity, $"rated.{property} is {shown}; rated values cannot be negative"));
            }
            else if (RackUnits.Contains(property) && !IsWholeUnit(value))
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.InvalidCapacity, $"rated.{property} is {shown}; rack units are whole numbers from 1"));
            }
            else if (property == required && value == 0)
            {
                errors.Add(new(spec.Id, TopologyErrorCodes.InvalidCapacity, $"rated.{property} is 0; {KindNames.WithArticle(spec.Kind)} needs {need.Meaning} above 0"));
            }
        }

        if (required is not null && spec.Rated?.ContainsKey(required) != true && !gaps.UnreadableRated.Contains((spec.Id, required)))
        {
            errors.Add(new(spec.Id, TopologyErrorCodes.MissingCapacity, $"{KindNames.WithArticle(spec.Kind)} needs rated.{required}: {need.Meaning}"));
        }
    }
}
