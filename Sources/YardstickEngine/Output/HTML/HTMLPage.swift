/// A self-contained HTML document: one file that opens offline in any browser.
///
/// The page declares UTF-8 (so Chinese names render), carries its style sheet
/// (``HTMLStyleSheet/css``) and any script inline, and states a content security policy that
/// forbids every fetch (`default-src 'none'`): a browser refuses to load anything from the
/// network or the file system even if data smuggled a URL into the page. Images are only
/// inline SVG. The script is optional by design: the page must read completely with scripts
/// off.
package struct HTMLPage {
    /// The document's language (`en`, `zh-CN`), for the `lang` attribute.
    package var language: String
    /// The window title, already escaped.
    package var title: String
    /// The body's HTML.
    package var body: String
    /// Inline JavaScript run when the page has loaded, or empty.
    package var script: String

    /// Creates a page.
    ///
    /// - Parameters:
    ///   - locale: `en` or `zh-CN` (any locale starting with `zh` is Simplified Chinese).
    ///   - title: The window title, already escaped.
    ///   - body: The body's HTML.
    ///   - script: Inline JavaScript, or empty.
    package init(locale: String, title: String, body: String, script: String = "") {
        language = OutputLocale.isChinese(locale) ? "zh-CN" : "en"
        self.title = title
        self.body = body
        self.script = script
    }

    /// The content security policy: nothing may be fetched; inline style and script run.
    package static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    /// The whole document, ending with a newline.
    package var text: String {
        var html = "<!DOCTYPE html>\n<html lang=\"\(language)\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.contentSecurityPolicy)\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta name=\"generator\" content=\"yardstick\">\n"
        html += "<title>\(title)</title>\n<style>\n\(HTMLStyleSheet.css)</style>\n</head>\n<body>\n"
        html += body
        if !script.isEmpty { html += "<script>\n\(script)</script>\n" }
        html += "</body>\n</html>\n"
        return html
    }
}
