namespace DigitalTwin.Models.Optimisation;

/// <summary>
/// How the cooling loop answers the loss of one CRAC, as the optimiser's N+1 check counts on it: the loop notices the
/// stopped unit and rolls the recommendation back, sending the room's other units to full cooling (lowest setpoint,
/// full fan). N+1 is judged over time: from the loss, through the response, until the room has settled again.
/// </summary>
/// <param name="DetectionS">Seconds from a unit stopping until the others are told to go to full cooling: the
/// telemetry interval that shows the unit stopped, the loop's check and the commands' way to the devices. Until then
/// the others keep the recommended settings.</param>
/// <param name="FanRampPctPerS">How fast a unit's fan speeds up once told, % of full per second (EC fans ramp over tens
/// of seconds to protect their bearings and the floor's pressure); a setpoint step is followed by the coil itself.</param>
/// <param name="HorizonS">How long after the loss the room is followed, s: long enough for the response to turn the
/// racks' inlets back.</param>
/// <param name="StepS">Resolution of that transient, s (the model sub-steps as its time constants need).</param>
/// <param name="TimeToLimitToleranceS">For a loss the room does not survive even at the present settings: how much
/// sooner than today a rack may reach its critical limit at the recommended settings, s.</param>
public sealed record FailureResponse(
    double DetectionS = 60,
    double FanRampPctPerS = 2,
    double HorizonS = 300,
    double StepS = 5,
    double TimeToLimitToleranceS = 10);
