/// Internal switches that force one evaluation path or another, so that tests can run the same
/// indicators down every path and compare the figures (which must be the same on all of them).
///
/// Production runs keep the defaults; only ``Evaluator/columnMode`` is public.
struct EvaluationPaths: Sendable, Hashable {
    /// Whether the subjects of a grain that partition the users (or accounts) share one
    /// computation of each aggregate (off: every subject runs its queries alone, as the company
    /// does).
    var partitioned = true
    /// Whether the per-subject task path receives the shared values ahead (off: every query
    /// goes back to the host).
    var prefetch = true
}
