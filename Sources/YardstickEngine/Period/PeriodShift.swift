/// How far a scope looks back from the period in focus: a number of periods of the same kind
/// back (`s.previous`), then a number of years back (`s.same_period_last_year`).
///
/// The prelude numbers its scopes by shift in one integer, its "slot" (`previous` adds 1,
/// `same_period_last_year` adds 100); ``init(slot:)`` reads that number where it enters the
/// host, and nothing past the boundary does arithmetic on it.
struct PeriodShift: Sendable, Hashable {
    /// Periods of the same kind back (``Period/previous`` applied this many times).
    let periodsBack: Int
    /// Years back (``Period/samePeriodLastYear`` applied this many times, after
    /// ``periodsBack``).
    let yearsBack: Int

    /// The period in focus itself.
    static let none = PeriodShift(periodsBack: 0, yearsBack: 0)

    /// A shift of `periodsBack` periods, then `yearsBack` years (negative counts count as 0).
    init(periodsBack: Int, yearsBack: Int) {
        self.periodsBack = max(0, periodsBack)
        self.yearsBack = max(0, yearsBack)
    }

    /// The shift a prelude scope slot encodes: `slot % 100` periods back, then `slot / 100`
    /// years back (a negative slot counts as no shift).
    init(slot: Int) {
        let slot = max(0, slot)
        self.init(periodsBack: slot % 100, yearsBack: slot / 100)
    }

    /// The period `period` shifted.
    func applied(to period: Period) -> Period {
        var shifted = period
        for _ in 0..<periodsBack { shifted = shifted.previous }
        for _ in 0..<yearsBack { shifted = shifted.samePeriodLastYear }
        return shifted
    }
}
