//! `chiso serve` as editors use it: the real binary on a free port, spoken
//! to over plain TCP. Every wait is bounded, and the server is killed when
//! a test ends, passed or not.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use crate::common::*;

/// The longest any step may take, even on a slow, busy CI machine.
const PATIENCE: Duration = Duration::from_secs(30);

/// A running `chiso serve`, killed on drop.
struct Server {
    child: Child,
    port: u16,
    lines: Receiver<String>,
    /// Every line received so far, in the order received (the two
    /// streams' lines may come in either order).
    received: Vec<String>,
}

impl Server {
    fn start(root: &Path) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_chiso"));
        command.args(["serve", "--port", "0", "--root"]).arg(root);
        Server::spawn(command)
    }

    /// Starts the server allowed only `limit` open file descriptors, as on
    /// a Mac (256 by default) but lower, so that a test reaches it quickly.
    fn start_with_fd_limit(root: &Path, limit: u32) -> Server {
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(format!(
                "ulimit -n {limit} && exec \"$0\" serve --port 0 --root \"$1\""
            ))
            .arg(env!("CARGO_BIN_EXE_chiso"))
            .arg(root);
        Server::spawn(command)
    }

    fn spawn(mut command: Command) -> Server {
        // English, as these assertions are written (the binary speaks
        // Vietnamese by default).
        let mut child = command
            .env("LC_ALL", "en_US.UTF-8")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cannot start chiso serve");
        let stdout = child.stdout.take().expect("no stdout");
        let stderr = child.stderr.take().expect("no stderr");
        // Both streams' lines, each in its order.
        let (sender, lines) = mpsc::channel();
        let forward = |stream: Box<dyn std::io::Read + Send>, sender: mpsc::Sender<String>| {
            thread::spawn(move || {
                for line in BufReader::new(stream).lines() {
                    let Ok(line) = line else { break };
                    if sender.send(line).is_err() {
                        break;
                    }
                }
            })
        };
        forward(Box::new(stdout), sender.clone());
        forward(Box::new(stderr), sender);
        let mut server = Server {
            child,
            port: 0,
            lines,
            received: Vec::new(),
        };
        let line = server.wait_for_line("Serving the site at http://127.0.0.1:");
        let port = line
            .rsplit(':')
            .next()
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        server.port = port;
        server
    }

    /// Waits for a line of output containing `text`.
    fn wait_for_line(&mut self, text: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.received.push(line.clone());
                    if line.contains(text) {
                        return line;
                    }
                }
                Err(_) => break,
            }
        }
        panic!("chiso serve never printed {text:?}");
    }

    fn get(&self, path: &str) -> Reply {
        get(self.port, path)
    }

    /// Requests `path` until `done` holds for the reply.
    fn poll(&self, path: &str, what: &str, done: impl Fn(&Reply) -> bool) -> Reply {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let reply = self.get(path);
            if done(&reply) {
                return reply;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Reply {
    status: u16,
    head: String,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }
}

/// A raw HTTP/1.0 GET: the request target is sent exactly as given.
fn get(port: u16, path: &str) -> Reply {
    send(
        port,
        &format!("GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n"),
    )
    .unwrap_or_else(|e| panic!("GET {path}: {e}"))
}

/// Sends `request` exactly as given and reads the reply to its end.
fn send(port: u16, request: &str) -> std::io::Result<Reply> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(PATIENCE))?;
    stream.write_all(request.as_bytes())?;
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes)?;
    parse_reply(&bytes)
}

fn parse_reply(bytes: &[u8]) -> std::io::Result<Reply> {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("no status in {head:?}")))?;
    Ok(Reply {
        status,
        head: head.to_owned(),
        body: body.to_owned(),
    })
}

/// The resident memory of a process in kB (Linux only).
fn resident_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn serves_the_site_with_content_types_404s_and_nothing_outside_it() {
    let site = fixture("minimal");
    put(
        site.path(),
        "static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    put(site.path(), "static/so-lieu/bang.csv", "Đơn vị;Điểm\n");
    let server = Server::start(site.path());

    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert!(home.body.contains("Khối thử nghiệm"), "{}", home.body);
    assert!(
        home.body.contains("/__chiso/events"),
        "no live-reload script"
    );
    // The links point at the server, not at the published base URL.
    assert!(!home.body.contains("https://example.gov.vn/"));

    for (path, content_type) in [
        ("/chiso.css", "text/css; charset=utf-8"),
        ("/logo.svg", "image/svg+xml"),
        ("/so-lieu/bang.csv", "text/csv; charset=utf-8"),
        ("/xep-hang/2023/khoi/", "text/html; charset=utf-8"),
    ] {
        let reply = server.get(path);
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.header("Content-Type"), Some(content_type), "{path}");
    }
    let css = server.get("/chiso.css");
    assert!(
        !css.body.contains("EventSource"),
        "script injected into CSS"
    );

    let folder = server.get("/xep-hang/2023/khoi");
    assert_eq!(folder.status, 301);
    assert_eq!(folder.header("Location"), Some("/xep-hang/2023/khoi/"));

    assert_eq!(server.get("/khong-co-trang-nay/").status, 404);

    let secret = std::fs::read_to_string(site.path().join("config.toml")).unwrap();
    for path in [
        "/config.toml",
        "/../config.toml",
        "/%2e%2e/config.toml",
        "/%2E%2E/%2e%2e/Cargo.toml",
        "/chi-so/../../config.toml",
        "/..%2fconfig.toml",
        "/..%5cconfig.toml",
    ] {
        let reply = server.get(path);
        assert_eq!(reply.status, 404, "{path}");
        assert!(
            !reply.body.contains(&secret),
            "{path} served the site's config"
        );
    }
}

#[test]
fn a_sites_404_page_is_served_with_status_404() {
    let site = fixture("minimal");
    put(
        site.path(),
        "templates/404.html",
        "<html><body><h1>Không tìm thấy</h1></body></html>",
    );
    let server = Server::start(site.path());
    let missing = server.get("/khong-co/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("<h1>Không tìm thấy</h1>"));
}

#[test]
fn rebuilds_on_change_reloads_the_page_and_keeps_the_last_good_site() {
    let site = fixture("minimal");
    let mut server = Server::start(site.path());

    // A browser tab listening for reloads.
    let mut events = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    events.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        events,
        "GET /__chiso/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .unwrap();
    let mut seen = String::new();
    let read_until = |events: &mut TcpStream, seen: &mut String, text: &str| {
        let mut buf = [0u8; 1024];
        while !seen.contains(text) {
            let n = events
                .read(&mut buf)
                .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"));
            assert!(n > 0, "the event stream closed before {text:?}");
            seen.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    };
    read_until(&mut events, &mut seen, "retry:");
    assert!(seen.contains("Content-Type: text/event-stream"), "{seen}");

    let home = site.path().join("content/_index.md");
    let text = std::fs::read_to_string(&home).unwrap();
    std::fs::write(&home, format!("{text}\nĐoạn văn mới viết thêm.\n")).unwrap();
    server.poll("/", "the new text", |r| {
        r.body.contains("Đoạn văn mới viết thêm.")
    });
    read_until(&mut events, &mut seen, "event: reload");
    let rebuilt = server.wait_for_line("Rebuilt after changes in content/_index.md");
    assert!(rebuilt.ends_with(" ms"), "no rebuild time in {rebuilt:?}");

    // A broken edit: the last good site stays, with the problem over it.
    let config = site.path().join("config.toml");
    let good_config = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{good_config}\ntitle_typo = \n")).unwrap();
    let broken = server.poll("/", "the error overlay", |r| {
        r.body.contains("chiso-overlay")
    });
    assert_eq!(broken.status, 200);
    assert!(
        broken.body.contains("Đoạn văn mới viết thêm."),
        "the last good site is gone"
    );
    assert!(
        broken.body.contains("config.toml"),
        "the overlay does not name the file"
    );
    server.wait_for_line("failed with 1 error; still serving the last good site");

    // Fixed again: the overlay goes.
    std::fs::write(&config, good_config).unwrap();
    server.poll("/", "the overlay to go", |r| {
        !r.body.contains("chiso-overlay")
    });

    // An edited article: open tabs are sent to its page, as hugo server does.
    read_until(&mut events, &mut seen, "event: reload");
    seen.clear();
    let article = site.path().join("content/tin-tuc/bai-mot.md");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(&article, format!("{text}\nMột câu mới.\n")).unwrap();
    read_until(&mut events, &mut seen, "data: /tin-tuc/bai-mot/");
    server.wait_for_line("content/tin-tuc/bai-mot.md");

    // A new slug: the tabs go to the article's new address, never to the
    // old one (gone, a "not found" page).
    seen.clear();
    let text = std::fs::read_to_string(&article).unwrap();
    let moved = text.replacen("+++\n", "+++\nslug = \"bai-mot-moi\"\n", 1);
    std::fs::write(&article, moved).unwrap();
    read_until(&mut events, &mut seen, "data: /tin-tuc/bai-mot-moi/");
    assert!(!seen.contains("data: /tin-tuc/bai-mot/"), "{seen}");
    assert_eq!(server.get("/tin-tuc/bai-mot-moi/").status, 200);
}

#[test]
fn a_site_broken_from_the_start_shows_its_errors_until_fixed() {
    let site = fixture("minimal");
    let units = site.path().join("data/units.toml");
    let good = std::fs::read_to_string(&units).unwrap();
    std::fs::write(&units, "[[unit]]\nid = 1\n").unwrap();
    let mut server = Server::start(site.path());
    let broken = server.get("/");
    assert_eq!(broken.status, 503);
    assert!(broken.body.contains("chiso-overlay"), "{}", broken.body);
    assert!(
        broken.body.contains("chưa có lần dựng nào thành công")
            && !broken.body.contains("bản dựng tốt gần nhất"),
        "{}",
        broken.body
    );
    assert!(
        broken.body.contains("data/units.toml:2:6"),
        "{}",
        broken.body
    );

    std::fs::write(&units, good).unwrap();
    server.wait_for_line("Rebuilt after changes in data/units.toml");
    let fixed = server.poll("/", "the site", |r| r.status == 200);
    assert!(fixed.body.contains("Khối thử nghiệm"));
    assert!(!fixed.body.contains("chiso-overlay"));
}

#[test]
fn the_reload_script_is_never_in_built_files_and_serve_explains_its_flags() {
    let site = fixture("minimal");
    let built = build_ok(site.path());
    for entry in walkdir::WalkDir::new(&built.out) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains("__chiso") && !text.contains("EventSource"),
                "{} has the live-reload script",
                entry.path().display()
            );
        }
    }
    let help = Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    for flag in ["--root", "--port", "--bind", "--no-drafts", "127.0.0.1"] {
        assert!(help.contains(flag), "serve --help does not explain {flag}");
    }
    let usage = Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(["serve", "--bind", "not-an-address"])
        .output()
        .unwrap();
    assert_eq!(usage.status.code(), Some(2));
    // An address this machine does not have (TEST-NET-1): the hint is
    // about the address, not the port.
    let absent = Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(["serve", "--port", "0", "--bind", "192.0.2.1", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&absent.stderr);
    assert_eq!(absent.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("--bind 0.0.0.0"), "{stderr}");
    assert!(!stderr.contains("--port N"), "{stderr}");
}

/// A rebuild whose warnings are the last one's counts them rather than
/// printing them again, which would bury the line that matters.
#[test]
fn the_same_warnings_are_not_printed_again() {
    let site = fixture("minimal");
    put(site.path(), "content/tin-tuc/anh.png", "not an article");
    // Started once the first build, which printed the warning, is done.
    let mut server = Server::start(site.path());
    let article = site.path().join("content/tin-tuc/bai-mot.md");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(&article, format!("{text}\nMột câu mới.\n")).unwrap();
    // Standard error and standard output, in either order.
    // The first build's warning may come through after the line saying
    // the server is ready (another stream): it is counted wherever it
    // comes, and must come once.
    let mut seen = Vec::new();
    while seen.len() < 2 {
        let line = server.wait_for_line("");
        if line.contains("(1 warning as in the last build, not printed again)")
            || line.contains("Rebuilt after changes in content/tin-tuc/bai-mot.md")
        {
            seen.push(line);
        }
    }
    let warned = |s: &Server| s.received.iter().filter(|l| l.contains("anh.png")).count();
    if warned(&server) == 0 {
        server.wait_for_line("anh.png");
    }
    assert_eq!(warned(&server), 1, "{:?}", server.received);
}

/// Polls `path` with fresh connections until it answers 200, tolerating
/// refused or dropped connections meanwhile.
fn answers_again(port: u16, path: &str) -> Reply {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let request = format!("GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
        let last = match send(port, &request) {
            Ok(reply) if reply.status == 200 => return reply,
            Ok(reply) => format!("status {}", reply.status),
            Err(e) => e.to_string(),
        };
        assert!(
            Instant::now() < deadline,
            "the server never answered {path} again ({last})"
        );
        thread::sleep(Duration::from_millis(100));
    }
}

/// How many file descriptors a process has open (Linux only).
fn open_descriptors(pid: u32) -> Option<usize> {
    Some(std::fs::read_dir(format!("/proc/{pid}/fd")).ok()?.count())
}

#[test]
fn running_out_of_file_descriptors_does_not_stop_the_server() {
    const LIMIT: u32 = 64;
    let site = fixture("minimal");
    let server = Server::start_with_fd_limit(site.path(), LIMIT);
    assert_eq!(server.get("/").status, 200);

    // Idle connections, as a browser's, a proxy's or a scanner's, until the
    // server has no descriptor left (or the kernel stops queueing them).
    let address = SocketAddr::from(([127, 0, 0, 1], server.port));
    let mut idle = Vec::new();
    while idle.len() < 200 {
        match TcpStream::connect_timeout(&address, Duration::from_millis(500)) {
            Ok(stream) => idle.push(stream),
            Err(_) => break,
        }
    }
    if let Some(pid) = open_descriptors(server.child.id()).map(|_| server.child.id()) {
        let deadline = Instant::now() + PATIENCE;
        while open_descriptors(pid).unwrap_or(0) < LIMIT as usize - 2 {
            assert!(
                Instant::now() < deadline,
                "the server never ran out of descriptors ({:?} open)",
                open_descriptors(pid)
            );
            thread::sleep(Duration::from_millis(50));
        }
    }
    drop(idle);

    // Once the connections are closed, it serves again.
    let home = answers_again(server.port, "/");
    assert!(home.body.contains("Khối thử nghiệm"));
    answers_again(server.port, "/chiso.css");
}

#[test]
fn a_huge_header_is_answered_431_without_reading_it_into_memory() {
    const MEGABYTES: usize = 32;
    let site = fixture("minimal");
    let server = Server::start(site.path());
    assert_eq!(server.get("/").status, 200);
    let pid = server.child.id();
    let before = resident_kb(pid);

    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    let mut writer = stream.try_clone().unwrap();
    let sender = thread::spawn(move || {
        let chunk = vec![b'a'; 1 << 20];
        let mut sent = 0;
        let mut send = |bytes: &[u8]| {
            let ok = writer.write_all(bytes).is_ok();
            sent += bytes.len() * usize::from(ok);
            ok
        };
        let _ = send(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: ")
            && (0..MEGABYTES).all(|_| send(&chunk))
            && send(b"\r\n\r\n");
        sent
    });
    let mut bytes = Vec::new();
    // The server may reset the connection after its reply, as the rest of
    // the header is never read; what was read until then is kept.
    let _ = stream.read_to_end(&mut bytes);
    let reply = parse_reply(&bytes).expect("no reply to a huge header");
    assert_eq!(reply.status, 431, "{}", reply.head);
    drop(stream);
    let sent = sender.join().unwrap();
    assert!(
        sent < MEGABYTES << 20,
        "the server read the whole {MEGABYTES} MB header"
    );
    if let (Some(before), Some(after)) = (before, resident_kb(pid)) {
        assert!(
            after < before + 8 * 1024,
            "memory grew from {before} kB to {after} kB"
        );
    }
    // And it still serves.
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn only_requests_naming_this_computer_are_answered() {
    let site = fixture("minimal");
    let server = Server::start(site.path());
    let port = server.port;
    let request = |path: &str, host: &str| {
        let text = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        send(port, &text).unwrap_or_else(|e| panic!("{host}{path}: {e}"))
    };
    for host in [
        "127.0.0.1".to_owned(),
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LOCALHOST:{port}"),
        "localhost".to_owned(),
    ] {
        let reply = request("/", &host);
        assert_eq!(reply.status, 200, "Host: {host}");
        assert!(reply.body.contains("Khối thử nghiệm"), "Host: {host}");
    }
    // A page of another site whose name was made to lead to 127.0.0.1
    // (DNS rebinding) must not read the preview.
    for host in [
        "evil.example".to_owned(),
        format!("evil.example:{port}"),
        format!("127.0.0.1.evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("10.0.0.1:{port}"),
    ] {
        for path in ["/", "/chiso.css", "/__chiso/events", "/khong-co/"] {
            let reply = request(path, &host);
            assert!(
                matches!(reply.status, 403 | 421),
                "Host: {host} {path} got {}",
                reply.status
            );
            assert!(!reply.body.contains("Khối thử nghiệm"), "Host: {host}");
            assert!(!reply.head.contains("text/event-stream"), "Host: {host}");
        }
    }
}

#[test]
fn a_path_starting_with_two_slashes_never_redirects_off_the_site() {
    let site = fixture("minimal");
    let server = Server::start(site.path());
    // Today's folders redirect to their canonical URL on this site.
    let folder = server.get("//xep-hang/2023/khoi");
    assert_eq!(folder.status, 301);
    assert_eq!(folder.header("Location"), Some("/xep-hang/2023/khoi/"));
    for path in [
        "//evil.example/",
        "//evil.example",
        "///evil.example/",
        "//xep-hang",
        "//tin-tuc",
        "/%2fevil.example/",
        "//evil.example/%2e%2e/",
    ] {
        let reply = server.get(path);
        if let Some(location) = reply.header("Location") {
            assert!(
                location.starts_with('/')
                    && !location.starts_with("//")
                    && !location.starts_with("/\\"),
                "{path} redirects to {location}"
            );
        }
    }
}

#[test]
fn deleting_an_article_removes_its_page() {
    let site = fixture("minimal");
    let article = "content/tin-tuc/bai-hai.md";
    put(
        site.path(),
        article,
        "+++\ntitle = \"Bài hai\"\ndate = 2024-05-09\n+++\nSẽ bị xoá.\n",
    );
    let mut server = Server::start(site.path());
    assert_eq!(server.get("/tin-tuc/bai-hai/").status, 200);

    std::fs::remove_file(site.path().join(article)).unwrap();
    let gone = server.poll("/tin-tuc/bai-hai/", "the page to go", |r| r.status == 404);
    assert!(!gone.body.contains("chiso-overlay"), "{}", gone.body);
    server.wait_for_line(&format!("Rebuilt after changes in {article}"));
    let list = server.get("/tin-tuc/");
    assert_eq!(list.status, 200);
    assert!(!list.body.contains("Bài hai"), "the list still has it");
    assert!(!list.body.contains("chiso-overlay"), "a false error shows");
}

#[test]
fn the_preview_shows_drafts_marked_as_drafts() {
    let site = fixture("minimal");
    let server = Server::start(site.path());
    let draft = server.get("/tin-tuc/ban-nhap/");
    assert_eq!(draft.status, 200, "{}", draft.body);
    assert!(
        draft.body.contains("class=\"draft-badge\">Bản nháp<"),
        "{}",
        draft.body
    );
    let list = server.get("/tin-tuc/");
    assert!(list.body.contains("draft-badge"), "{}", list.body);
}

/// The whole-site downloads are made when first asked for, and always from
/// the site being served: after an edit, a request gets the edited figure.
#[test]
fn the_all_tables_download_is_made_on_request_from_the_site_served() {
    let site = fixture("minimal");
    let mut server = Server::start(site.path());
    let path = "/du-lieu/tat-ca-cac-bang.csv";
    let before = server.get(path);
    assert_eq!(before.status, 200);
    assert_eq!(
        before.header("Content-Type"),
        Some("text/csv; charset=utf-8")
    );
    assert!(before.body.contains("don-vi-a"), "{}", before.body);
    assert!(!before.body.contains("77.5"), "{}", before.body);

    let results = site.path().join("data/results/2023/khoi.toml");
    let text = std::fs::read_to_string(&results).unwrap();
    std::fs::write(&results, text.replacen("score = 90", "score = 77.5", 1)).unwrap();
    server.wait_for_line("Rebuilt after changes in");
    let after = server.get(path);
    assert_eq!(after.status, 200);
    assert!(
        after.body.contains("77.5"),
        "a stale download: {}",
        after.body
    );
}

#[test]
fn a_template_edit_shows_the_open_page_first_and_never_a_page_of_before() {
    let site = fixture("minimal");
    let server = Server::start(site.path());
    let article = server.get("/tin-tuc/bai-mot/");
    assert_eq!(article.status, 200);

    // A browser tab on the home page, listening for reloads (its script
    // names the page it is on: `encodeURIComponent(location.pathname)`).
    let mut events = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    events.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        events,
        "GET /__chiso/events?page=%2F HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .unwrap();
    let mut seen = String::new();
    let mut read_until = |text: &str| {
        let mut buf = [0u8; 1024];
        while !seen.contains(text) {
            let n = events
                .read(&mut buf)
                .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"));
            assert!(n > 0, "the event stream closed before {text:?}");
            seen.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    };
    read_until("retry:");

    // Every page's footer changes.
    let footer = chiso::render::DEFAULT_TEMPLATES
        .iter()
        .find(|(name, _)| *name == "partials/footer.html")
        .unwrap()
        .1;
    let templates = site.path().join("templates/partials");
    std::fs::create_dir_all(&templates).unwrap();
    let marked = footer.replacen("</", "<!-- chân trang mới --></", 1);
    std::fs::write(templates.join("footer.html"), marked).unwrap();
    read_until("event: reload");
    // Once told to reload, neither the open page nor any other is served
    // as it was before the edit.
    for path in ["/", "/tin-tuc/bai-mot/"] {
        let page = server.get(path);
        assert_eq!(page.status, 200, "{path}");
        assert!(
            page.body.contains("chân trang mới"),
            "{path} was served as before the edit"
        );
    }
}
