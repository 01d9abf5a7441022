-- Pipeline created: the value of the deals opened in the period, whatever became of them.
return indicator {
  id = "pipeline_created",
  title = { en = "Pipeline created", zh = "新增商机金额" },
  description = "Sum of amount over opportunities with created_at in the period, in any stage; 0 when none.",
  unit = "money",
  better = "higher",
  per = "user",
  needs = { "opportunities.created_at", "opportunities.amount" },
  value = function(s)
    return s.opportunities:during("created_at"):sum("amount")
  end,
}
