/// The data files beside the fuzzed `yardstick.toml`: a few rows of each file the seed
/// corpus maps (the Maven example's files and the vocabulary's entities), in CSV, JSON and
/// NDJSON, with a few bad values so lenient loads and `check` have something to report.
enum WorkspaceFiles {
    static let data: [String: String] = [
        "data/sales_teams.csv": """
        sales_agent,manager,regional_office
        Anna Snelling,Dustin Brinkmann,Central
        Vicki Laflamme,Celia Rouche,West

        """,
        "data/accounts.csv": """
        account,sector,year_established,revenue,employees,office_location,subsidiary_of
        Acme Corporation,technolgy,1996,1100.04,2822,United States,
        Betasoloin,medical,1999,251.41,495,United States,Acme Corporation
        Cancity,retail,19x1,-3,0,Kenya,Nowhere

        """,
        "data/products.csv": "product,series,sales_price\nGTX Basic,GTX,550\nGTX Pro,GTX,4821\nMG Special,MG,55\n",
        "data/sales_pipeline.csv": """
        opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value
        1C1I7A6R,Anna Snelling,GTX Basic,Cancity,Won,2016-10-20,2017-03-01,1054
        Z063OYW0,Vicki Laflamme,GTXPro,Betasoloin,Lost,2016-10-25,2017-03-11,0
        EC4QE1BX,Anna Snelling,MG Special,,Engaging,2016-10-25,,
        MV1LWRNH,Celia Rouche,GTX Pro,Acme Corporation,Won,2017-02-30,2016-01-01,12.5.1

        """,
        "data/teams.csv": "id,name,parent,kind\nC,Company,,company\nT1,North,C,team\nT2,South,C,team\n",
        "data/users.csv":
            "id,name,team,role,email\nu1,Ann,T1,sales,ann@example.com\nu2,王芳,T1,sales,\nu3,Cy,T9,manager,\n",
        "data/opportunities.csv": """
        id,account,owner,stage,amount,created_at,closed_at
        o1,a1,u1,won,100.10,2026-09-01,2026-10-05
        o2,a2,u2,lost,0,2026-09-15,2026-10-20
        o3,,u3,qualification,,2026-10-01,

        """,
        "data/activities.csv": """
        id,type,direction,owner,account,occurred_at,duration_seconds
        x1,call,outbound,u1,a1,2026-10-01 09:00:00,300
        x2,email,inbound,u2,a2,2026-10-02T10:00:00+08:00,

        """,
        "data/cases.csv":
            "id,account,owner,priority,opened_at,resolved_at\nk1,a1,u1,high,2026-10-01 08:00:00,2026-10-01 20:00:00\n",
        "data/quotas.csv": "id,user,period_start,period_end,metric,target\nq1,u1,2026-10-01,2026-10-31,revenue,400\n",
        "data/accounts.json": """
        [{"id": "a1", "name": "Acme", "industry": "retail", "created_at": "2026-10-03"},
         {"id": "a2", "name": "Beta", "industry": null, "annual_revenue": 12.5}]
        """,
        "data/activities.ndjson": """
        {"id": "y1", "type": "call", "owner": "u1", "occurred_at": "2026-10-01 09:00:00"}
        {"id": "y2", "type": "meeting", "owner": "u2", "occurred_at": "2026-10-02"}

        """,
    ]
}
