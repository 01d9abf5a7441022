/// The path that computed one figure (see ``FigurePaths``).
enum FigurePath: UInt8, Sendable {
    case columnMode, prefetched, perSubject, alone, notRun
}
