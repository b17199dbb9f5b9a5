//! The live-reload channel: browsers listening on the Server-Sent Events
//! stream, and sending them an event. A client whose connection is gone is
//! dropped at the next send; past [`MAX_LISTENERS`] the oldest goes (most
//! likely a tab closed since the last ping), so open streams cannot use up
//! the server's file descriptors. Each stream says which page it was
//! opened from, so a rebuild can render the pages open first.

use std::io::Write;
use std::sync::Mutex;

/// A connection to a browser tab, written to directly.
pub type Connection = Box<dyn Write + Send>;

/// Event streams kept open at once.
pub const MAX_LISTENERS: usize = 32;

/// A browser tab listening, and the output path of the page it shows, if
/// it said.
struct Listener {
    connection: Connection,
    page: Option<String>,
}

/// The browsers currently listening.
#[derive(Default)]
pub struct Listeners {
    connections: Mutex<Vec<Listener>>,
}

impl Listeners {
    /// Answers an event-stream request on its raw connection and keeps it,
    /// with the output path of the page it came from.
    pub fn add(&self, mut connection: Connection, page: Option<String>) {
        let head = concat!(
            "HTTP/1.1 200 OK\r\n",
            "Content-Type: text/event-stream\r\n",
            "Cache-Control: no-store\r\n",
            "Connection: keep-alive\r\n\r\n",
            "retry: 1000\n\n"
        );
        if connection.write_all(head.as_bytes()).is_ok() && connection.flush().is_ok() {
            let mut connections = self.lock();
            if connections.len() >= MAX_LISTENERS {
                connections.remove(0);
            }
            connections.push(Listener { connection, page });
        }
    }

    /// The output paths of the pages open in a browser.
    pub fn pages(&self) -> std::collections::HashSet<String> {
        self.lock()
            .iter()
            .filter_map(|listener| listener.page.clone())
            .collect()
    }

    /// Sends a named event to every listener.
    pub fn send(&self, event: &str, data: &str) {
        self.write(&format!("event: {event}\ndata: {data}\n\n"));
    }

    /// Sends a comment, which browsers ignore, to find closed connections.
    pub fn ping(&self) {
        self.write(": ping\n\n");
    }

    pub fn count(&self) -> usize {
        self.lock().len()
    }

    fn write(&self, text: &str) {
        self.lock().retain_mut(|Listener { connection, .. }| {
            connection.write_all(text.as_bytes()).is_ok() && connection.flush().is_ok()
        });
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Listener>> {
        self.connections
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// A connection that records what was written, or fails every write.
    struct Recorder(Arc<Mutex<Vec<u8>>>, bool);

    impl Write for Recorder {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.1 {
                return Err(std::io::ErrorKind::BrokenPipe.into());
            }
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn events_reach_open_connections_and_closed_ones_are_dropped() {
        let listeners = Listeners::default();
        let seen = Arc::new(Mutex::new(Vec::new()));
        listeners.add(
            Box::new(Recorder(seen.clone(), false)),
            Some("a/index.html".into()),
        );
        listeners.add(Box::new(Recorder(Arc::default(), true)), None);
        assert_eq!(listeners.count(), 1);
        assert_eq!(listeners.pages(), ["a/index.html".to_owned()].into());
        listeners.send("reload", "2");
        let text = String::from_utf8(seen.lock().unwrap().clone()).unwrap();
        assert!(text.starts_with("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream"));
        assert!(text.ends_with("event: reload\ndata: 2\n\n"));
    }

    #[test]
    fn past_the_maximum_the_oldest_stream_goes() {
        let listeners = Listeners::default();
        let first = Arc::new(Mutex::new(Vec::new()));
        listeners.add(Box::new(Recorder(first.clone(), false)), None);
        for _ in 0..MAX_LISTENERS {
            listeners.add(Box::new(Recorder(Arc::default(), false)), None);
        }
        assert_eq!(listeners.count(), MAX_LISTENERS);
        listeners.send("reload", "");
        let text = String::from_utf8(first.lock().unwrap().clone()).unwrap();
        assert!(
            !text.contains("event: reload"),
            "the oldest stream was kept"
        );
    }
}
