//! The view of an index's own page: its definition, components and bands.

use serde::Serialize;

use super::bands::{index_bands, BandView};
use super::common::{ComponentView, IndexRef};
use crate::content::render_markdown;
use crate::model::Index;
use crate::render::escape::safe;
use crate::render::urls::Urls;

/// An index with everything its own page shows.
#[derive(Debug, Serialize)]
pub struct IndexView<'a> {
    #[serde(flatten)]
    pub base: IndexRef<'a>,
    #[serde(serialize_with = "safe")]
    pub description_html: String,
    pub scale_min: f64,
    pub scale_max: f64,
    pub higher_is_better: bool,
    /// Every component, in tree order (each parent, then its children).
    pub components: Vec<ComponentView<'a>>,
    /// How many components are top-level.
    pub top_level_components: usize,
    /// The best band first.
    pub bands: Vec<BandView<'a>>,
}

impl<'a> IndexView<'a> {
    pub fn new(def: &'a Index, urls: &Urls) -> Self {
        let bands = index_bands(def);
        IndexView {
            base: IndexRef::new(def, urls),
            description_html: render_markdown(&def.description, urls.markdown()),
            scale_min: def.scale.min,
            scale_max: def.scale.max,
            higher_is_better: def.higher_is_better,
            components: def
                .components_in_tree_order()
                .into_iter()
                .map(|c| ComponentView::new(def, c))
                .collect(),
            top_level_components: def.components.iter().filter(|c| c.parent.is_none()).count(),
            bands,
        }
    }
}
