//! What the preview server answers to a request path: a file of the last
//! good build (with the live-reload script injected into HTML; a whole-site
//! download is made then, on the first request for one), a redirect
//! to a folder's canonical URL, the site's `404.html`, or the event stream.
//! Pure functions over an in-memory site, so every rule is unit-tested here.

use std::collections::HashSet;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use crate::render::escape;
use crate::session::{Files, Later};

/// The path of the Server-Sent Events stream that tells pages to reload.
pub const EVENTS_PATH: &str = "/__chiso/events";

/// What the server knows at a moment: the last good site and, when the
/// latest build failed, its diagnostics.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Files of the last successful build, by output path (while a
    /// rebuild goes on, `settling` has files over them).
    pub site: Option<Arc<Files>>,
    /// Its whole-site downloads, made on the first request for one.
    pub later: Later,
    /// The diagnostics of the latest build when it failed, as plain text.
    pub error: Option<String>,
    /// A rebuild under way that has shown the pages open first.
    pub settling: Option<Settling>,
}

/// A rebuild under way: the files made again so far, served over `site`;
/// the files served as the rebuild will leave them; and the signal that it
/// ended.
#[derive(Debug, Clone)]
pub struct Settling {
    pub fresh: Arc<Files>,
    pub settled: Arc<HashSet<String>>,
    pub finished: Arc<Finished>,
}

/// Set once a rebuild ended; requests that must not get a file of before
/// the rebuild wait for it.
#[derive(Debug, Default)]
pub struct Finished {
    done: Mutex<bool>,
    ended: Condvar,
}

impl Finished {
    pub fn set(&self) {
        *self.done.lock().unwrap_or_else(|p| p.into_inner()) = true;
        self.ended.notify_all();
    }

    /// Waits until set, at most `timeout`.
    pub fn wait(&self, timeout: Duration) {
        let done = self.done.lock().unwrap_or_else(|p| p.into_inner());
        let _ = self
            .ended
            .wait_timeout_while(done, timeout, |done| !*done)
            .map_err(|p| p.into_inner());
    }
}

/// Whether a request must wait for the rebuild under way to end before it
/// is answered: while one goes on, only the files it settled are served
/// at once (the pages open in a browser, the assets), never a page of
/// before the edit.
pub fn must_wait(url: &str, snapshot: &Snapshot) -> bool {
    let Some(settling) = &snapshot.settling else {
        return false;
    };
    let path = url.split(['?', '#']).next().unwrap_or("");
    if path == EVENTS_PATH {
        return false;
    }
    output_key(path).is_some_and(|key| !settling.settled.contains(&key))
}

/// The output path of the page an event stream was opened from: its
/// `page` query parameter is the page's URL path as the browser requests
/// it, encoded once more.
pub fn event_page(url: &str) -> Option<String> {
    let (_, query) = url.split_once('?')?;
    let page = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("page="))?;
    output_key(&crate::links::percent_decode(page)?)
}

/// The answer to one request.
#[derive(Debug, PartialEq, Eq)]
pub enum Reply {
    /// A body with its status and content type.
    Body {
        status: u16,
        content_type: &'static str,
        body: Vec<u8>,
    },
    /// A permanent redirect to the given path (`/tin-tuc` → `/tin-tuc/`).
    Redirect(String),
    /// The live-reload event stream.
    Events,
}

/// Answers a GET for `url` (the raw request target, query included).
pub fn reply(url: &str, snapshot: &Snapshot) -> Reply {
    let path = url.split(['?', '#']).next().unwrap_or("");
    if path == EVENTS_PATH {
        return Reply::Events;
    }
    let Some(site) = &snapshot.site else {
        return html(503, no_site_page(), snapshot);
    };
    let Some(key) = output_key(path) else {
        return not_found(site, snapshot);
    };
    let fresh = snapshot.settling.as_ref().map(|s| &*s.fresh);
    let file = |key: &str| fresh.and_then(|f| f.get(key)).or_else(|| site.get(key));
    if let Some(bytes) = file(&key).cloned().or_else(|| snapshot.later.get(&key)) {
        let content_type = content_type(&key);
        if content_type.starts_with("text/html") {
            return html(200, bytes.to_vec(), snapshot);
        }
        return Reply::Body {
            status: 200,
            content_type,
            body: bytes.to_vec(),
        };
    }
    if !key.ends_with("index.html") && file(&format!("{key}/index.html")).is_some() {
        return Reply::Redirect(folder_url(path, &url[path.len()..]));
    }
    not_found(site, snapshot)
}

/// The canonical URL of the folder a request path names, on this site:
/// `/tin-tuc` and `//tin-tuc` → `/tin-tuc/` (a `Location` starting `//`
/// would lead to another site, the host `tin-tuc`). Built from the request
/// as sent, which has no line breaks to smuggle into a header.
fn folder_url(path: &str, query: &str) -> String {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let query = if query.starts_with('?') { query } else { "" };
    format!("/{}/{query}", segments.join("/"))
}

/// The output path a request path names, or `None` when it is not one that
/// can be inside the output: a malformed escape, a `..` or `.` segment
/// (encoded or not), a backslash or a NUL byte.
pub fn output_key(path: &str) -> Option<String> {
    let decoded = crate::links::percent_decode(path)?;
    let rest = decoded.strip_prefix('/')?;
    let mut segments = Vec::new();
    for segment in rest.split('/') {
        if segment == ".." || segment == "." || segment.contains(['\\', '\0']) {
            return None;
        }
        if !segment.is_empty() {
            segments.push(segment);
        }
    }
    let folder = rest.is_empty() || rest.ends_with('/');
    if folder {
        segments.push("index.html");
    }
    Some(segments.join("/"))
}

/// The content type for an output path, by extension.
pub fn content_type(path: &str) -> &'static str {
    let extension = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

fn not_found(site: &Files, snapshot: &Snapshot) -> Reply {
    let body = site.get("404.html").map(|b| b.to_vec()).unwrap_or_else(|| {
        page(
            "Không tìm thấy trang",
            "<p>Trang này không có trong bản dựng hiện tại.</p>",
        )
    });
    html(404, body, snapshot)
}

/// The page a request for a host the preview does not answer gets.
pub fn refused_host_page(answered: &str) -> Vec<u8> {
    page(
        crate::messages::host_refused_title(),
        &crate::messages::host_refused(answered),
    )
}

fn no_site_page() -> Vec<u8> {
    page(
        "Chưa dựng được trang",
        "<p>Bản dựng đầu tiên bị lỗi; sửa lỗi và trang sẽ tự tải lại.</p>",
    )
}

fn page(title: &str, body: &str) -> Vec<u8> {
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\n<body><h1>{title}</h1>{body}</body></html>\n"
    )
    .into_bytes()
}

fn html(status: u16, body: Vec<u8>, snapshot: &Snapshot) -> Reply {
    Reply::Body {
        status,
        content_type: "text/html; charset=utf-8",
        body: inject(body, snapshot.error.as_deref(), snapshot.site.is_some()),
    }
}

/// The script that reloads the page when the server says the site changed.
const RELOAD_SCRIPT: &str = concat!(
    "<script>(function(){var s=new EventSource(\"/__chiso/events?page=\"+encodeURIComponent(location.pathname));",
    "s.addEventListener(\"reload\",function(e){s.close();",
    "if(e.data&&e.data!==location.pathname){location.href=e.data;}else{location.reload();}});})();</script>"
);

/// Adds the live-reload script, and the overlay when the latest build
/// failed, before the page's last `</body>` (or at its end). `built` says
/// whether an earlier build succeeded, so the overlay says what is shown.
pub fn inject(mut page: Vec<u8>, error: Option<&str>, built: bool) -> Vec<u8> {
    let mut extra = String::new();
    if let Some(error) = error {
        extra.push_str(&overlay(error, built));
    }
    extra.push_str(RELOAD_SCRIPT);
    let at = find_last(&page, b"</body>").unwrap_or(page.len());
    page.splice(at..at, extra.into_bytes());
    page
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

/// A fixed panel over the page with the build's diagnostics; its title
/// says whether the page under it is the last good build or nothing yet.
fn overlay(error: &str, built: bool) -> String {
    let title = if built {
        "Lỗi khi dựng trang: đang hiển thị bản dựng tốt gần nhất"
    } else {
        "Lỗi khi dựng trang: chưa có lần dựng nào thành công"
    };
    format!(
        concat!(
            "<div id=\"chiso-overlay\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;",
            "overflow:auto;background:rgba(20,20,20,.94);color:#fff;padding:2rem;font:14px/1.5 monospace\">",
            "<h2 style=\"color:#ff8a80;margin-top:0\">{}</h2>",
            "<p>Sửa lỗi rồi lưu tệp; trang sẽ tự tải lại.</p>",
            "<pre style=\"white-space:pre-wrap\">{}</pre></div>"
        ),
        title,
        escape(error)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn while_a_rebuild_settles_only_what_it_settled_is_served_at_once() {
        let mut snapshot = Snapshot {
            site: Some(Arc::default()),
            ..Snapshot::default()
        };
        assert!(!must_wait("/don-vi/a/", &snapshot), "no rebuild under way");
        snapshot.settling = Some(Settling {
            fresh: Arc::default(),
            settled: Arc::new(["index.html".to_owned(), "chiso.css".to_owned()].into()),
            finished: Arc::default(),
        });
        for url in ["/", "/?x=1", "/chiso.css", "/__chiso/events?page=%2F"] {
            assert!(!must_wait(url, &snapshot), "{url} waited");
        }
        for url in [
            "/don-vi/a/",
            "/don-vi",
            "/du-lieu/tat-ca-cac-bang.csv",
            "/404.html",
        ] {
            assert!(must_wait(url, &snapshot), "{url} did not wait");
        }
    }

    #[test]
    fn while_a_rebuild_settles_the_pages_made_again_are_served_over_the_site() {
        let mut shown = snapshot(&[("index.html", "<p>cũ</p>"), ("a/index.html", "<p>a</p>")]);
        let fresh = [
            ("index.html", "<p>mới</p>"),
            ("moi/index.html", "<p>trang mới</p>"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), Arc::from(v.as_bytes())))
        .collect();
        shown.settling = Some(Settling {
            fresh: Arc::new(fresh),
            settled: Arc::default(),
            finished: Arc::default(),
        });
        assert!(body_of(reply("/", &shown)).2.contains("mới"));
        assert!(body_of(reply("/a/", &shown)).2.contains("<p>a</p>"));
        assert_eq!(reply("/moi", &shown), Reply::Redirect("/moi/".into()));
        assert!(body_of(reply("/moi/", &shown)).2.contains("trang mới"));
    }

    #[test]
    fn a_finished_rebuild_wakes_the_requests_waiting_for_it() {
        let finished = Arc::new(Finished::default());
        let waiter = {
            let finished = Arc::clone(&finished);
            std::thread::spawn(move || finished.wait(Duration::from_secs(60)))
        };
        finished.set();
        waiter.join().unwrap();
        // Set already: no wait at all.
        finished.wait(Duration::from_secs(60));
    }

    #[test]
    fn an_event_stream_names_the_page_it_was_opened_from() {
        let page = |url| event_page(url);
        assert_eq!(
            page("/__chiso/events?page=%2F").as_deref(),
            Some("index.html")
        );
        assert_eq!(
            page("/__chiso/events?x=1&page=%2Fdon-vi%2Fa%2F").as_deref(),
            Some("don-vi/a/index.html")
        );
        // A path the browser sent encoded is encoded once more.
        assert_eq!(
            page("/__chiso/events?page=%2Fth%25E1%25BA%25BB%2F").as_deref(),
            Some("th\u{1ebb}/index.html")
        );
        assert_eq!(page("/__chiso/events"), None);
        assert_eq!(page("/__chiso/events?page=%2F..%2Fx"), None);
    }

    fn snapshot(files: &[(&str, &str)]) -> Snapshot {
        let site = files
            .iter()
            .map(|(k, v)| ((*k).to_owned(), Arc::from(v.as_bytes())))
            .collect();
        Snapshot {
            site: Some(Arc::new(site)),
            later: Later::default(),
            error: None,
            settling: None,
        }
    }

    fn body_of(reply: Reply) -> (u16, &'static str, String) {
        match reply {
            Reply::Body {
                status,
                content_type,
                body,
            } => (status, content_type, String::from_utf8(body).unwrap()),
            other => panic!("expected a body, got {other:?}"),
        }
    }

    #[test]
    fn paths_map_to_output_files() {
        assert_eq!(output_key("/").as_deref(), Some("index.html"));
        assert_eq!(
            output_key("/tin-tuc/").as_deref(),
            Some("tin-tuc/index.html")
        );
        assert_eq!(output_key("/chiso.css").as_deref(), Some("chiso.css"));
        assert_eq!(
            output_key("/%C4%91%E1%BB%8Bnh.csv").as_deref(),
            Some("định.csv")
        );
    }

    #[test]
    fn traversal_in_any_spelling_is_refused() {
        for path in [
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/%2E%2E/Cargo.toml",
            "/a/../../Cargo.toml",
            "/a/%2e%2e%2fCargo.toml",
            "/..%5cCargo.toml",
            "/%00",
            "/%zz",
            "/%ff",
            "Cargo.toml",
        ] {
            assert_eq!(output_key(path), None, "{path}");
        }
    }

    #[test]
    fn html_gets_the_reload_script_and_other_files_do_not() {
        let site = snapshot(&[
            ("index.html", "<html><body><p>Xin chào</p></body></html>"),
            ("logo.svg", "<svg></svg>"),
        ]);
        let (status, ct, body) = body_of(reply("/?x=1", &site));
        assert_eq!((status, ct), (200, "text/html; charset=utf-8"));
        assert!(body.ends_with("</script></body></html>"), "{body}");
        assert!(body.contains(EVENTS_PATH));
        let (_, ct, body) = body_of(reply("/logo.svg", &site));
        assert_eq!((ct, body.as_str()), ("image/svg+xml", "<svg></svg>"));
    }

    #[test]
    fn missing_pages_get_the_sites_404_with_status_404() {
        let site = snapshot(&[("404.html", "<body>Không có</body>"), ("a/index.html", "")]);
        let (status, _, body) = body_of(reply("/khong-co/", &site));
        assert_eq!(status, 404);
        assert!(body.starts_with("<body>Không có"));
        assert_eq!(reply("/a", &site), Reply::Redirect("/a/".into()));
        assert_eq!(reply("/a?x=1", &site), Reply::Redirect("/a/?x=1".into()));
        let (status, _, _) = body_of(reply("/%2e%2e/Cargo.toml", &site));
        assert_eq!(status, 404);
    }

    #[test]
    fn redirects_never_leave_the_site() {
        let site = snapshot(&[("a/b/index.html", ""), ("evil.example/index.html", "")]);
        for (path, location) in [
            ("//a/b", "/a/b/"),
            ("///a//b", "/a/b/"),
            ("//evil.example", "/evil.example/"),
            ("/%2fevil.example", "/%2fevil.example/"),
        ] {
            assert_eq!(
                reply(path, &site),
                Reply::Redirect(location.into()),
                "{path}"
            );
        }
    }

    #[test]
    fn a_failed_build_shows_its_diagnostics_over_the_last_good_page() {
        let mut site = snapshot(&[("index.html", "<body>cũ</body>")]);
        site.error = Some("error: unit `<x>` is not defined".into());
        let (status, _, body) = body_of(reply("/", &site));
        assert_eq!(status, 200);
        assert!(body.contains("cũ"));
        assert!(body.contains("chiso-overlay"));
        assert!(body.contains("unit `&lt;x&gt;` is not defined"));
    }

    #[test]
    fn content_types_cover_the_sites_files() {
        for (path, want) in [
            ("a.css", "text/css; charset=utf-8"),
            ("a.js", "text/javascript; charset=utf-8"),
            ("a.json", "application/json"),
            ("feed.xml", "application/xml"),
            ("data.csv", "text/csv; charset=utf-8"),
            ("a.SVG", "image/svg+xml"),
            ("a.bin", "application/octet-stream"),
        ] {
            assert_eq!(content_type(path), want, "{path}");
        }
    }
}
