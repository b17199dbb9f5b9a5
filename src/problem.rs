//! What an editor's command other than a build (`new`, `init`, `import`)
//! can fail with: wrong usage (exit code 2) or a problem in the site or its
//! files (exit code 1), each carrying diagnostics to print.

use crate::diagnostic::{Diagnostic, Diagnostics};

/// A failed command.
#[derive(Debug)]
pub enum Problem {
    /// The command was given something it cannot work with.
    Usage(Diagnostic),
    /// The site or an input file has problems; every one is listed.
    Site(Diagnostics),
}

impl Problem {
    /// A problem in the site made of one diagnostic.
    pub fn site(diagnostic: Diagnostic) -> Problem {
        let mut all = Diagnostics::default();
        all.push(diagnostic);
        Problem::Site(all)
    }

    /// The process exit code: 2 for wrong usage, 1 for problems in the site.
    pub fn exit_code(&self) -> u8 {
        match self {
            Problem::Usage(_) => 2,
            Problem::Site(_) => 1,
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The alternate flag (`{:#}`, colour) passes through.
        match (self, f.alternate()) {
            (Problem::Usage(d), false) => write!(f, "{d}"),
            (Problem::Usage(d), true) => write!(f, "{d:#}"),
            (Problem::Site(all), false) => write!(f, "{all}"),
            (Problem::Site(all), true) => write!(f, "{all:#}"),
        }
    }
}
