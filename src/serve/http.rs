//! The little HTTP/1.1 the preview needs: reading one request's head within
//! a size limit, and writing one reply. The server answers GET and HEAD of
//! files held in memory and one event stream, one request per connection
//! (`Connection: close`), so there are no bodies, no keep-alive and no
//! chunking to get wrong. Parsing is pure and unit-tested here; deadlines
//! are the reader's business (see `connections::Timed`).

use std::io::{self, Read, Write};

/// The largest request head read: the request line and every header. A
/// browser sends 1–2 KB; past this the request is answered 431 (or 414 when
/// the request line alone is that long) without reading the rest.
pub const MAX_HEAD: usize = 16 * 1024;

/// A request's head, as far as the preview cares.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The path and query (`/tin-tuc/?q=1`), in origin form even when the
    /// request named a whole URL (`GET http://localhost:1111/ HTTP/1.1`).
    pub target: String,
    /// The host the request is for: the authority of a whole-URL target,
    /// else the `Host` header (which HTTP/1.1 requires).
    pub host: Option<String>,
}

/// Why no request could be read.
#[derive(Debug, PartialEq, Eq)]
pub enum HeadError {
    /// The connection closed, failed or ran out of time before a whole head
    /// came: there is no one to answer.
    Gone,
    /// The request line alone is longer than [`MAX_HEAD`].
    UriTooLong,
    /// The head is longer than [`MAX_HEAD`].
    TooLarge,
    /// Not an HTTP/1 request.
    Malformed,
    /// An HTTP version other than 1.0 and 1.1.
    Version,
}

impl HeadError {
    /// The status to answer with, if anyone is listening.
    pub fn status(&self) -> Option<u16> {
        match self {
            HeadError::Gone => None,
            HeadError::UriTooLong => Some(414),
            HeadError::TooLarge => Some(431),
            HeadError::Malformed => Some(400),
            HeadError::Version => Some(505),
        }
    }
}

/// Reads a request's head, never more than [`MAX_HEAD`] bytes. Bytes after
/// the head (a body nobody asked for) may have been read and are ignored.
pub fn read_head(reader: &mut impl Read) -> Result<Request, HeadError> {
    let mut buffer = vec![0u8; MAX_HEAD];
    let mut filled = 0;
    loop {
        let read = match reader.read(&mut buffer[filled..]) {
            Ok(0) => return Err(HeadError::Gone),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return Err(HeadError::Gone),
        };
        // Each byte is looked at once: a client sending a byte at a time
        // costs no rescanning.
        if let Some(end) = head_end(&buffer[..filled + read], filled) {
            return parse_head(&buffer[..end]);
        }
        filled += read;
        if filled == buffer.len() {
            return Err(if buffer.contains(&b'\n') {
                HeadError::TooLarge
            } else {
                HeadError::UriTooLong
            });
        }
    }
}

/// The length of the head (up to and including the empty line that ends
/// it) if `bytes` hold all of it, looking for line ends from `from` on.
fn head_end(bytes: &[u8], from: usize) -> Option<usize> {
    (from..bytes.len()).find_map(|i| {
        let ends = bytes[i] == b'\n'
            && i > 0
            && (bytes[i - 1] == b'\n' || (i > 1 && &bytes[i - 2..i] == b"\n\r"));
        ends.then_some(i + 1)
    })
}

/// Parses a complete head (`\r\n` or bare `\n` line ends).
pub fn parse_head(head: &[u8]) -> Result<Request, HeadError> {
    let mut lines = head
        .split(|&b| b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
        // Robustness (RFC 9112, 2.2): empty lines before the request line.
        .skip_while(|line| line.is_empty());
    let request_line = lines.next().ok_or(HeadError::Malformed)?;
    let request_line = std::str::from_utf8(request_line).map_err(|_| HeadError::Malformed)?;
    if !request_line
        .bytes()
        .all(|b| b.is_ascii_graphic() || b == b' ')
    {
        return Err(HeadError::Malformed);
    }
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(HeadError::Malformed);
    };
    if method.is_empty() || !method.bytes().all(is_token) || target.is_empty() {
        return Err(HeadError::Malformed);
    }
    let http11 = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        v if v.starts_with("HTTP/") => return Err(HeadError::Version),
        _ => return Err(HeadError::Malformed),
    };

    let mut host = None;
    for line in lines.take_while(|line| !line.is_empty()) {
        let colon = line
            .iter()
            .position(|&b| b == b':')
            .ok_or(HeadError::Malformed)?;
        let (name, value) = (&line[..colon], &line[colon + 1..]);
        // No name, or white space before the colon or at the start of the
        // line (obsolete line folding): refused, as RFC 9112 asks.
        if name.is_empty() || !name.iter().copied().all(is_token) {
            return Err(HeadError::Malformed);
        }
        if name.eq_ignore_ascii_case(b"host") {
            let value = std::str::from_utf8(value).map_err(|_| HeadError::Malformed)?;
            if host.replace(value.trim().to_owned()).is_some() {
                return Err(HeadError::Malformed);
            }
        }
    }
    if http11 && host.is_none() {
        return Err(HeadError::Malformed);
    }

    let (target, authority) = origin_form(target);
    Ok(Request {
        method: method.to_owned(),
        target,
        host: authority.or(host),
    })
}

/// A whole-URL target (`http://host/path`) split into its path and its
/// authority, which then stands for the `Host` header; other targets as
/// they are.
fn origin_form(target: &str) -> (String, Option<String>) {
    let lower = target.to_ascii_lowercase();
    let Some(scheme) = ["http://", "https://"]
        .into_iter()
        .find(|s| lower.starts_with(s))
    else {
        return (target.to_owned(), None);
    };
    let rest = &target[scheme.len()..];
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    let path = if path.starts_with('/') {
        path.to_owned()
    } else {
        format!("/{path}")
    };
    (path, Some(authority.to_owned()))
}

/// A character allowed in a method or a header name (RFC 9110 `tchar`).
fn is_token(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// Writes a whole reply: status line, the headers given, `Content-Length`
/// and `Connection: close`, then the body unless the request was a HEAD.
/// A header whose value would break the head (a line break) is left out.
pub fn write_reply(
    out: &mut impl Write,
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
    head_only: bool,
) -> io::Result<()> {
    let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (name, value) in headers {
        if !value.contains(['\r', '\n']) {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    out.write_all(head.as_bytes())?;
    if !head_only {
        out.write_all(body)?;
    }
    out.flush()
}

/// The reason phrase of the statuses the preview answers with.
pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader handing out its bytes a few at a time, as a network does.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(buf.len()).min(self.1);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn read(bytes: &[u8]) -> Result<Request, HeadError> {
        read_head(&mut Trickle(bytes, 3))
    }

    #[test]
    fn a_browsers_request_is_read() {
        let request = read(
            b"GET /tin-tuc/?q=1 HTTP/1.1\r\nHost: localhost:1111\r\nUser-Agent: x\r\n\r\nbody",
        )
        .unwrap();
        assert_eq!(
            request,
            Request {
                method: "GET".into(),
                target: "/tin-tuc/?q=1".into(),
                host: Some("localhost:1111".into()),
            }
        );
        // Bare line ends, leading empty lines, HTTP/1.0 without a Host.
        let request = read(b"\r\nHEAD / HTTP/1.0\nAccept: */*\n\n").unwrap();
        assert_eq!((request.method.as_str(), request.host), ("HEAD", None));
    }

    #[test]
    fn a_whole_url_target_names_the_host() {
        let request =
            read(b"GET http://evil.example/a?b HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
        assert_eq!(request.target, "/a?b");
        assert_eq!(request.host.as_deref(), Some("evil.example"));
        let request = read(b"GET HTTP://127.0.0.1:1111 HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        assert_eq!(request.target, "/");
        assert_eq!(request.host.as_deref(), Some("127.0.0.1:1111"));
    }

    #[test]
    fn a_head_past_the_limit_is_refused_without_reading_on() {
        let mut long_header = b"GET / HTTP/1.1\r\nHost: a\r\nX-Long: ".to_vec();
        long_header.extend(std::iter::repeat_n(b'a', 10 * MAX_HEAD));
        let mut reader = Trickle(&long_header, 1000);
        assert_eq!(read_head(&mut reader), Err(HeadError::TooLarge));
        // It stopped at the limit.
        assert_eq!(reader.0.len(), long_header.len() - MAX_HEAD);
        assert_eq!(HeadError::TooLarge.status(), Some(431));

        let mut long_line = b"GET /".to_vec();
        long_line.extend(std::iter::repeat_n(b'a', 2 * MAX_HEAD));
        assert_eq!(read(&long_line), Err(HeadError::UriTooLong));
        assert_eq!(HeadError::UriTooLong.status(), Some(414));

        // Just under the limit is fine.
        let mut fits = b"GET / HTTP/1.1\r\nHost: a\r\nX: ".to_vec();
        fits.resize(MAX_HEAD - 4, b'a');
        fits.extend_from_slice(b"\r\n\r\n");
        assert!(read(&fits).is_ok());
    }

    #[test]
    fn what_is_not_http_1_is_refused() {
        for bad in [
            &b"GET /\r\n\r\n"[..],
            b"GET  / HTTP/1.1\r\nHost: a\r\n\r\n",
            b"GET / HTTP/1.1 x\r\nHost: a\r\n\r\n",
            b"G(T / HTTP/1.1\r\nHost: a\r\n\r\n",
            b"GET /\x01 HTTP/1.1\r\nHost: a\r\n\r\n",
            b"GET /\xc3\xa1 HTTP/1.1\r\nHost: a\r\n\r\n",
            b"GET / HTTP/1.1\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost : a\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: a\r\nno colon\r\n\r\n",
            b"GET / FTP/1.1\r\nHost: a\r\n\r\n",
        ] {
            assert_eq!(
                read(bad),
                Err(HeadError::Malformed),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
        assert_eq!(read(b"GET / HTTP/2.0\r\n\r\n"), Err(HeadError::Version));
        assert_eq!(read(b"GET / HTTP/1.1\r\nHost: a\r\n"), Err(HeadError::Gone));
        assert_eq!(read(b""), Err(HeadError::Gone));
    }

    #[test]
    fn replies_have_a_length_and_close_and_no_injected_headers() {
        let mut out = Vec::new();
        write_reply(
            &mut out,
            301,
            &[("Location", "/a/"), ("X-Bad", "a\r\nSet-Cookie: x")],
            b"",
            false,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "HTTP/1.1 301 Moved Permanently\r\nLocation: /a/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
        let mut out = Vec::new();
        write_reply(&mut out, 200, &[], b"hello", true).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("Content-Length: 5\r\n"));
        assert!(text.ends_with("\r\n\r\n"), "a HEAD reply has no body");
    }
}
