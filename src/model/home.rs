//! The site's home unit (`home_unit` in `config.toml`), resolved once: the
//! unit whose results the home page headlines and that a `ket-qua`
//! shortcode reports when it names none.

use std::path::Path;

use super::Site;
use crate::config::{Config, CONFIG_FILE};
use crate::diagnostic::{closest, Diagnostic, Diagnostics};
use crate::locate::{locate, Seg};
use crate::messages as msg;
use crate::parse::Format;

/// Sets [`Site::home_unit`] to the unit `config.home_unit` names; an id
/// that is not a unit of the site is an error at its line in `config.toml`.
pub fn home_unit(root: &Path, config: &Config, site: &mut Site, diagnostics: &mut Diagnostics) {
    site.home_unit = None;
    let Some(id) = config.home_unit.as_deref() else {
        return;
    };
    if let Some(unit) = site.unit_named(id) {
        site.home_unit = Some(unit);
        return;
    }
    let hint = match closest(id, site.unit_ids()) {
        Some(near) => msg::hint_did_you_mean(near),
        None => msg::hint_define_first("unit"),
    };
    let file = Path::new(CONFIG_FILE);
    let mut d = Diagnostic::error(msg::undefined("unit", id))
        .in_file(file)
        .with_hint(hint);
    if let Ok(text) = crate::input::read_text(&root.join(file), file) {
        if let Some(offset) = locate(&text, Format::Toml, &[Seg::Key("home_unit")]) {
            d = d.at_offset(&text, offset);
        }
    }
    diagnostics.push(d);
}
