import YardstickLocalization

/// `extends`: lays an extending model's declaration over its base's (already merged) one.
///
/// Top-level settings the extending file gives replace the base's; each `dimension` and `kpi`
/// it declares is merged by id into the same place of the tree (fields given replace, children
/// merge recursively, new nodes are appended in the order written); `drop = true` removes the
/// base's node. A node the extending file touches takes its location, so validation after the
/// merge points at the file that last declared it.
enum ModelMerge {
    /// The merged declaration; problems (a drop or a kind change that cannot apply) are added
    /// to `problems`.
    static func merge(
        base: ModelDeclaration, overlay: ModelDeclaration, problems: inout [ScorecardProblem]
    ) -> ModelDeclaration {
        var merged = base
        merged.file = overlay.file
        merged.line = overlay.line
        merged.id = overlay.id
        merged.extends = overlay.extends
        merged.title = overlay.title ?? (overlay.titleZH == nil ? base.title : nil)
        merged.titleZH = overlay.titleZH ?? (overlay.title == nil ? base.titleZH : nil)
        merged.version = overlay.version ?? base.version
        merged.per = overlay.per ?? base.per
        merged.filter = overlay.filter ?? base.filter
        merged.peers = overlay.peers ?? base.peers
        merged.weightRule = overlay.weightRule ?? base.weightRule
        merged.cap = overlay.cap ?? base.cap
        merged.missing = overlay.missing ?? base.missing
        merged.grades = overlay.grades ?? base.grades
        merged.distribution = overlay.distribution ?? base.distribution
        merged.rollups = overlay.rollups ?? base.rollups
        merged.alerts = overlay.alerts ?? base.alerts
        merged.children = merge(base.children, overlay.children, problems: &problems)
        return merged
    }

    /// Merges sibling lists by id.
    static func merge(
        _ base: [NodeDeclaration], _ overlay: [NodeDeclaration], problems: inout [ScorecardProblem]
    ) -> [NodeDeclaration] {
        var result = base
        for node in overlay {
            guard let index = result.firstIndex(where: { $0.id == node.id }) else {
                if node.drop {
                    problems.append(
                        ScorecardProblem(
                            file: node.location.file, line: node.location.line,
                            message: tr("%@: drop = true, but the base model has no such node here", node.label)))
                } else {
                    result.append(node)
                }
                continue
            }
            if node.drop {
                result.remove(at: index)
                continue
            }
            let old = result[index]
            guard old.kind == node.kind else {
                problems.append(
                    ScorecardProblem(
                        file: node.location.file, line: node.location.line,
                        message:
                            tr(
                                "%@ replaces a %@ of the base model (%@); drop it first to change its kind", node.label,
                                old.kind.rawValue, old.location)
                    ))
                continue
            }
            result[index] = merge(old, node, problems: &problems)
        }
        return result
    }

    /// One node given again: its given fields replace, its children merge.
    static func merge(
        _ base: NodeDeclaration, _ overlay: NodeDeclaration, problems: inout [ScorecardProblem]
    ) -> NodeDeclaration {
        var merged = base
        merged.location = overlay.location
        merged.weight = overlay.weight ?? base.weight
        if overlay.title != nil || overlay.titleZH != nil {
            (merged.title, merged.titleZH) = (overlay.title, overlay.titleZH)
        }
        merged.target = overlay.target ?? base.target
        merged.score = overlay.score ?? base.score
        merged.cap = overlay.cap ?? base.cap
        merged.missing = overlay.missing ?? base.missing
        merged.better = overlay.better ?? base.better
        merged.pipeline = overlay.pipeline ?? base.pipeline
        merged.rollupTarget = overlay.rollupTarget ?? base.rollupTarget
        merged.overrides = overlay.overrides ?? base.overrides
        merged.children = merge(base.children, overlay.children, problems: &problems)
        return merged
    }
}
