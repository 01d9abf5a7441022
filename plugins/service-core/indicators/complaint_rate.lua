-- Complaint rate: complaints received per 100 cases opened in the period.
return indicator {
  id = "complaint_rate",
  title = { en = "Complaints per 100 cases", zh = "投诉率（每百工单投诉数）" },
  description = "100 x surveys with type = complaint whose submitted_at falls in the period / cases whose opened_at falls in it; for an agent, complaints whose user is the agent over the cases they own. Missing when no case was opened.",
  unit = "number",
  better = "lower",
  per = "user",
  needs = { "surveys.type", "surveys.submitted_at", "surveys.user", "cases.opened_at" },
  value = function(s)
    local complaints = s.surveys:during("submitted_at"):where{ type = "complaint" }:count()
    return ratio(complaints, s.cases:during("opened_at"):count()) * 100
  end,
}
