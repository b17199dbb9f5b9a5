//! SVG → PNG with resvg, the embedded font the only one it can use.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia;
use resvg::usvg;

use super::{draw::FAMILY, BOLD, HEIGHT, REGULAR, WIDTH};

/// The embedded font, loaded once: no system font is ever looked up.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(REGULAR.to_vec());
            db.load_font_data(BOLD.to_vec());
            db.set_sans_serif_family(FAMILY);
            Arc::new(db)
        })
        .clone()
}

/// The card drawn from `svg`, as PNG bytes.
pub fn png(svg: &str) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        font_family: FAMILY.to_owned(),
        languages: vec!["vi".to_owned()],
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let mut pixmap =
        tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or_else(|| "no room for the image".to_owned())?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}
