import Foundation
import LuaRuntime
import YardstickData
import YardstickEngine
import YardstickLocalization
import YardstickScoring

/// Reads what a model file returned (the tagged tables of the DSL, see `model.lua`) into a
/// ``ModelDeclaration``, collecting every problem with its file and line instead of stopping at
/// the first.
///
/// Runs on the model VM's thread: Lua functions of the file (targets, custom scoring) are kept
/// in the VM there and wrapped as ``LuaTargetFunction`` and ``LuaScoringFunction``.
struct ModelFileReader {
    /// The file read, relative to the workspace.
    let file: String
    /// The VM the functions stay in.
    let vm: ModelVM
    /// Its state (this is its thread).
    let state: ModelVMState
    /// Every problem found, in the order found.
    private(set) var problems: [ScorecardProblem] = []
    /// The line of `scorecard` found in the source, for a model returned by a tail call.
    let scorecardLine: Int?

    /// The keys a `scorecard { … }` takes (its list items are its dimensions and kpis).
    static let scorecardKeys = [
        "id", "title", "version", "extends", "per", "where", "peers", "weights", "cap", "missing", "grades",
        "distribution", "rollups", "alerts",
    ]
    /// The keys a `dimension "id" { … }` takes (its list items are its children).
    static let dimensionKeys = ["title", "weight", "drop"]
    /// The keys a `kpi "id" { … }` takes.
    static let kpiKeys = [
        "weight", "target", "score", "cap", "missing", "better", "pipeline", "overrides", "rollup_target", "drop",
    ]

    init(file: String, source: String, vm: ModelVM, state: ModelVMState) {
        self.file = file
        self.vm = vm
        self.state = state
        self.scorecardLine = Self.line(of: "scorecard", in: source)
    }

    /// The first line (from 1) where `word` is called, outside comments: `scorecard {` or
    /// `scorecard(`.
    static func line(of word: String, in source: String) -> Int? {
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = line.range(of: "--").map { line[..<$0.lowerBound] } ?? line[...]
            guard let found = code.range(of: word) else { continue }
            let before = code[..<found.lowerBound].last
            let after = code[found.upperBound...].drop { $0 == " " || $0 == "\t" }.first
            if before.map({ !($0.isLetter || $0.isNumber || $0 == "_") }) ?? true, after == "{" || after == "(" {
                return index + 1
            }
        }
        return nil
    }

    // MARK: - The scorecard

    /// Reads the file's returned value.
    ///
    /// - Returns: The declaration, or nil when the value is no `scorecard { … }` at all.
    mutating func read(_ value: LuaValue) -> ModelDeclaration? {
        guard case .table(let node) = value, node["__model"].stringValue == "scorecard" else {
            let got = value == .nil ? tr("nothing") : tr("a %@", value.typeName)
            report(nil, tr("the file must return scorecard { … }, not %@", got))
            return nil
        }
        let line = node["line"].integerValue.map(Int.init) ?? scorecardLine
        guard case .table(let body) = node["body"] else {
            report(line, tr("scorecard takes a table: scorecard { id = \"…\", … }"))
            return nil
        }
        var model = ModelDeclaration(file: file, line: line)
        let owner = "scorecard"
        checkKeys(body, Self.scorecardKeys, owner: owner, line: line, allowsList: true)
        switch body["id"] {
        case .string(let id) where Self.isName(id): model.id = id
        case .nil: report(line, tr("scorecard: id is required (id = \"sales\")"))
        default: report(line, tr("scorecard: id must be a name like \"maven-sales\", not %@", Self.shown(body["id"])))
        }
        readTitle(body["title"], into: &model, line: line)
        switch body["version"] {
        case .nil: break
        case .string(let text): model.version = text
        case .integer, .number: model.version = Self.text(body["version"])
        default: report(line, tr("scorecard: version must be a string, not %@", Self.shown(body["version"])))
        }
        model.extends = string(body["extends"], owner: owner, key: "extends", line: line)
        model.per = grain(body["per"], owner: owner, line: line)
        model.filter = filter(body["where"], owner: owner, key: "where", line: line)
        model.peers = choice(
            body["peers"], owner: owner, key: "peers", line: line, PeerGrouping.allCases.map { ($0.rawValue, $0) })
        model.weightRule = choice(
            body["weights"], owner: owner, key: "weights", line: line,
            [("sum100", .mustSumTo100), ("normalised", .normalised), ("normalized", .normalised)])
        model.cap = number(body["cap"], owner: owner, key: "cap", line: line)
        model.missing = policy(body["missing"], owner: owner, line: line)
        model.grades = grades(body["grades"], line: line)
        model.distribution = distribution(body["distribution"], line: line)
        model.rollups = rollups(body["rollups"], line: line)
        if body["alerts"] != .nil { model.alerts = .some(alerts(body["alerts"], line: line)) }
        model.children = nodes(body.array, owner: owner, line: line)
        return model
    }

    private mutating func readTitle(_ value: LuaValue, into model: inout ModelDeclaration, line: Int?) {
        (model.title, model.titleZH) = titles(value, owner: "scorecard", line: line)
    }

    /// A `title`: a string, or `{ en = "…", zh = "…" }` (English, Chinese).
    private mutating func titles(_ value: LuaValue, owner: String, line: Int?) -> (String?, String?) {
        switch value {
        case .nil: return (nil, nil)
        case .string(let title): return (title, nil)
        case .table(let titles):
            checkKeys(titles, ["en", "zh"], owner: "\(owner): title", line: line, allowsList: false)
            return (
                string(titles["en"], owner: "\(owner): title", key: "en", line: line),
                string(titles["zh"], owner: "\(owner): title", key: "zh", line: line)
            )
        default:
            report(
                line, tr("%@: title must be a string or { en = \"…\", zh = \"…\" }, not %@", owner, Self.shown(value)))
            return (nil, nil)
        }
    }

    // MARK: - Dimensions and kpis

    /// Reads the list items of a scorecard or dimension as nodes.
    private mutating func nodes(_ items: [LuaValue], owner: String, line: Int?) -> [NodeDeclaration] {
        var found: [NodeDeclaration] = []
        for (index, item) in items.enumerated() {
            guard case .table(let table) = item,
                let kind = table["__model"].stringValue.flatMap(NodeDeclaration.Kind.init)
            else {
                let hint =
                    item.functionValue != nil ? tr(" (a dimension or kpi without its { … }?)") : ""
                report(
                    line, tr("%@: item %@ is %@, not a dimension or kpi%@", owner, index + 1, Self.shown(item), hint))
                continue
            }
            guard let node = node(table, kind: kind) else { continue }
            if let first = found.first(where: { $0.id == node.id }) {
                report(
                    node.location.line,
                    tr("%@ is declared twice in %@ (first at %@)", node.label, owner, first.location))
                continue
            }
            found.append(node)
        }
        return found
    }

    private mutating func node(_ table: LuaTable, kind: NodeDeclaration.Kind) -> NodeDeclaration? {
        let before = problems.count
        guard var node = unflawedNode(table, kind: kind) else { return nil }
        node.isFlawed = problems.count > before
        return node
    }

    private mutating func unflawedNode(_ table: LuaTable, kind: NodeDeclaration.Kind) -> NodeDeclaration? {
        let line = table["line"].integerValue.map(Int.init)
        guard table["no_id"] == .nil else {
            report(line, tr("%@ needs an id: %@ \"id\" { … }", kind.rawValue, kind.rawValue))
            return nil
        }
        guard case .string(let id) = table["id"], Self.isName(id) else {
            report(
                line, tr("%@: the id must be a name like \"win_rate\", not %@", kind.rawValue, Self.shown(table["id"])))
            return nil
        }
        var node = NodeDeclaration(kind: kind, id: id, location: ModelLocation(file: file, line: line))
        guard case .table(let body) = table["body"] else {
            report(
                line,
                tr("%@ takes a table: %@ { weight = … }, not %@", node.label, node.label, Self.shown(table["body"])))
            return nil
        }
        let owner = node.label
        checkKeys(
            body, kind == .kpi ? Self.kpiKeys : Self.dimensionKeys, owner: owner, line: line,
            allowsList: kind == .dimension)
        switch body["drop"] {
        case .nil, .boolean(false): break
        case .boolean(true): node.drop = true
        default: report(line, tr("%@: drop must be true or false, not %@", owner, Self.shown(body["drop"])))
        }
        node.weight = number(body["weight"], owner: owner, key: "weight", line: line)
        switch kind {
        case .dimension:
            (node.title, node.titleZH) = titles(body["title"], owner: owner, line: line)
            node.children = nodes(body.array, owner: owner, line: line)
        case .kpi:
            if body["target"] != .nil { node.target = target(body["target"], owner: owner, indicator: id, line: line) }
            if body["score"] != .nil { node.score = scoring(body["score"], owner: owner, line: line) }
            node.cap = number(body["cap"], owner: owner, key: "cap", line: line)
            node.missing = policy(body["missing"], owner: owner, line: line)
            node.better = choice(
                body["better"], owner: owner, key: "better", line: line, Direction.allCases.map { ($0.rawValue, $0) })
            node.pipeline = string(body["pipeline"], owner: owner, key: "pipeline", line: line)
            node.rollupTarget = choice(
                body["rollup_target"], owner: owner, key: "rollup_target", line: line,
                ConstantRollup.allCases.map { ($0.rawValue, $0) })
            node.overrides = overrides(body["overrides"], owner: owner, indicator: id, line: line)
        }
        return node
    }

    // MARK: - Targets and scoring functions

    private mutating func target(_ value: LuaValue, owner: String, indicator: String, line: Int?) -> TargetRule? {
        switch value {
        case .integer, .number:
            return value.numberValue.map(TargetRule.constant)
        case .function(let function):
            let kept = state.keep(function)
            let location = ModelLocation(file: file, line: kept.line ?? line)
            return .function(LuaTargetFunction(vm: vm, handle: kept.handle, location: location))
        case .table(let table) where table["__model"].stringValue == "uncalled" && table["name"] == "quota":
            report(line, tr("%@: target = quota needs its metric: quota \"revenue\"", owner))
            return nil
        case .table(let table) where table["__model"].stringValue == "quota":
            return quota(table["arguments"], owner: owner, line: table["line"].integerValue.map(Int.init) ?? line)
        default:
            report(
                line,
                tr("%@: target must be a number, quota \"metric\" or a function(t), not %@", owner, Self.shown(value)))
            return nil
        }
    }

    private mutating func quota(_ arguments: LuaValue, owner: String, line: Int?) -> TargetRule? {
        switch arguments {
        case .string(let metric) where !metric.isEmpty:
            return .quota(metric: metric, tier: .target)
        case .table(let table):
            checkKeys(table, ["tier"], owner: "\(owner): quota", line: line, allowsList: true)
            guard case .string(let metric) = table[1], !metric.isEmpty, table.array.count == 1 else {
                report(line, tr("%@: quota { \"metric\", tier = \"stretch\" } names one metric first", owner))
                return nil
            }
            let tiers = QuotaTier.allCases.map { ($0.rawValue, $0) }
            let tier = choice(table["tier"], owner: "\(owner): quota", key: "tier", line: line, tiers) ?? .target
            return .quota(metric: metric, tier: tier)
        default:
            report(line, tr("%@: quota takes a metric: quota \"revenue\", not %@", owner, Self.shown(arguments)))
            return nil
        }
    }

    /// The scoring-function names a model file may also give as strings (`score = "rank"`).
    static let plainFunctions: [(String, ScoringFunction)] = [
        ("proportional", .proportional), ("pass_fail", .passFail), ("rank", .rank), ("percentile", .percentile),
        ("relative_to_mean", .relativeToMean), ("relative_to_best", .relativeToBest),
    ]

    private mutating func scoring(_ value: LuaValue, owner: String, line: Int?) -> ScoringFunction? {
        let known = (Self.plainFunctions.map(\.0) + ["linear", "steps", "threshold"]).joined(separator: ", ")
        switch value {
        case .function(let function):
            let kept = state.keep(function)
            let location = ModelLocation(file: file, line: kept.line ?? line)
            return .custom(LuaScoringFunction(vm: vm, handle: kept.handle, location: location))
        case .string(let name):
            if let plain = Self.plainFunctions.first(where: { $0.0 == name }) { return plain.1 }
            report(line, tr("%@: unknown scoring function \"%@\" (functions: %@)", owner, name, known))
            return nil
        case .table(let table) where table["__model"].stringValue == "uncalled":
            let name = table["name"].stringValue ?? ""
            report(line, tr("%@: score = %@ needs its parameters: %@ { … }", owner, name, name))
            return nil
        case .table(let table) where table["__model"].stringValue == "score":
            let name = table["name"].stringValue ?? ""
            if let plain = Self.plainFunctions.first(where: { $0.0 == name }) { return plain.1 }
            let at = table["line"].integerValue.map(Int.init) ?? line
            guard case .table(let arguments) = table["arguments"] else {
                report(
                    at, tr("%@: %@ takes a table: %@ { … }, not %@", owner, name, name, Self.shown(table["arguments"])))
                return nil
            }
            let context = "\(owner): \(name)"
            switch name {
            case "linear":
                checkKeys(arguments, ["zero", "full"], owner: context, line: at, allowsList: false)
                let zero = number(arguments["zero"], owner: context, key: "zero", line: at) ?? 0
                let full = number(arguments["full"], owner: context, key: "full", line: at) ?? 1
                return .linear(zero: zero, full: full)
            case "threshold":
                checkKeys(arguments, ["at", "pass", "fail"], owner: context, line: at, allowsList: false)
                return .threshold(
                    at: number(arguments["at"], owner: context, key: "at", line: at) ?? 1,
                    pass: number(arguments["pass"], owner: context, key: "pass", line: at) ?? 100,
                    fail: number(arguments["fail"], owner: context, key: "fail", line: at) ?? 0)
            case "steps":
                return steps(arguments, owner: context, line: at)
            default:
                report(at, tr("%@: unknown scoring function \"%@\" (functions: %@)", owner, name, known))
                return nil
            }
        default:
            report(
                line,
                tr(
                    "%@: score must be a scoring function (%@) or a function(peers, direction, cap), not %@", owner,
                    known, Self.shown(value))
            )
            return nil
        }
    }

    private mutating func steps(_ arguments: LuaTable, owner: String, line: Int?) -> ScoringFunction? {
        checkKeys(arguments, ["basis"], owner: owner, line: line, allowsList: true)
        let basis =
            choice(
                arguments["basis"], owner: owner, key: "basis", line: line, StepBasis.allCases.map { ($0.rawValue, $0) }
            )
            ?? .completion
        var steps: [ScoreStep] = []
        for (index, item) in arguments.array.enumerated() {
            guard case .table(let pair) = item, pair.hash.isEmpty, pair.array.count == 2,
                let threshold = pair.array[0].numberValue, let score = pair.array[1].numberValue
            else {
                report(line, tr("%@: step %@ must be { threshold, score }, like { 0.8, 60 }", owner, index + 1))
                continue
            }
            steps.append(ScoreStep(threshold: threshold, score: score))
        }
        return .steps(steps, basis: basis)
    }

    private mutating func overrides(_ value: LuaValue, owner: String, indicator: String, line: Int?)
        -> [TargetOverride]?
    {
        guard value != .nil else { return nil }
        guard case .table(let list) = value, list.hash.isEmpty else {
            report(line, tr("%@: overrides must be a list of { where = { … }, target = … }", owner))
            return nil
        }
        var found: [TargetOverride] = []
        for (index, item) in list.array.enumerated() {
            let context = "\(owner): override \(index + 1)"
            guard case .table(let entry) = item else {
                report(line, tr("%@ must be a table { where = { … }, target = … }, not %@", context, Self.shown(item)))
                continue
            }
            checkKeys(entry, ["where", "target"], owner: context, line: line, allowsList: false)
            let filter = filter(entry["where"], owner: context, key: "where", line: line)
            if entry["where"] == .nil { report(line, tr("%@ needs where = { … }", context)) }
            if entry["target"] == .nil { report(line, tr("%@ needs a target", context)) }
            guard let filter, entry["target"] != .nil,
                let rule = target(entry["target"], owner: context, indicator: indicator, line: line)
            else { continue }
            found.append(TargetOverride(filter: filter, rule: rule, location: ModelLocation(file: file, line: line)))
        }
        return found
    }

    // MARK: - Settings

    private mutating func policy(_ value: LuaValue, owner: String, line: Int?) -> MissingValuePolicy? {
        choice(value, owner: owner, key: "missing", line: line, MissingValuePolicy.allCases.map { ($0.rawValue, $0) })
    }

    private mutating func filter(_ value: LuaValue, owner: String, key: String, line: Int?) -> SubjectFilter? {
        guard value != .nil else { return nil }
        guard case .table(let table) = value, table.array.isEmpty else {
            report(line, tr("%@: %@ must be a table of fields, like { role = \"sales\" }", owner, key))
            return nil
        }
        var conditions: [String: [String]] = [:]
        for (fieldKey, accepted) in Self.sorted(table.hash) {
            guard case .string(let field) = fieldKey, Self.filterFields.contains(field) else {
                let fields = Self.filterFields.joined(separator: ", ")
                report(
                    line, tr("%@: %@ has the unknown field %@ (fields: %@)", owner, key, Self.keyText(fieldKey), fields)
                )
                continue
            }
            let values: [LuaValue]
            if case .table(let list) = accepted, list.hash.isEmpty, !list.array.isEmpty {
                values = list.array
            } else {
                values = [accepted]
            }
            let texts = values.compactMap(Self.text)
            guard texts.count == values.count else {
                report(line, tr("%@: %@.%@ must be a string or a list of strings", owner, key, field))
                continue
            }
            conditions[field] = texts
        }
        return SubjectFilter(conditions)
    }

    private mutating func grades(_ value: LuaValue, line: Int?) -> GradeScale? {
        guard value != .nil else { return nil }
        guard case .table(let table) = value, table.array.isEmpty, !table.hash.isEmpty else {
            report(line, tr("scorecard: grades must be a table of minimums, like { A = 90, B = 75, C = 0 }"))
            return nil
        }
        var bands: [GradeBand] = []
        for (key, minimum) in Self.sorted(table.hash) {
            guard case .string(let grade) = key, let minimum = minimum.numberValue else {
                report(line, tr("scorecard: grades: %@ must be a grade name with a number", Self.keyText(key)))
                continue
            }
            bands.append(GradeBand(grade: grade, minimum: minimum))
        }
        return bands.count == table.hash.count ? GradeScale(bands) : nil
    }

    private mutating func distribution(_ value: LuaValue, line: Int?) -> DistributionDeclaration? {
        guard value != .nil else { return nil }
        let usage = tr("scorecard: distribution must be a table of percents, like { A = 20, B = 70, C = 10 }")
        guard case .table(let table) = value else {
            report(line, usage)
            return nil
        }
        if !table.array.isEmpty {
            var shares: [GradeShare] = []
            for item in table.array {
                guard case .table(let pair) = item, pair.array.count == 2, let grade = pair.array[0].stringValue,
                    let percent = pair.array[1].numberValue
                else {
                    report(
                        line, tr("scorecard: distribution as a list takes { grade, percent } pairs, like { \"A\", 20 }")
                    )
                    return nil
                }
                shares.append(GradeShare(grade: grade, percent: percent))
            }
            return DistributionDeclaration(shares: shares, isOrdered: true)
        }
        var shares: [GradeShare] = []
        for (key, percent) in Self.sorted(table.hash) {
            guard case .string(let grade) = key, let percent = percent.numberValue else {
                report(line, usage)
                return nil
            }
            shares.append(GradeShare(grade: grade, percent: percent))
        }
        return DistributionDeclaration(shares: shares, isOrdered: false)
    }

    /// The subject fields a `where` filter may test (``SubjectFilter``).
    static let filterFields = ["id", "name", "team", "role"]

    /// The grains a model may roll up to.
    static let rollupGrains: [Grain] = [.team, .department, .company]

    private mutating func rollups(_ value: LuaValue, line: Int?) -> [Grain]? {
        guard value != .nil else { return nil }
        let names = Self.rollupGrains.map(\.rawValue).joined(separator: ", ")
        guard case .table(let list) = value, list.hash.isEmpty else {
            report(line, tr("scorecard: rollups must be a list of grains (%@)", names))
            return nil
        }
        var grains: [Grain] = []
        for item in list.array {
            guard let name = item.stringValue, let grain = Grain(rawValue: name), Self.rollupGrains.contains(grain)
            else {
                report(line, tr("scorecard: rollups: %@ is not a grain to roll up to (%@)", Self.shown(item), names))
                continue
            }
            if grains.contains(grain) {
                report(line, tr("scorecard: rollups lists %@ twice", name))
            } else {
                grains.append(grain)
            }
        }
        return grains
    }

    private mutating func alerts(_ value: LuaValue, line: Int?) -> AlertSettings? {
        switch value {
        case .boolean(true): return AlertSettings(pace: PaceSettings())
        case .boolean(false): return nil
        case .table(let table):
            let owner = "scorecard: alerts"
            checkKeys(table, ["at", "pace", "remind"], owner: owner, line: line, allowsList: false)
            var settings = AlertSettings()
            if table["at"] != .nil {
                let marks = numbers(table["at"], owner: owner, key: "at", line: line) ?? []
                if marks.contains(where: { !($0.isFinite && $0 > 0) }) {
                    report(line, tr("%@: at lists completion fractions above 0, like { 0.5, 0.8, 1.0 }", owner))
                }
                settings.milestones = Array(Set(marks)).sorted()
            }
            settings.pace = pace(table["pace"], line: line)
            settings.reminder = reminder(table["remind"], line: line)
            return settings
        default:
            report(line, tr("scorecard: alerts must be true, false or a table { at = …, pace = …, remind = … }"))
            return nil
        }
    }

    private mutating func pace(_ value: LuaValue, line: Int?) -> PaceSettings? {
        let owner = "scorecard: alerts.pace"
        switch value {
        case .nil, .boolean(false): return nil
        case .boolean(true): return PaceSettings()
        case .table(let table):
            checkKeys(
                table, ["tolerance", "working_days", "weekdays", "holidays"], owner: owner, line: line,
                allowsList: false)
            var settings = PaceSettings()
            if let tolerance = number(table["tolerance"], owner: owner, key: "tolerance", line: line) {
                if tolerance >= 0 && tolerance.isFinite {
                    settings.tolerance = tolerance
                } else {
                    report(line, tr("%@: tolerance must be a fraction of at least 0, like 0.10", owner))
                }
            }
            switch table["working_days"] {
            case .nil: break
            case .boolean(let flag): settings.workingDaysOnly = flag
            default: report(line, tr("%@: working_days must be true or false", owner))
            }
            if let weekdays = numbers(table["weekdays"], owner: owner, key: "weekdays", line: line) {
                let days = weekdays.compactMap { Int(exactly: $0) }.filter { (1...7).contains($0) }
                if days.count != weekdays.count || days.isEmpty {
                    report(line, tr("%@: weekdays lists ISO weekdays 1 (Monday) to 7 (Sunday)", owner))
                } else {
                    settings.workingWeekdays = Set(days)
                }
            }
            if table["holidays"] != .nil {
                guard case .table(let list) = table["holidays"], list.hash.isEmpty else {
                    report(line, tr("%@: holidays must be a list of dates, like { \"2017-10-02\" }", owner))
                    return settings
                }
                for item in list.array {
                    guard let text = item.stringValue, let day = Self.day(text) else {
                        report(line, tr("%@: holidays: %@ is not a date YYYY-MM-DD", owner, Self.shown(item)))
                        continue
                    }
                    settings.holidays.insert(day)
                }
            }
            return settings
        default:
            report(line, tr("%@ must be true, false or a table { tolerance = …, working_days = … }", owner))
            return nil
        }
    }

    private mutating func reminder(_ value: LuaValue, line: Int?) -> ReminderSettings? {
        let owner = "scorecard: alerts.remind"
        switch value {
        case .nil, .boolean(false): return nil
        case .boolean(true): return ReminderSettings()
        case .table(let table):
            checkKeys(table, ["days_before_end", "below"], owner: owner, line: line, allowsList: false)
            var settings = ReminderSettings()
            if let days = number(table["days_before_end"], owner: owner, key: "days_before_end", line: line) {
                if let whole = Int(exactly: days), whole >= 0 {
                    settings.leadDays = whole
                } else {
                    report(line, tr("%@: days_before_end must be a whole number of days, at least 0", owner))
                }
            }
            if let below = number(table["below"], owner: owner, key: "below", line: line) {
                if below > 0 && below.isFinite {
                    settings.below = below
                } else {
                    report(line, tr("%@: below must be a completion fraction above 0, like 0.8", owner))
                }
            }
            return settings
        default:
            report(line, tr("%@ must be true, false or a table { days_before_end = …, below = … }", owner))
            return nil
        }
    }

    // MARK: - Values

    private mutating func report(_ line: Int?, _ message: String) {
        problems.append(ScorecardProblem(file: file, line: line, message: message))
    }

    /// Reports every key of `table` that is not in `allowed` (and list items when not allowed).
    private mutating func checkKeys(_ table: LuaTable, _ allowed: [String], owner: String, line: Int?, allowsList: Bool)
    {
        for (key, _) in Self.sorted(table.hash) {
            if case .string(let name) = key, allowed.contains(name) { continue }
            let keys = allowed.joined(separator: ", ")
            report(line, tr("%@: unknown key %@ (keys: %@)", owner, Self.keyText(key), keys))
        }
        if !allowsList && !table.array.isEmpty {
            report(
                line,
                tr(
                    "%@: unexpected list item %@ (keys: %@)", owner, Self.shown(table.array[0]),
                    allowed.joined(separator: ", "))
            )
        }
    }

    private mutating func number(_ value: LuaValue, owner: String, key: String, line: Int?) -> Double? {
        switch value {
        case .nil: return nil
        case .integer, .number: return value.numberValue
        default:
            report(line, tr("%@: %@ must be a number, not %@", owner, key, Self.shown(value)))
            return nil
        }
    }

    private mutating func numbers(_ value: LuaValue, owner: String, key: String, line: Int?) -> [Double]? {
        guard value != .nil else { return nil }
        guard case .table(let list) = value, list.hash.isEmpty, list.array.allSatisfy({ $0.numberValue != nil }) else {
            report(line, tr("%@: %@ must be a list of numbers", owner, key))
            return nil
        }
        return list.array.compactMap(\.numberValue)
    }

    private mutating func string(_ value: LuaValue, owner: String, key: String, line: Int?) -> String? {
        switch value {
        case .nil: return nil
        case .string(let text) where !text.isEmpty: return text
        default:
            report(line, tr("%@: %@ must be a non-empty string, not %@", owner, key, Self.shown(value)))
            return nil
        }
    }

    private mutating func choice<Value>(
        _ value: LuaValue, owner: String, key: String, line: Int?, _ options: [(String, Value)]
    ) -> Value? {
        guard value != .nil else { return nil }
        if let name = value.stringValue, let found = options.first(where: { $0.0 == name }) { return found.1 }
        let names = options.map { "\"\($0.0)\"" }.joined(separator: ", ")
        report(line, tr("%@: %@ must be one of %@, not %@", owner, key, names, Self.shown(value)))
        return nil
    }

    /// `per`: a grain's name (a built-in one, or an entity the workspace declares in
    /// `[subjects]`, checked when the model is scored against the workspace).
    private mutating func grain(_ value: LuaValue, owner: String, line: Int?) -> Grain? {
        guard value != .nil else { return nil }
        if let name = value.stringValue, let first = name.unicodeScalars.first, ("a"..."z").contains(first),
            name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        {
            return Grain(rawValue: name) ?? Grain(name)
        }
        report(
            line,
            tr(
                "%@: per must name a grain (\"user\", \"team\", \"account\", \"product\", an entity of [subjects] such as \"supplier\"), not %@",
                owner, Self.shown(value)))
        return nil
    }

    /// Whether `text` is a usable id: letters, digits, `_`, `-`, `.`, starting with a letter or `_`.
    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)
        }
    }

    /// A value as a message shows it: `"text"`, `12`, `a table`.
    static func shown(_ value: LuaValue) -> String {
        switch value {
        case .nil: "nil"
        case .string(let text): "\"\(text)\""
        case .integer(let number): String(number)
        case .number(let number): String(number)
        case .boolean(let flag): String(flag)
        case .table(let table) where table["__model"].stringValue == "uncalled":
            tr("%@ without its arguments", table["name"].stringValue ?? "")
        case .table(let table) where table["__model"].stringValue != nil:
            "\(table["__model"].stringValue ?? "") \(table["name"].stringValue ?? "")".trimmingCharacters(
                in: .whitespaces)
        case .table: tr("a table")
        case .function: tr("a function")
        }
    }

    /// A string or number as text (`12`, `1.5`); nil for other values.
    static func text(_ value: LuaValue) -> String? {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        case .number(let number):
            number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
        default: nil
        }
    }

    static func keyText(_ key: LuaKey) -> String {
        switch key {
        case .string(let name): "\"\(name)\""
        case .integer(let index): "[\(index)]"
        case .number(let number): "[\(number)]"
        case .boolean(let flag): "[\(flag)]"
        }
    }

    /// Hash entries in a stable order (string keys by name, then the others).
    static func sorted(_ hash: [LuaKey: LuaValue]) -> [(LuaKey, LuaValue)] {
        hash.map { ($0.key, $0.value) }.sorted { keyText($0.0) < keyText($1.0) }
    }

    /// The day number of an ISO date `YYYY-MM-DD`.
    static func day(_ text: String) -> Int32? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            CivilDate.isValid(year: year, month: month, day: day)
        else { return nil }
        return CivilDate.dayNumber(year: year, month: month, day: day)
    }
}
