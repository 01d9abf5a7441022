/// The optional script of the HTML report: sorting the leaderboard by a column, and buttons
/// that open or close every explanation. The page reads completely without it (explanations
/// are `<details>` elements); the buttons exist only when the script runs.
enum ScoreHTMLScript {
    /// The script, with the buttons' words in the report's language.
    static func script(_ labels: ScoreHTMLLabels) -> String {
        let open = jsString(labels.expandAll)
        let close = jsString(labels.collapseAll)
        return """
            (function () {
              "use strict";
              document.querySelectorAll(".cards-section .tools").forEach(function (tools) {
                [[\(open), true], [\(close), false]].forEach(function (entry) {
                  var button = document.createElement("button");
                  button.type = "button";
                  button.className = "tool";
                  button.textContent = entry[0];
                  button.addEventListener("click", function () {
                    tools.parentElement.querySelectorAll("details.why").forEach(function (d) { d.open = entry[1]; });
                  });
                  tools.appendChild(button);
                });
              });
              function cellValue(row, index) {
                var text = row.cells[index].textContent.replace(/[,%*\\s]/g, "");
                var number = parseFloat(text);
                return isNaN(number) ? text : number;
              }
              document.querySelectorAll("table.leaderboard").forEach(function (table) {
                var headers = table.tHead.rows[0].cells;
                Array.prototype.forEach.call(headers, function (header, index) {
                  header.classList.add("sortable");
                  var descending = false;
                  header.addEventListener("click", function () {
                    var body = table.tBodies[0];
                    var rows = Array.prototype.slice.call(body.rows);
                    descending = !descending;
                    rows.sort(function (a, b) {
                      var x = cellValue(a, index), y = cellValue(b, index);
                      if (typeof x !== typeof y) { return typeof x === "number" ? -1 : 1; }
                      var order = x < y ? -1 : x > y ? 1 : 0;
                      return descending ? -order : order;
                    });
                    rows.forEach(function (row) { body.appendChild(row); });
                  });
                });
              });
            })();

            """
    }

    /// A JavaScript string literal of `text` (quotes, backslashes and `<` escaped, so the text
    /// cannot end the script element).
    static func jsString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<": out += "\\u003C"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
