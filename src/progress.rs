//! What a running build is doing, for the progress line the command line
//! shows when a build takes more than a second.
//!
//! The library only records the stage it is in ([`Progress::stage`], called
//! by [`Timings::time`](crate::Timings::time)); showing it is the binary's
//! business. A default `Progress` records nothing, so library users and
//! tests pay nothing for it.

use std::sync::{Arc, Mutex};

/// The stage a build is in, shared with whoever shows it.
#[derive(Debug, Clone, Default)]
pub struct Progress(Option<Arc<Mutex<&'static str>>>);

impl Progress {
    /// A progress that records stages (the default one does not).
    pub fn recorded() -> Self {
        Progress(Some(Arc::new(Mutex::new(""))))
    }

    /// Records that the build entered stage `name` (a [`Timings`] stage
    /// name, such as `load data`).
    ///
    /// [`Timings`]: crate::Timings
    pub fn stage(&self, name: &'static str) {
        if let Some(Ok(mut current)) = self.0.as_ref().map(|s| s.lock()) {
            *current = name;
        }
    }

    /// The stage the build is in, `""` before the first.
    pub fn current(&self) -> &'static str {
        match self.0.as_ref().map(|s| s.lock()) {
            Some(Ok(current)) => *current,
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recorded_progress_shows_the_last_stage_and_the_default_none() {
        let progress = Progress::recorded();
        let shared = progress.clone();
        assert_eq!(progress.current(), "");
        shared.stage("load data");
        shared.stage("render and write");
        assert_eq!(progress.current(), "render and write");
        let silent = Progress::default();
        silent.stage("load data");
        assert_eq!(silent.current(), "");
    }
}
