import Foundation

/// A hash of everything in a workspace that decides what its data loads into: where the files
/// are, how their columns map to fields, the value formats, the time zone, and the
/// vocabulary's definitions of the mapped entities.
///
/// The values are walked by reflection into a canonical text (dictionary entries sorted by
/// key), so a property added to any mapping type is covered without this file knowing of
/// it. Settings that do not change the loaded tables (the locale, the calendar, other
/// modules' sections such as targets) are left out: editing them keeps the snapshot.
enum MappingFingerprint {
    /// The fingerprint of a workspace's mapping.
    static func of(_ workspace: Workspace) -> UInt64 {
        FastHash.hash(Array(text(of: workspace).utf8))
    }

    /// The canonical text the fingerprint hashes (for tests and debugging).
    static func text(of workspace: Workspace) -> String {
        var out = "timezone=\(workspace.timeZone.identifier)\n"
        describe(workspace.sources, into: &out)
        out += "\n"
        describe(workspace.formats, into: &out)
        out += "\n"
        describe(workspace.entities, into: &out)
        return out
    }

    private static func describe(_ value: Any, into out: inout String) {
        if let zone = value as? TimeZone {
            out += "TimeZone(\(zone.identifier))"
            return
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary:
            var entries: [String] = []
            for child in mirror.children {
                var entry = ""
                describe(child.value, into: &entry)
                entries.append(entry)
            }
            out += "[" + entries.sorted().joined(separator: ",") + "]"
        case .set:
            var members: [String] = []
            for child in mirror.children {
                var member = ""
                describe(child.value, into: &member)
                members.append(member)
            }
            out += "{" + members.sorted().joined(separator: ",") + "}"
        case .optional:
            if let child = mirror.children.first {
                describe(child.value, into: &out)
            } else {
                out += "nil"
            }
        default:
            if mirror.children.isEmpty {
                out += String(reflecting: value)
                return
            }
            out += String(describing: mirror.subjectType) + "("
            for child in mirror.children {
                out += (child.label ?? "_") + ":"
                describe(child.value, into: &out)
                out += ";"
            }
            out += ")"
        }
    }
}
