/// The style sheet every HTML report carries inline: readable tables, score cards, charts,
/// explanations that open on demand, and a print style (cards kept whole on a page, nothing
/// interactive printed).
package enum HTMLStyleSheet {
    /// The CSS text, ending with a newline.
    package static let css = """
        :root { --ink: #1d2330; --muted: #5d6675; --line: #d9dee7; --panel: #f6f8fb; --accent: #2f6fd6;
          --good: #1f8a4c; --warn: #b7791f; --bad: #c0392b; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1180px; padding: 24px; color: var(--ink); background: #fff;
          font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC",
          "PingFang SC", "Microsoft YaHei", sans-serif; }
        h1 { font-size: 24px; margin: 0 0 4px; }
        h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
        h3 { font-size: 16px; margin: 20px 0 8px; }
        .meta { color: var(--muted); margin: 0; }
        .meta span + span::before { content: " · "; }
        nav.toc { margin: 12px 0 0; }
        nav.toc a { margin-right: 14px; color: var(--accent); text-decoration: none; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; margin: 4px 0 8px; }
        th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        thead th { background: var(--panel); font-weight: 600; white-space: nowrap; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.dimension td { background: var(--panel); font-weight: 600; }
        tr.unranked td { color: var(--muted); }
        td.total { font-weight: 700; }
        .grade { display: inline-block; min-width: 1.8em; text-align: center; border-radius: 4px;
          background: var(--panel); border: 1px solid var(--line); font-weight: 700; }
        .missing { color: var(--muted); }
        .status-failed { color: var(--bad); }
        .note { color: var(--muted); font-size: 12px; margin: 2px 0; }
        .cards { display: grid; grid-template-columns: 1fr; gap: 18px; }
        article.card { border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; background: #fff; }
        article.card > header { display: flex; justify-content: space-between; align-items: baseline;
          flex-wrap: wrap; gap: 8px; border-bottom: 1px solid var(--line); padding-bottom: 8px; }
        article.card h3 { margin: 0; }
        .headline { display: flex; gap: 18px; align-items: baseline; }
        .headline .big { font-size: 26px; font-weight: 700; }
        .card-body { display: flex; flex-wrap: wrap; gap: 16px; margin-top: 10px; }
        .charts { flex: 0 0 340px; }
        .charts figure { margin: 0 0 10px; }
        .charts figcaption { color: var(--muted); font-size: 12px; }
        .card-table { flex: 1 1 560px; min-width: 0; }
        svg text { font-family: inherit; }
        details.why > summary { cursor: pointer; color: var(--ink); }
        details.why > summary::marker { color: var(--accent); }
        details.why[open] > summary { font-weight: 600; }
        details.why dl { margin: 6px 0 4px; font-size: 12px; min-width: 22em; display: grid;
          grid-template-columns: max-content auto; gap: 2px 10px; }
        details.why dt { color: var(--muted); }
        details.why dd { margin: 0; }
        ul.alerts { padding-left: 0; list-style: none; }
        ul.alerts li { padding: 4px 0; border-bottom: 1px solid var(--line); }
        .kind { display: inline-block; font-size: 11px; padding: 0 6px; margin-right: 6px; border-radius: 9px;
          color: #fff; background: var(--accent); }
        .kind-behind-pace, .kind-period-end { background: var(--warn); }
        ul.errors li { color: var(--bad); }
        .bar { display: inline-block; height: 8px; background: var(--accent); border-radius: 2px; vertical-align: middle; }
        .js-only { display: none; }
        button.tool { font: inherit; font-size: 12px; padding: 2px 8px; margin: 0 6px 6px 0; cursor: pointer; }
        th.sortable { cursor: pointer; }
        footer { margin-top: 28px; color: var(--muted); font-size: 12px; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11px; }
          nav.toc, button, .js-only, .tools { display: none !important; }
          details.why > summary { list-style: none; }
          details.why > summary::-webkit-details-marker { display: none; }
          details.why > summary::marker { content: ""; }
          article.card, table.leaderboard tr, figure, .period-head { break-inside: avoid; page-break-inside: avoid; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          section.period + section.period { break-before: page; page-break-before: always; }
          .scroll { overflow: visible; }
          a { color: inherit; text-decoration: none; }
        }

        """
}
