using Flights;

namespace Skewless.Benchmarks;

/// <summary>
/// Hand-made copies of what FeatureSetEmitter generates for <see cref="FlightFeatures"/>, each with one proposed change to
/// the emitter, so a change can be measured before anyone edits the generator. <see cref="Kernel"/> is the generated
/// kernel verbatim; <see cref="Vector.CopyToAsEmitted"/> is the generated <c>CopyTo</c> verbatim.
/// </summary>
public static class EmitterVariants
{
    public static Vector Kernel(in Flight row)
    {
        return new Vector(
            FlightFeatures.Hour(row),
            FlightFeatures.Day(row),
            FlightFeatures.Weekend(row),
            FlightFeatures.RedEye(row),
            FlightFeatures.LogDistance(row));
    }

    /// <summary>Proposed: a single-row overload that writes floats as each feature is computed, without a typed vector in between.</summary>
    public static void KernelInto(in Flight row, Span<float> destination)
    {
        if (destination.Length < Vector.Width)
        {
            ThrowDestinationTooShort(destination.Length);
        }

        destination[0] = FlightFeatures.Hour(row);
        var day = FlightFeatures.Day(row);
        destination.Slice(1, 7).Clear();
        if ((uint)day < 7u)
        {
            destination[1 + (int)day] = 1f;
        }

        destination[8] = FlightFeatures.Weekend(row) ? 1 : 0;
        destination[9] = FlightFeatures.RedEye(row) ? 1 : 0;
        destination[10] = FlightFeatures.LogDistance(row);
    }

    /// <summary>
    /// Control, not a proposal: the hand-written features reordered the way the generated code runs, every feature into a
    /// local first (the typed vector), then all the writes. What this loses against <see cref="HandWrittenFlightFeatures.Write"/>
    /// is the cost of that shape, which no detail of the emitted CopyTo can remove.
    /// </summary>
    public static void HandWrittenComputeThenWrite(Flight flight, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Vector.Width, nameof(destination));
        var departure = flight.Departure;
        var hourOfDay = departure.Hour;
        var hour = hourOfDay + departure.Minute / 60f;
        var day = departure.DayOfWeek;
        var weekend = day is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var redEye = hourOfDay < 5 || hourOfDay >= 22;
        var logDistance = MathF.Log(1 + flight.DistanceMiles);

        destination[0] = hour;
        destination.Slice(1, 7).Clear();
        destination[1 + (int)day] = 1f;
        destination[8] = weekend ? 1f : 0f;
        destination[9] = redEye ? 1f : 0f;
        destination[10] = logDistance;
    }

    private static void ThrowDestinationTooShort(int length)
    {
        throw new ArgumentException("The destination has " + length + " slots; a vector needs " + Vector.Width + ".", "destination");
    }

    public readonly struct Vector
    {
        public const int Width = 11;

        public readonly float Hour;
        public readonly DayOfWeek Day;
        public readonly bool Weekend;
        public readonly bool RedEye;
        public readonly float LogDistance;

        internal Vector(float Hour, DayOfWeek Day, bool Weekend, bool RedEye, float LogDistance)
        {
            this.Hour = Hour;
            this.Day = Day;
            this.Weekend = Weekend;
            this.RedEye = RedEye;
            this.LogDistance = LogDistance;
        }

        /// <summary>The generated CopyTo, verbatim.</summary>
        public void CopyToAsEmitted(Span<float> destination)
        {
            if (destination.Length < Width)
            {
                throw new ArgumentException("The destination has " + destination.Length + " slots; a vector needs " + Width + ".", nameof(destination));
            }
            destination[0] = Hour;
            destination.Slice(1, 7).Clear();
            switch (Day)
            {
                case DayOfWeek.Sunday: destination[1] = 1f; break;
                case DayOfWeek.Monday: destination[2] = 1f; break;
                case DayOfWeek.Tuesday: destination[3] = 1f; break;
                case DayOfWeek.Wednesday: destination[4] = 1f; break;
                case DayOfWeek.Thursday: destination[5] = 1f; break;
                case DayOfWeek.Friday: destination[6] = 1f; break;
                case DayOfWeek.Saturday: destination[7] = 1f; break;
            }
            destination[8] = Weekend ? 1f : 0f;
            destination[9] = RedEye ? 1f : 0f;
            destination[10] = LogDistance;
        }

        /// <summary>Proposed: an enum whose declared values are contiguous is one-hot encoded by one indexed store, not a switch.</summary>
        public void CopyToIndexedOneHot(Span<float> destination)
        {
            if (destination.Length < Width)
            {
                throw new ArgumentException("The destination has " + destination.Length + " slots; a vector needs " + Width + ".", nameof(destination));
            }
            destination[0] = Hour;
            destination.Slice(1, 7).Clear();
            // Sunday..Saturday are 0..6: undeclared values still leave every slot 0, as the switch does.
            if ((uint)Day < 7u)
            {
                destination[1 + (int)Day] = 1f;
            }
            destination[8] = Weekend ? 1f : 0f;
            destination[9] = RedEye ? 1f : 0f;
            destination[10] = LogDistance;
        }

        /// <summary>Proposed: bools written as <c>b ? 1 : 0</c> (an int the JIT turns into a zero-extend, then converts) instead of <c>b ? 1f : 0f</c> (a branch).</summary>
        public void CopyToBranchlessBools(Span<float> destination)
        {
            if (destination.Length < Width)
            {
                throw new ArgumentException("The destination has " + destination.Length + " slots; a vector needs " + Width + ".", nameof(destination));
            }
            destination[0] = Hour;
            destination.Slice(1, 7).Clear();
            switch (Day)
            {
                case DayOfWeek.Sunday: destination[1] = 1f; break;
                case DayOfWeek.Monday: destination[2] = 1f; break;
                case DayOfWeek.Tuesday: destination[3] = 1f; break;
                case DayOfWeek.Wednesday: destination[4] = 1f; break;
                case DayOfWeek.Thursday: destination[5] = 1f; break;
                case DayOfWeek.Friday: destination[6] = 1f; break;
                case DayOfWeek.Saturday: destination[7] = 1f; break;
            }
            destination[8] = Weekend ? 1 : 0;
            destination[9] = RedEye ? 1 : 0;
            destination[10] = LogDistance;
        }

        /// <summary>Proposed: both changes together.</summary>
        public void CopyToBoth(Span<float> destination)
        {
            if (destination.Length < Width)
            {
                throw new ArgumentException("The destination has " + destination.Length + " slots; a vector needs " + Width + ".", nameof(destination));
            }
            destination[0] = Hour;
            destination.Slice(1, 7).Clear();
            if ((uint)Day < 7u)
            {
                destination[1 + (int)Day] = 1f;
            }
            destination[8] = Weekend ? 1 : 0;
            destination[9] = RedEye ? 1 : 0;
            destination[10] = LogDistance;
        }
    }
}
