//! The line `chiso build` and `chiso check` keep up to date on standard
//! error while a build that has run for more than a second goes on: the
//! stage it is in and the time so far, rewritten in place, and wiped when
//! the build ends. Only on a terminal, never with `--quiet`, in CI logs or
//! with `TERM=dumb`: there a line rewritten in place is noise.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use chiso::messages as msg;
use chiso::Progress;

/// How long a build runs before the line appears.
const AFTER: Duration = Duration::from_secs(1);
/// How often the line is rewritten.
const EVERY: Duration = Duration::from_millis(200);

/// The line, while a build runs; dropping it wipes the line.
pub struct ProgressLine {
    done: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl ProgressLine {
    /// Starts showing `progress` after a second, when `wanted`.
    pub fn start(progress: &Progress, quiet: bool) -> ProgressLine {
        let done = Arc::new(AtomicBool::new(false));
        let thread = wanted(quiet).then(|| {
            let (progress, done) = (progress.clone(), done.clone());
            thread::spawn(move || show(&progress, &done))
        });
        ProgressLine { done, thread }
    }
}

impl Drop for ProgressLine {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Whether standard error is a terminal that should show the line.
fn wanted(quiet: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    !quiet
        && std::io::stderr().is_terminal()
        && !set("CI")
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
}

fn show(progress: &Progress, done: &AtomicBool) {
    let started = Instant::now();
    let mut shown = false;
    while !done.load(Ordering::Relaxed) {
        thread::sleep(EVERY);
        if started.elapsed() < AFTER || done.load(Ordering::Relaxed) {
            continue;
        }
        let seconds = format_seconds(started.elapsed().as_secs_f64());
        let line = msg::progress_line(stage_words(progress.current()), &seconds);
        // Carriage return, the line, then erase what a longer line left.
        eprint!("\r{line}\x1b[K");
        let _ = std::io::stderr().flush();
        shown = true;
    }
    if shown {
        eprint!("\r\x1b[K");
        let _ = std::io::stderr().flush();
    }
}

/// A stage of [`chiso::Timings`] in the editor's words.
fn stage_words(stage: &str) -> String {
    match stage {
        "load data" => msg::stage_load_data(),
        "check and derive" => msg::stage_check_and_derive(),
        "expand shortcodes" => msg::stage_expand_shortcodes(),
        "render" | "render and write" => msg::stage_render(),
        "check links" => msg::stage_check_links(),
        "wait for output" => msg::stage_wait_for_output(),
        "commit" => msg::stage_commit(),
        _ => msg::stage_starting(),
    }
}

fn format_seconds(seconds: f64) -> String {
    let text = format!("{seconds:.1}");
    match msg::language() {
        msg::Language::Vietnamese => text.replace('.', ","),
        msg::Language::English => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_timed_stage_has_words() {
        let starting = msg::stage_starting();
        for stage in [
            "load data",
            "check and derive",
            "expand shortcodes",
            "render",
            "render and write",
            "check links",
            "wait for output",
            "commit",
        ] {
            assert_ne!(stage_words(stage), starting, "{stage}");
        }
    }

    #[test]
    fn a_quiet_build_shows_no_line() {
        assert!(!wanted(true));
    }
}
