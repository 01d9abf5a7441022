-- Open pipeline: deals still open, whatever the period.
return indicator {
  id = "open_pipeline",
  title = { en = "Open deals", zh = "在途商机数" },
  description = "Number of deals in stage prospecting or qualification (Maven's Prospecting and Engaging). No period filter: the export is a snapshot at the end of 2017, open deals have no closed_at and Prospecting deals no created_at, so the figure is the same for every period.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage" },
  value = function(s, k)
    return s.opportunities:where{ stage = { "in", { "prospecting", "qualification" } } }:count()
  end,
}
