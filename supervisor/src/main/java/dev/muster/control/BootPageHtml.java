package dev.muster.control;

/**
 * The HTML of the boot and failure pages: server-rendered (so it works without JavaScript), one
 * self-contained document. Its script polls {@code /_muster/boot} every second, redraws the table
 * and reloads the page when the stack's status changes, so the app appears by itself once ready.
 */
final class BootPageHtml {
    private BootPageHtml() {
    }

    static String render(BootSummary summary, String tail, boolean tokenRequired) {
        boolean failed = summary.failure() != null;
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        if (!failed) {
            html.append("<noscript><meta http-equiv=\"refresh\" content=\"").append(BootPage.REFRESH_SECONDS).append("\"></noscript>");
        }
        html.append("<title>").append(esc(summary.stack())).append(failed ? " failed" : " is starting").append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2em auto;max-width:56em;padding:0 1em;color:#222}")
                .append("table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3em .6em;border-bottom:1px solid #ddd}")
                .append(".ready{color:#17803d}.failed,.reason{color:#b3261e}pre{background:#f4f4f4;padding:1em;overflow:auto}")
                .append("small{color:#666}</style></head><body data-status=\"").append(esc(summary.status())).append("\">");
        if (failed) {
            html.append("<h1 id=\"title\">").append(esc(summary.stack())).append(" failed to start</h1>")
                    .append("<p>Required service <b id=\"failed-service\">").append(esc(summary.failure().service()))
                    .append("</b> failed: <span class=\"reason\" id=\"reason\">").append(esc(summary.failure().reason()))
                    .append("</span></p>");
        } else {
            html.append("<h1 id=\"title\">").append(esc(summary.stack())).append(" is starting</h1>")
                    .append("<p>Status: <b id=\"status\">").append(esc(summary.status())).append("</b>, for <span id=\"elapsed\">")
                    .append(seconds(summary.elapsedMs())).append("</span>. This page turns into the app once every"
                            + " required service is ready.</p>");
        }
        html.append("<table id=\"services\"><thead><tr><th>service</th><th>state</th><th>waits for</th><th>time</th>")
                .append("<th>detail</th></tr></thead><tbody>");
        for (BootSummary.Entry s : summary.services()) {
            html.append("<tr data-service=\"").append(esc(s.name())).append("\"><td>").append(esc(s.name()))
                    .append("</td><td class=\"state ").append(esc(s.state())).append("\">").append(esc(s.state()))
                    .append("</td><td class=\"waits\">").append(esc(String.join(", ", s.waitingFor())))
                    .append("</td><td class=\"time\">").append(seconds(s.elapsedMs()))
                    .append("</td><td class=\"detail\"><small>").append(esc(s.detail())).append("</small></td></tr>");
        }
        html.append("</tbody></table>");
        if (failed) {
            if (tail != null) {
                html.append("<h2>Last log lines of ").append(esc(summary.failure().service())).append("</h2><pre id=\"tail\">")
                        .append(esc(tail)).append("</pre>");
            } else {
                html.append("<p id=\"how-to-see-more\">The log tail and the full status are for the operator: open <code>")
                        .append("/_muster/?token=TOKEN</code> once (the token is the value of the variable named by")
                        .append(" <code>control.token_env</code>, or the file <code>control.token_file</code>), then this")
                        .append(" page again; or run <code>muster logs ").append(esc(summary.failure().service()))
                        .append("</code> inside the container.</p>");
            }
        } else {
            html.append("<script>").append(SCRIPT).append("</script>");
        }
        html.append("<p><small>muster").append(tokenRequired ? "" : " (loopback: no token needed)").append("</small></p>");
        return html.append("</body></html>\n").toString();
    }

    private static final String SCRIPT = """
            (function () {
              var first = document.body.dataset.status;
              function esc(t) { var d = document.createElement('div'); d.textContent = t; return d.innerHTML; }
              function secs(ms) { return (ms / 1000).toFixed(1) + 's'; }
              function tick() {
                fetch('/_muster/boot', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (s) {
                  if (s.status === 'ready' || (s.status !== first && (s.status === 'failed' || s.status === 'stopped'))) {
                    location.reload(); return;
                  }
                  document.getElementById('status').textContent = s.status;
                  document.getElementById('elapsed').textContent = secs(s.elapsedMs);
                  document.querySelector('#services tbody').innerHTML = s.services.map(function (e) {
                    return '<tr data-service="' + esc(e.name) + '"><td>' + esc(e.name) + '</td><td class="state ' + esc(e.state)
                      + '">' + esc(e.state) + '</td><td class="waits">' + esc(e.waitingFor.join(', ')) + '</td><td class="time">'
                      + secs(e.elapsedMs) + '</td><td class="detail"><small>' + esc(e.detail) + '</small></td></tr>';
                  }).join('');
                }).catch(function () {}).then(function () { setTimeout(tick, 1000); });
              }
              setTimeout(tick, 1000);
            })();
            """;

    private static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }

    static String esc(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
