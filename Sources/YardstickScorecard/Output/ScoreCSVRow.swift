import YardstickEngine

/// One row of the score CSV being filled, as bytes: each cell is written, already escaped, to
/// one reused buffer when it is set (in any column order), and ``write(to:)`` lays the cells out
/// in column order.
///
/// A long score CSV has hundreds of thousands of rows of 43 cells, most of them empty: building
/// each cell as a `String` and each row as an array of them cost more than scoring itself. Here a
/// row allocates nothing once its buffer has grown, a number is formatted straight into the
/// buffer, and the cells a subject's rows share are escaped once (``ScoreCSVSharedCells``).
struct ScoreCSVRow {
    private var storage: [UInt8] = []
    private var starts = [Int](repeating: 0, count: ScoreCSVColumn.allCases.count)
    private var ends = [Int](repeating: 0, count: ScoreCSVColumn.allCases.count)
    /// The text of the fractions written lately, shared with the writer's ``ScoreCSVLine`` rows.
    var numbers = ScoreNumberCache()

    /// Empties every cell, keeping the buffer's capacity.
    mutating func clear() {
        storage.removeAll(keepingCapacity: true)
        for index in ends.indices {
            starts[index] = 0
            ends[index] = 0
        }
    }

    /// Sets a text cell, quoted as RFC 4180 says when it holds a comma, a quote or a line break;
    /// an empty text leaves the cell empty.
    mutating func set(_ column: ScoreCSVColumn, _ text: String) {
        guard !text.isEmpty else { return }
        let start = storage.count
        ScoreCSVField.append(text, to: &storage)
        mark(column, from: start)
    }

    /// Sets a cell to bytes already escaped for CSV.
    mutating func set(_ column: ScoreCSVColumn, escaped bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        let start = storage.count
        storage.append(contentsOf: bytes)
        mark(column, from: start)
    }

    /// Sets a number cell as ``ScoreNumberText/plain(_:)-(Double?)`` writes it; nil leaves it
    /// empty.
    mutating func set(_ column: ScoreCSVColumn, _ number: Double?) {
        guard let number else { return }
        let start = storage.count
        numbers.appendPlain(number, to: &storage)
        mark(column, from: start)
    }

    /// Sets a whole-number cell; nil leaves it empty.
    mutating func set(_ column: ScoreCSVColumn, _ number: Int?) {
        guard let number else { return }
        let start = storage.count
        ScoreNumberText.appendDigits(Int64(number), to: &storage)
        mark(column, from: start)
    }

    private mutating func mark(_ column: ScoreCSVColumn, from start: Int) {
        starts[column.rawValue] = start
        ends[column.rawValue] = storage.count
    }

    /// The cell's text (for tests and checks; the writer uses ``write(to:)``).
    subscript(column: ScoreCSVColumn) -> String {
        String(decoding: storage[starts[column.rawValue]..<ends[column.rawValue]], as: UTF8.self)
    }

    /// Appends the row, cells in column order separated by commas, and a line feed: the line's
    /// length is worked out first, so the output grows once per row and the cells are copied in.
    func write(to bytes: inout [UInt8]) {
        var length = starts.count  // the commas and the line feed
        for index in starts.indices { length += ends[index] - starts[index] }
        let offset = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: ","), count: length))
        bytes.withUnsafeMutableBufferPointer { line in
            storage.withUnsafeBufferPointer { cells in
                var position = offset
                for index in starts.indices {
                    if index > 0 { position += 1 }  // the comma already there
                    let count = ends[index] - starts[index]
                    if count > 0 {
                        (line.baseAddress! + position).update(from: cells.baseAddress! + starts[index], count: count)
                        position += count
                    }
                }
                line[position] = 0x0A
            }
        }
    }
}

/// The cells every row of one subject in one period shares (period, grain, subject, model,
/// window), escaped once for all its rows.
struct ScoreCSVSharedCells {
    let period: [UInt8]
    let grain: [UInt8]
    let subjectID: [UInt8]
    let subjectName: [UInt8]
    let model: [UInt8]
    let window: [UInt8]
    let peerGroup: [UInt8]
    /// The cells `period` through `model`, joined by commas: the start of every row of the
    /// subject, written as one block by ``ScoreCSVLine``.
    let prefix: [UInt8]

    /// Escapes the shared cells of a subject's rows.
    init(subject: SubjectInfo, period: String, model: String, window: [UInt8], peerGroup: String) {
        func escaped(_ text: String) -> [UInt8] {
            var bytes: [UInt8] = []
            CSVReportWriter.appendField(text, to: &bytes)
            return bytes
        }
        self.period = escaped(period)
        grain = escaped(subject.grain.rawValue)
        subjectID = escaped(subject.id)
        subjectName = escaped(subject.name)
        self.model = escaped(model)
        self.window = window
        self.peerGroup = escaped(peerGroup)
        prefix = Array([self.period, grain, subjectID, subjectName, self.model].joined(separator: [UInt8(ascii: ",")]))
    }

    /// Sets the shared cells and the row kind of a new row.
    func start(_ row: inout ScoreCSVRow, kind: StaticString, withPeerGroup: Bool) {
        row.clear()
        row.set(.period, escaped: period)
        row.set(.grain, escaped: grain)
        row.set(.subjectID, escaped: subjectID)
        row.set(.subjectName, escaped: subjectName)
        row.set(.model, escaped: model)
        row.set(.window, escaped: window)
        row.set(.rowKind, kind.description)
        if withPeerGroup { row.set(.peerGroup, escaped: peerGroup) }
    }
}
