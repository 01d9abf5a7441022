/// Filling a message's placeholders: `%@` takes the next argument, `%N$@` the N-th, `%%` is `%`.
package enum MessageTemplate {
    /// `template` with its placeholders replaced by `values`; a placeholder without a value is
    /// left empty.
    package static func fill(_ template: String, with values: [String]) -> String {
        guard template.contains("%") else { return template }
        var result = ""
        result.reserveCapacity(template.utf8.count + values.reduce(0) { $0 + $1.utf8.count })
        var next = 0
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            index = template.index(after: index)
            guard character == "%", index < template.endIndex else {
                result.append(character)
                continue
            }
            if template[index] == "%" {
                result.append("%")
                index = template.index(after: index)
            } else if template[index] == "@" {
                if next < values.count { result += values[next] }
                next += 1
                index = template.index(after: index)
            } else if let (position, end) = positional(in: template, at: index) {
                if position >= 1, position <= values.count { result += values[position - 1] }
                index = end
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The placeholders of `template`: how many arguments it takes (the highest position, or
    /// the count of `%@`).
    package static func argumentCount(_ template: String) -> Int {
        var sequential = 0
        var highest = 0
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            index = template.index(after: index)
            guard character == "%", index < template.endIndex else { continue }
            if template[index] == "%" {
                index = template.index(after: index)
            } else if template[index] == "@" {
                sequential += 1
                index = template.index(after: index)
            } else if let (position, end) = positional(in: template, at: index) {
                highest = max(highest, position)
                index = end
            }
        }
        return max(sequential, highest)
    }

    /// `N$@` at `index`: the position and the index after the `@`.
    private static func positional(in template: String, at index: String.Index) -> (Int, String.Index)? {
        var end = index
        var digits = ""
        while end < template.endIndex, let digit = template[end].wholeNumberValue, template[end].isASCII {
            digits.append(Character(String(digit)))
            end = template.index(after: end)
        }
        guard !digits.isEmpty, end < template.endIndex, template[end] == "$" else { return nil }
        end = template.index(after: end)
        guard end < template.endIndex, template[end] == "@", let position = Int(digits) else { return nil }
        return (position, template.index(after: end))
    }
}
