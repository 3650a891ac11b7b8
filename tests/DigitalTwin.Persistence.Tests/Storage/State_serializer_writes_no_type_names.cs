using System.Text;
using DigitalTwin.Persistence.Serialization;
using DigitalTwin.Persistence.Tests.Grains;

namespace DigitalTwin.Persistence.Tests.Storage;

public sealed class State_serializer_writes_no_type_names
{
    private readonly TwinStateJsonSerializer _serializer = new();

    [Fact]
    public void The_payload_is_plain_json_without_clr_names()
    {
        var json = Encoding.UTF8.GetString(_serializer.Serialize(new CounterState { Value = 3, Notes = ["n"] }).ToArray());

        Assert.DoesNotContain("$type", json);
        Assert.DoesNotContain(nameof(CounterState), json);
        Assert.DoesNotContain("DigitalTwin", json);
        Assert.Contains("\"Value\":3", json);
    }

    [Fact]
    public void A_renamed_state_class_reads_rows_written_by_the_old_one()
    {
        var stored = _serializer.Serialize(new CounterState { Value = 3, Ticks = 2, Notes = ["n"], Reading = double.PositiveInfinity });

        var renamed = _serializer.Deserialize<RenamedCounterState>(stored);

        Assert.Equal(3, renamed.Value);
        Assert.Equal(2, renamed.Ticks);
        Assert.Equal(["n"], renamed.Notes);
        Assert.Equal(double.PositiveInfinity, renamed.Reading);
    }

    [Fact]
    public void Properties_added_later_keep_their_defaults_and_removed_ones_are_ignored()
    {
        var stored = _serializer.Serialize(new { Value = 1, Gone = "old" });

        var state = _serializer.Deserialize<RenamedCounterState>(stored);

        Assert.Equal(1, state.Value);
        Assert.Empty(state.Notes);
    }

    [Fact]
    public void Stored_json_null_is_refused_rather_than_read_as_no_state()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => _serializer.Deserialize<RenamedCounterState>(new BinaryData("null"u8.ToArray())));
    }

    public sealed class RenamedCounterState
    {
        public int Value { get; set; }

        public int Ticks { get; set; }

        public List<string> Notes { get; set; } = [];

        public double Reading { get; set; }
    }
}
