import Foundation

/// Turns local wall-clock times into instants (seconds since the epoch, UTC) for one time zone.
///
/// Datetimes without an offset are read in the workspace's time zone. Offsets are looked up
/// through Foundation once per local hour and cached, so a column of millions of values costs
/// a dictionary lookup per value. Not thread-safe: each loader thread owns its own clock.
package final class ZoneClock {
    /// The zone local times are read in.
    package let timeZone: TimeZone
    private let isUTC: Bool
    @exclusivity(unchecked) private var offsetByLocalHour: [Int64: Int64] = [:]
    @exclusivity(unchecked) private var offsetByUTCHour: [Int64: Int64] = [:]

    /// Creates a clock for a zone.
    package init(timeZone: TimeZone) {
        self.timeZone = timeZone
        self.isUTC = timeZone.secondsFromGMT() == 0 && timeZone.nextDaylightSavingTimeTransition == nil
    }

    /// The instant of parsed fields; a parsed offset wins over the zone.
    package func instant(of parsed: TemporalFormat.Parsed) -> Int64 {
        let days = Int64(CivilDate.dayNumber(year: parsed.year, month: parsed.month, day: parsed.day))
        let local =
            days * 86_400 + Int64(parsed.hour * 3600 + parsed.minute * 60 + min(parsed.second, 59))
        if let offset = parsed.offsetSeconds { return local - Int64(offset) }
        return local - offset(forLocal: local)
    }

    /// The zone's offset at an instant, in seconds east of UTC.
    package func utcOffset(atInstant instant: Int64) -> Int64 {
        if isUTC { return 0 }
        let hour = instant >= 0 ? instant / 3600 : (instant - 3599) / 3600
        if let cached = offsetByUTCHour[hour] { return cached }
        let offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant))))
        offsetByUTCHour[hour] = offset
        return offset
    }

    /// The zone's offset at a local time, in seconds east of UTC.
    package func offset(forLocal local: Int64) -> Int64 {
        if isUTC { return 0 }
        let hour = local >= 0 ? local / 3600 : (local - 3599) / 3600
        if let cached = offsetByLocalHour[hour] { return cached }
        // First guess with the offset at the naive instant, then correct once across a change.
        let guess = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local))))
        let corrected = Int64(
            timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local - guess))))
        offsetByLocalHour[hour] = corrected
        return corrected
    }
}

extension ZoneClock {
    /// The local calendar day (day number) of an instant.
    package func localDay(ofInstant instant: Int64) -> Int32 {
        let local = instant + utcOffset(atInstant: instant)
        return Int32(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }
}
