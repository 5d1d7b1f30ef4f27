import java.util.List;
import java.util.Map;

/** The run over time as an HTML page of SVG line charts: no library, opens anywhere. */
final class Chart {
    static String html(List<long[]> rows, Map<String, Object> figures) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><meta charset=utf-8><title>clickgive replay</title>"
                + "<style>body{font:14px system-ui;margin:2rem;color:#14213d}svg{background:#fff;border:1px solid #d9dee5}"
                + "h2{font-size:1rem;margin:1.5rem 0 .3rem}.a{stroke:#0b6e4f}.b{stroke:#c2410c}polyline{fill:none;"
                + "stroke-width:1.5}</style><h1>Ramadan replay</h1><pre>");
        figures.forEach((k, v) -> page.append(k).append(" = ").append(v).append('\n'));
        page.append("</pre>");
        panel(page, rows, "Clicks acknowledged per second", 1, -1);
        panel(page, rows, "Batch latency per second, ms (green p50, orange p99)", 4, 5);
        panel(page, rows, "Ledger lag, ms (green) and sessions in play (orange, own scale)", 7, 3);
        return page.toString();
    }

    static void panel(StringBuilder page, List<long[]> rows, String title, int a, int b) {
        int w = 900;
        int h = 180;
        page.append("<h2>").append(title).append("</h2><svg width=").append(w).append(" height=").append(h).append('>');
        line(page, rows, a, w, h, "a");
        if (b >= 0) {
            line(page, rows, b, w, h, "b");
        }
        page.append("</svg>");
    }

    static void line(StringBuilder page, List<long[]> rows, int column, int w, int h, String style) {
        long max = Math.max(1, rows.stream().mapToLong(r -> r[column]).max().orElse(1));
        page.append("<polyline class=").append(style).append(" points='");
        for (int i = 0; i < rows.size(); i++) {
            page.append(i * (w - 10) / Math.max(1, rows.size() - 1) + 5).append(',')
                    .append(h - 5 - rows.get(i)[column] * (h - 25) / max).append(' ');
        }
        page.append("'/><text x=8 y=").append(style.equals("a") ? 14 : 30).append(" class=").append(style)
                .append(">max ").append(max).append("</text>");
    }
}
