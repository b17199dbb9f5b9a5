//! Accepting connections without ever giving up. At most
//! [`MAX_CONNECTIONS`] requests are handled at once, each on a thread of its
//! own; further connections wait in the kernel's queue until one ends. An
//! accept that fails (out of file descriptors: idle connections of a
//! browser, a proxy or a scanner) is reported once and retried after a
//! pause, so the server serves again as soon as connections close.

use std::io::{self, Read};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::diagnostic::Diagnostic;
use crate::messages as msg;

/// Requests handled at once. With the event streams (`events::MAX_LISTENERS`)
/// this keeps the server well under macOS's default of 256 descriptors.
pub const MAX_CONNECTIONS: usize = 64;

/// The pause before accepting again after accepting failed.
const RETRY_AFTER: Duration = Duration::from_millis(100);

/// Accepts connections on `listener` forever, handing each to `handle` on a
/// thread of its own.
pub fn accept_forever(listener: TcpListener, handle: impl Fn(TcpStream) + Send + Sync + 'static) {
    let permits = Arc::new(Permits::new(MAX_CONNECTIONS));
    let handle = Arc::new(handle);
    let mut failing = false;
    loop {
        let permit = Permits::acquire(&permits);
        match listener.accept() {
            Ok((stream, _)) => {
                failing = false;
                let handle = handle.clone();
                let spawned = thread::Builder::new()
                    .name("chiso-http".into())
                    .spawn(move || {
                        let _permit = permit;
                        handle(stream);
                    });
                // The closure, with the connection and its permit, is
                // dropped when no thread could be started.
                if let Err(e) = spawned {
                    report(&mut failing, &e);
                    thread::sleep(RETRY_AFTER);
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                drop(permit);
                report(&mut failing, &e);
                thread::sleep(RETRY_AFTER);
            }
        }
    }
}

/// Prints the first of a run of failures; the others say the same.
fn report(failing: &mut bool, error: &io::Error) {
    if !*failing {
        eprint!("{}", Diagnostic::warning(msg::cannot_accept(error)));
        *failing = true;
    }
}

/// A counting semaphore: how many connections are being handled.
struct Permits {
    taken: Mutex<usize>,
    freed: Condvar,
    max: usize,
}

/// One connection's place; dropping it frees the place.
struct Permit(Arc<Permits>);

impl Permits {
    fn new(max: usize) -> Permits {
        Permits {
            taken: Mutex::new(0),
            freed: Condvar::new(),
            max,
        }
    }

    /// Waits for a free place and takes it.
    fn acquire(this: &Arc<Permits>) -> Permit {
        let mut taken = this.taken.lock().unwrap_or_else(|p| p.into_inner());
        while *taken >= this.max {
            taken = this.freed.wait(taken).unwrap_or_else(|p| p.into_inner());
        }
        *taken += 1;
        Permit(this.clone())
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        let mut taken = self.0.taken.lock().unwrap_or_else(|p| p.into_inner());
        *taken = taken.saturating_sub(1);
        self.0.freed.notify_one();
    }
}

/// Reads from a connection until a deadline for the whole read, however
/// slowly the bytes trickle in (a client sending a byte every few seconds
/// must not hold a place forever).
pub struct Timed<'a> {
    pub stream: &'a TcpStream,
    pub deadline: Instant,
}

impl Read for Timed<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        (&mut &*self.stream).read(buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::net::SocketAddr;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn no_more_than_the_maximum_are_handled_at_once() {
        let permits = Arc::new(Permits::new(2));
        let a = Permits::acquire(&permits);
        let _b = Permits::acquire(&permits);
        let got_third = Arc::new(AtomicUsize::new(0));
        let waiter = {
            let (permits, got_third) = (permits.clone(), got_third.clone());
            thread::spawn(move || {
                let _c = Permits::acquire(&permits);
                got_third.store(1, Ordering::SeqCst);
            })
        };
        // The third waits while two are held...
        thread::sleep(Duration::from_millis(50));
        assert_eq!(got_third.load(Ordering::SeqCst), 0);
        // ...and gets its place when one is freed.
        drop(a);
        waiter.join().unwrap();
        assert_eq!(got_third.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn a_trickling_client_runs_out_of_time() {
        let listener = TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0))).unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (server, _) = listener.accept().unwrap();
        client.write_all(b"G").unwrap();
        let mut timed = Timed {
            stream: &server,
            deadline: Instant::now() + Duration::from_millis(200),
        };
        let mut buf = [0u8; 8];
        assert_eq!(timed.read(&mut buf).unwrap(), 1);
        let started = Instant::now();
        assert!(timed.read(&mut buf).is_err());
        assert!(started.elapsed() < Duration::from_secs(5));
    }
}
