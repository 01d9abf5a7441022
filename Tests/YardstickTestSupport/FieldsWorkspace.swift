/// A small workspace for field-to-field filters and arithmetic measures (`field()`): orders
/// with costs, quantities and promised dates, products with list prices, tasks with datetime
/// and date deadlines, in a UTC+8 time zone so that a datetime's local day differs from its
/// UTC day. Expected values in the tests are worked out by hand from these rows.
public enum FieldsWorkspace {
    /// `yardstick.toml`.
    public static let toml = """
        [workspace]
        name = "Fields"
        timezone = "Asia/Shanghai"
        [entities.teams]
        file = "teams.csv"
        [entities.users]
        file = "users.csv"
        [entities.accounts]
        file = "accounts.csv"
        [entities.products]
        file = "products.csv"
        [entities.orders]
        file = "orders.csv"
        [entities.orders.custom]
        cost = { column = "cost", type = "decimal" }
        quantity = { column = "quantity", type = "integer" }
        note = { column = "note", type = "string" }
        [entities.tasks]
        file = "tasks.csv"
        [entities.tasks.custom]
        due_on = { column = "due_on", type = "date" }
        """

    /// The data files, by name under `data/`.
    public static let files: [String: String] = [
        "teams.csv": "id,name,parent,kind\nC,Company,,company\nT1,North,C,team\n",
        "users.csv": "id,name,team,role\nu1,Ann,T1,sales\nu2,Bo,T1,sales\n",
        "accounts.csv": "id,name,owner\na1,Acme,u1\na2,Beta,u1\n",
        "products.csv": "id,name,family,list_price\np1,Widget,tools,100\np2,Gadget,toys,40.50\np3,Nothing,toys,\n",
        "orders.csv": """
        id,account,owner,product,status,amount,cost,quantity,ordered_at,delivered_at,promised_at,note
        r1,a1,u1,p1,delivered,120.25,80.10,3,2026-10-01,2026-10-05,2026-10-06,shipped
        r2,a1,u1,p2,delivered,40.50,45,2,2026-10-02,2026-10-09,2026-10-08,delivered
        r3,a2,u2,p1,delivered,90,,1,2026-10-03,2026-10-04,2026-10-04,cancelled
        r4,a2,u2,p3,shipped,10.01,0.01,0,2026-10-04,,2026-10-10,
        r5,a1,u2,,confirmed,0,0,5,2026-10-05,2026-10-05,,confirmed

        """,
        "tasks.csv": """
        id,owner,status,created_at,due_at,completed_at,due_on
        t1,u1,completed,2026-10-01 09:00:00,2026-10-03 17:00:00,2026-10-03 18:00:00,2026-10-03
        t2,u1,completed,2026-10-01 09:00:00,2026-10-05 12:00:00,2026-10-04 10:00:00,2026-10-04
        t3,u2,completed,2026-10-01 09:00:00,2026-10-02 01:00:00,2026-10-02T01:00:00+08:00,2026-10-01
        t4,u2,open,2026-10-01 09:00:00,2026-10-09 00:00:00,,2026-10-09

        """,
    ]
}
