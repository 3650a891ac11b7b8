using DigitalTwin.Evaluation.WhatIf;
using DigitalTwin.Models.Optimisation;

namespace DigitalTwin.Evaluation.Cooling;

/// <summary>The cooling optimiser's answer for one room of a recording.</summary>
/// <param name="Layout">The room.</param>
/// <param name="Recommendation">What the optimiser recommends for it.</param>
/// <param name="Calibration">What the room's model rests on, in words.</param>
public sealed record RoomRecommendation(RoomLayout Layout, CoolingRecommendation Recommendation, string Calibration);
