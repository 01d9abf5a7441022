extension Grain {
    /// Whether this grain is finer than another on the user → team → department → company line.
    func isFiner(than other: Grain) -> Bool {
        let order: [Grain] = [.user, .team, .department, .company]
        guard let mine = order.firstIndex(of: self), let theirs = order.firstIndex(of: other) else { return false }
        return mine < theirs
    }
}
