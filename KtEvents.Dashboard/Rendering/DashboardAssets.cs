namespace KtEvents.Dashboard.Rendering;

/// <summary>
/// The stylesheet and the one script, served from the dashboard itself (no npm, no CDN) so the
/// pages can forbid inline scripts with their Content-Security-Policy.
/// </summary>
internal static class DashboardAssets
{
    public const string StylesheetPath = "/_dashboard/site.css";
    public const string ScriptPath = "/_dashboard/site.js";

    public const string Stylesheet = """
        :root {
          --bg: #fbfbfa; --fg: #1d2024; --muted: #6a707a; --line: #e3e5e8; --head: #f1f2f4;
          --link: #1858b8; --err: #c62828; --err-bg: #fdecea; --ok: #1e7d3a; --ok-bg: #e6f4ea;
          --warn: #9a6200; --warn-bg: #fff4de; --idle-bg: #eef0f3;
          --sans: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif;
          --mono: ui-monospace, "DejaVu Sans Mono", "Noto Sans Mono CJK KR", "Noto Sans CJK KR", Menlo, Consolas, monospace;
        }
        * { box-sizing: border-box; }
        [hidden] { display: none !important; }
        html { color-scheme: light; }
        body { margin: 0; background: var(--bg); color: var(--fg); font: 13px/1.45 var(--sans); }
        header { display: flex; align-items: center; gap: 24px; padding: 0 16px; height: 40px; background: #20252d; color: #fff; position: sticky; top: 0; z-index: 2; }
        .brand { font-weight: 600; letter-spacing: .02em; }
        nav { display: flex; gap: 4px; }
        nav a { color: #c9d1dc; text-decoration: none; padding: 6px 10px; border-radius: 4px; }
        nav a:hover { color: #fff; background: #323944; }
        nav a[aria-current] { color: #fff; background: #3b4452; }
        main { padding: 12px 16px 24px; }
        h1 { font-size: 16px; margin: 4px 0 10px; font-weight: 600; }
        h1 small { font-weight: 400; color: var(--muted); margin-left: 8px; font-size: 13px; }
        a { color: var(--link); }
        code, .mono { font-family: var(--mono); font-size: 12px; }
        .muted, .empty { color: var(--muted); }
        table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: var(--head); font-weight: 600; font-size: 12px; color: #3d434b; white-space: nowrap; }
        tbody tr:hover { background: #f6f8fb; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.nowrap { white-space: nowrap; }
        td.wrap { word-break: break-word; }
        .badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; line-height: 18px; white-space: nowrap; background: var(--idle-bg); }
        .badge.ok { background: var(--ok-bg); color: var(--ok); }
        .badge.warn { background: var(--warn-bg); color: var(--warn); }
        .badge.err { background: var(--err-bg); color: var(--err); }
        form.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin: 0 0 10px; }
        form.filters label { display: flex; flex-direction: column; font-size: 11px; color: var(--muted); gap: 2px; }
        input, select, button { font: inherit; padding: 3px 6px; border: 1px solid #c4c8ce; border-radius: 3px; background: #fff; color: var(--fg); }
        input[type=text], input[type=search], input[type=password] { min-width: 220px; }
        button { cursor: pointer; background: #f4f5f7; }
        button:hover { background: #e8eaee; }
        form.inline { display: inline; margin: 0; }
        .urls a { display: block; white-space: nowrap; }
        .chip { display: inline-block; padding: 0 6px; margin: 0 4px 2px 0; border-radius: 3px; font-size: 12px; line-height: 18px; color: #fff; background: var(--c, #607080); white-space: nowrap; }
        .c0 { --c: #3367d6; } .c1 { --c: #d9822b; } .c2 { --c: #2e9b5f; } .c3 { --c: #a142c2; } .c4 { --c: #c23b4f; } .c5 { --c: #178b9c; }
        .c6 { --c: #7a6a12; } .c7 { --c: #5d5fd0; } .c8 { --c: #b8578c; } .c9 { --c: #4f7a28; } .c10 { --c: #8a5a3c; } .c11 { --c: #39658a; }
        .console { background: #15181d; color: #d7dae0; font: 12px/1.5 var(--mono); padding: 6px 0; height: calc(100vh - 172px); overflow: auto; border-radius: 4px; }
        .console .ln { padding: 0 10px; white-space: pre-wrap; word-break: break-word; }
        .console .ln time { color: #6f7782; margin-right: 10px; user-select: none; }
        .console .ln.err { color: #ff8f8a; background: #2a1719; }
        .console .ln::before { content: ""; display: inline-block; width: 7.5ch; font-size: 10px; }
        .console .ln.err::before { content: "stderr"; color: #e0605a; }
        .status { font-size: 12px; color: var(--muted); }
        .status.live::before { content: "● "; color: #2e9b5f; }
        .summary { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 0 0 10px; }
        .summary .k { color: var(--muted); margin-right: 4px; }
        .waterfall { background: #fff; border: 1px solid var(--line); }
        .wf-head, .wf-row > summary { display: grid; grid-template-columns: minmax(280px, 36%) 1fr; }
        .wf-head { background: var(--head); font-size: 12px; font-weight: 600; color: #3d434b; border-bottom: 1px solid var(--line); }
        .wf-head > div { padding: 4px 8px; }
        .ticks { position: relative; display: flex; justify-content: space-between; font-weight: 400; font-variant-numeric: tabular-nums; }
        .wf-row { border-bottom: 1px solid #eef0f2; }
        .wf-row > summary { list-style: none; cursor: pointer; }
        .wf-row > summary::-webkit-details-marker { display: none; }
        .wf-row > summary:hover { background: #f6f8fb; }
        .wf-row[open] > summary { background: #eef3fb; }
        .wf-name { padding: 3px 8px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; border-right: 1px solid var(--line); }
        .wf-name .svc { font-size: 11px; margin-right: 6px; }
        .wf-name .err-mark { color: var(--err); font-weight: 700; margin-right: 4px; }
        .wf-track { position: relative; min-height: 22px; background-image: linear-gradient(to right, transparent calc(25% - 1px), #eef0f2 25%, transparent calc(25% + 1px), transparent calc(50% - 1px), #eef0f2 50%, transparent calc(50% + 1px), transparent calc(75% - 1px), #eef0f2 75%, transparent calc(75% + 1px)); }
        .bar { position: absolute; top: 4px; height: 14px; min-width: 2px; border-radius: 2px; background: var(--c, #607080); }
        .bar.error { outline: 2px solid var(--err); outline-offset: 0; }
        .bar-label { position: absolute; top: 3px; font-size: 11px; line-height: 16px; color: #3d434b; white-space: nowrap; padding: 0 4px; font-variant-numeric: tabular-nums; }
        .bar-label.inside { color: #fff; top: 3px; }
        .wf-detail { padding: 6px 12px 10px; background: #fafbfc; border-top: 1px solid #eef0f2; }
        .wf-detail table { width: auto; min-width: 50%; }
        .wf-detail td:first-child { font-family: var(--mono); font-size: 12px; color: #3d434b; white-space: nowrap; }
        .wf-detail h3 { font-size: 12px; margin: 8px 0 4px; color: var(--muted); font-weight: 600; }
        details.attrs summary { cursor: pointer; color: var(--muted); font-size: 12px; }
        details.attrs table { margin-top: 4px; width: auto; }
        .login { max-width: 460px; margin: 60px auto; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 20px 24px; }
        .login form { display: flex; gap: 8px; margin-top: 12px; }
        .login input { flex: 1; }
        .notice { padding: 8px 10px; border-radius: 4px; background: var(--warn-bg); color: var(--warn); margin: 0 0 10px; }
        .notice.err { background: var(--err-bg); color: var(--err); }
        """;

    public const string Script = """
        // The dashboard's only script: live updates where a page asks for them with a data attribute.
        "use strict";
        (() => {
          // Resources: re-render the table body every couple of seconds (the server sends encoded rows).
          const rows = document.querySelector("[data-refresh]");
          if (rows) {
            setInterval(async () => {
              if (document.hidden) return;
              try {
                const response = await fetch(rows.dataset.refresh, { credentials: "same-origin" });
                if (response.redirected) { location.reload(); return; }
                if (response.ok) rows.innerHTML = await response.text();
              } catch { /* the AppHost is restarting; try again on the next tick */ }
            }, 2500);
          }

          // Traces and logs: offer a refresh when an export brought something this page would show.
          const notice = document.querySelector("[data-telemetry]");
          if (notice) {
            const kind = notice.dataset.telemetry;
            const source = new EventSource("/telemetry/stream");
            source.addEventListener("change", event => {
              const change = JSON.parse(event.data);
              const relevant = kind === "logs" ? change.logsAdded > 0
                : kind === "trace" ? change.traceIds.includes(notice.dataset.trace)
                : change.spansAdded > 0;
              if (relevant) { notice.hidden = false; source.close(); }
            });
          }

          // Console: follow the resource's output over server-sent events.
          const tail = document.querySelector("[data-stream]");
          if (tail) {
            const status = document.getElementById("stream-status");
            const pad = n => String(n).padStart(2, "0");
            const clock = d => `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, "0")}`;
            tail.scrollTop = tail.scrollHeight;
            const source = new EventSource(tail.dataset.stream);
            source.addEventListener("line", event => {
              const line = JSON.parse(event.data);
              const atBottom = tail.scrollTop + tail.clientHeight >= tail.scrollHeight - 30;
              const row = document.createElement("div");
              row.className = line.isError ? "ln err" : "ln";
              const time = document.createElement("time");
              time.textContent = clock(new Date(line.timestamp));
              row.append(time, document.createTextNode(line.text));
              tail.append(row);
              tail.querySelector(".empty")?.remove();
              while (tail.childElementCount > 5000) tail.firstElementChild.remove();
              if (atBottom) tail.scrollTop = tail.scrollHeight;
            });
            source.addEventListener("ready", () => { status.textContent = "live"; status.className = "status live"; });
            source.onopen = () => { status.textContent = "live"; status.className = "status live"; };
            source.onerror = () => { status.textContent = "reconnecting…"; status.className = "status"; };
          }
        })();
        """;
}
