import YardstickData
import YardstickQuery

/// The work of a run, laid out before any indicator runs.
///
/// One task per subject of each grain in each period, in blocks of one grain and period; the
/// blocks whose subjects partition the users (or accounts), which share their queries' values and
/// which column mode can evaluate at once; and the units of work the workers take, whole blocks
/// or pieces of them.
struct EvaluationPlan: Sendable {
    /// A block whose subjects share values: column mode evaluates it at once.
    struct ColumnBlock: Sendable {
        /// The block, by position in ``EvaluationPlan/blocks``.
        var block: Int
        /// The block's period.
        var period: Period
        /// The values shared by the block's subjects.
        var runs: PartitionRuns
        /// The block's subjects, in task order (the grain's array, shared by its periods).
        var subjects: [SubjectInfo]
    }

    /// Every task, grain by grain, period by period, subject by subject.
    let tasks: [RunTask]
    /// The tasks of each grain and period, as ranges of ``tasks``.
    let blocks: [Range<Int>]
    /// The blocks column mode can evaluate.
    let columnBlocks: [ColumnBlock]
    /// The units of work, as ranges of ``tasks``: each lies within one block.
    let units: [Range<Int>]

    /// Lays out the work for `grains` and `periods`.
    ///
    /// - Parameters:
    ///   - subjects: The subjects of a grain (see ``SubjectCatalog``).
    ///   - partitionRuns: The shared values for a grain's subjects, or nil when they do not share
    ///     them (each subject then runs its queries alone).
    ///   - workers: The number of worker threads, which decides how finely blocks are cut.
    init(
        grains: [Grain], periods: [Period], workers: Int,
        subjects: (Grain) throws(EvaluationError) -> [SubjectInfo],
        partitionRuns: ([SubjectInfo]) -> PartitionRuns?
    ) throws(EvaluationError) {
        var tasks: [RunTask] = []
        var blocks: [Range<Int>] = []
        var columnBlocks: [ColumnBlock] = []
        for grain in grains {
            let subjects = try subjects(grain)
            let runs = partitionRuns(subjects)
            for period in periods {
                let start = tasks.count
                for (index, subject) in subjects.enumerated() {
                    let member = runs.map { PartitionMember(runs: $0, index: index) }
                    tasks.append(RunTask(period: period, subject: subject, member: member, block: blocks.count))
                }
                if let runs {
                    columnBlocks.append(
                        ColumnBlock(block: blocks.count, period: period, runs: runs, subjects: subjects))
                }
                blocks.append(start..<tasks.count)
            }
        }
        self.tasks = tasks
        self.blocks = blocks
        self.columnBlocks = columnBlocks
        self.units = Self.units(blocks, workers: workers)
    }

    /// The first task of each partition, in task order: the subjects discovery evaluates.
    var firstTaskOfEachPartition: [RunTask] {
        var seen: Set<ObjectIdentifier> = []
        var first: [RunTask] = []
        for index in tasks.indices {
            guard let runs = tasks[index].member?.runs, seen.insert(ObjectIdentifier(runs)).inserted else { continue }
            first.append(tasks[index])
        }
        return first
    }

    /// The shared values of the column blocks, each once, in first-seen order.
    var distinctRuns: [PartitionRuns] { Self.distinct(columnBlocks.map(\.runs)) }

    /// Each shared-values object once, in first-seen order.
    static func distinct(_ runs: [PartitionRuns]) -> [PartitionRuns] {
        var seen: Set<ObjectIdentifier> = []
        return runs.filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    /// Cuts blocks of tasks (one grain and period each) into units of work: whole blocks when
    /// there are enough to keep every worker busy, smaller pieces otherwise.
    static func units(_ blocks: [Range<Int>], workers: Int) -> [Range<Int>] {
        let wanted = 4 * max(1, workers)
        guard blocks.count < wanted else { return blocks }
        let piecesPerBlock = (wanted + blocks.count - 1) / max(1, blocks.count)
        var units: [Range<Int>] = []
        for block in blocks {
            let size = max(1, (block.count + piecesPerBlock - 1) / piecesPerBlock)
            var start = block.lowerBound
            while start < block.upperBound {
                let end = min(block.upperBound, start + size)
                units.append(start..<end)
                start = end
            }
        }
        return units
    }
}
