package dev.mtl4j.runtime.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.runtime.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A run folder as one self-contained HTML page: every chart drawn in the browser by Apache ECharts,
 * whose bundle is inlined with the page's script and the run's data, so the file opens offline and
 * can be mailed or archived whole. Each chart saves itself as a PNG at three times screen resolution.
 *
 * <p>Why ECharts: one well-kept library (an Apache project) covers every plot the report needs — line
 * curves, heatmaps for confusion matrices, gates and affinities, scatter plots, error bars — with
 * PNG export built in; it comes from a Maven artifact of its npm package, so the build stays offline.
 * Rendering on the JVM (XChart) would need AWT and fonts on a headless server, and gives static
 * images without tooltips.
 */
public final class HtmlReport {
    private static final String RESOURCES = "/dev/mtl4j/runtime/report/";

    private final Json json = new Json();

    /** Reads a run folder's files ({@link RunFolder}) and writes the page to {@code target}. */
    public void write(Path runDirectory, Path target) {
        write(new RunFolder(json, runDirectory).read(), target);
    }

    /** Writes the page of these inputs to {@code target}. */
    public void write(ReportInputs inputs, Path target) {
        String html = render(inputs.pageData(json));
        AtomicFiles.write(target, "the report", out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
    }

    /** The page for the data {@link ReportInputs#pageData} gathers. */
    public String render(ObjectNode data) {
        String title = data.path("title").asText("mtl4j run");
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + " — mtl4j report</title>\n"
                + "<style>\n" + resource("report.css") + "</style>\n</head>\n<body>\n<div id=\"report\"></div>\n"
                + "<!-- Apache ECharts (Apache License 2.0), inlined -->\n"
                + "<script>\n" + resource("echarts/echarts.min.js") + "\n</script>\n"
                + "<script>\nwindow.MTL_REPORT = " + scriptSafe(json.compact(data)) + ";\n</script>\n"
                + "<script>\n" + resource("report.js") + "</script>\n</body>\n</html>\n";
    }

    /** JSON inside a script element: {@code </script>} in a task name must not end it. */
    static String scriptSafe(String jsonText) {
        return jsonText.replace("</", "<\\/").replace("<!--", "<\\!--").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new MtlException(ErrorCategory.IO_FAILED, "the report's " + name + " is missing from the mtl4j runtime jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MtlException(ErrorCategory.IO_FAILED, "cannot read the report's " + name + ": " + e.getMessage(), e);
        }
    }
}
