package dev.mtl4j.runtime.report;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A search's results as one self-contained HTML page ({@code tuning.html}), drawn by the same inlined
 * Apache ECharts bundle as the run report: the objective of every trial (by rung), and the objective
 * against each searched key.
 */
public final class TuningPage {
    private final Json json = new Json();

    /** The page for {@code tuning.json}'s content. */
    public String render(ObjectNode tuning) {
        String title = tuning.path("pipeline").asText("search");
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + HtmlReport.escape(title) + " — mtl4j tune</title>\n"
                + "<style>\n" + HtmlReport.resource("report.css") + "</style>\n</head>\n<body>\n<div id=\"report\"></div>\n"
                + "<!-- Apache ECharts (Apache License 2.0), inlined -->\n"
                + "<script>\n" + HtmlReport.resource("echarts/echarts.min.js") + "\n</script>\n"
                + "<script>\nwindow.MTL_TUNING = " + HtmlReport.scriptSafe(json.compact(tuning)) + ";\n</script>\n"
                + "<script>\n" + HtmlReport.resource("tuning.js") + "</script>\n</body>\n</html>\n";
    }
}
