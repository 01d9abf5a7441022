extension Grain {
    /// Whether this grain is finer than another on the user → team → department → company line.
    func isFiner(than other: Grain) -> Bool {
        guard let mine = Grain.people.firstIndex(of: self), let theirs = Grain.people.firstIndex(of: other) else {
            return false
        }
        return mine < theirs
    }

    /// Whether an indicator declared `per` this grain is evaluated for subjects of `subject`:
    /// the grains of today's API (people, accounts, campaigns) see each other's indicators as
    /// before; an entity grain (product, queue, a workspace's own) only its own indicators,
    /// since other records do not reference its rows.
    func evaluates(indicatorPer per: Grain) -> Bool {
        if self == per { return true }
        let classic: [Grain] = Grain.people + [.account]
        return classic.contains(self) && classic.contains(per)
    }

    /// Whether a subject of this grain has a figure of an indicator declared `per`: the indicator
    /// is evaluated for it (``evaluates(indicatorPer:)``) and this grain is not finer than `per`
    /// (a company's incidents are no user's). Otherwise the figure is missing, "defined per …".
    func hasFigure(ofIndicatorPer per: Grain) -> Bool {
        evaluates(indicatorPer: per) && (self == per || !isFiner(than: per))
    }
}
