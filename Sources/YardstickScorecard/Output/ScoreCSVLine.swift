import YardstickEngine

/// A row of the score CSV written straight into the output, its cells given in column order:
/// the commas of the empty cells between them are written when the next cell is, and ``end(in:)``
/// finishes the row.
///
/// The writer's fast path for indicator rows (most rows of a score CSV): unlike ``ScoreCSVRow``
/// no cell is copied twice, and the cells a subject's rows or a leaf's rows share come as one
/// block already joined (``block(_:from:through:in:)``). Cells must be given in increasing column
/// order; giving one out of order stops the program (it would shift every later cell).
struct ScoreCSVLine {
    /// The column the next byte written belongs to.
    private var column = 0

    /// Starts a row (the output's bytes are passed to each call).
    init() {}

    /// Writes the commas up to `target`, which must not be behind the current column.
    private mutating func move(to target: ScoreCSVColumn, in bytes: inout [UInt8]) {
        let index = target.rawValue
        precondition(index >= column, "score CSV cells out of column order")
        // Usually one comma or a few: appended one by one (a `repeatElement` sequence is
        // appended through a generic iterator, several times slower).
        while column < index {
            bytes.append(UInt8(ascii: ","))
            column += 1
        }
    }

    /// Writes cells already escaped and joined by commas, covering the columns `first` through
    /// `last` (the bytes hold `last − first` separating commas).
    mutating func block(
        _ cells: [UInt8], from first: ScoreCSVColumn, through last: ScoreCSVColumn, in bytes: inout [UInt8]
    ) {
        move(to: first, in: &bytes)
        bytes.append(contentsOf: cells)
        column = last.rawValue
    }

    /// Writes a cell already escaped for CSV.
    mutating func escaped(_ cell: [UInt8], at target: ScoreCSVColumn, in bytes: inout [UInt8]) {
        guard !cell.isEmpty else { return }
        move(to: target, in: &bytes)
        bytes.append(contentsOf: cell)
    }

    /// Writes a text cell, quoted as RFC 4180 says when it holds a comma, a quote or a line
    /// break; an empty text leaves the cell empty.
    mutating func text(_ text: String, at target: ScoreCSVColumn, in bytes: inout [UInt8]) {
        guard !text.isEmpty else { return }
        move(to: target, in: &bytes)
        ScoreCSVField.append(text, to: &bytes)
    }

    /// Writes a number cell as ``ScoreNumberText/appendPlain(_:to:)`` does (through `cache`);
    /// nil leaves the cell empty.
    mutating func number(
        _ number: Double?, at target: ScoreCSVColumn, in bytes: inout [UInt8], cache: inout ScoreNumberCache
    ) {
        guard let number else { return }
        move(to: target, in: &bytes)
        cache.appendPlain(number, to: &bytes)
    }

    /// Ends the row: the commas of the empty cells after the last one given, and a line feed.
    mutating func end(in bytes: inout [UInt8]) {
        move(to: .missingReason, in: &bytes)  // the last column
        bytes.append(0x0A)
        column = 0
    }
}
