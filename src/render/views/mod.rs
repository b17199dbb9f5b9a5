//! The template API: borrowed, serialisable views of the model, the only
//! values templates see. Site owners override templates, so these structs'
//! field names and shapes are a promise to them (documented in the README,
//! "Templates"); the model and the data file formats may change without
//! templates noticing.
//!
//! Each view is built from references into the [`Site`](crate::model::Site),
//! never by cloning it; text that editors wrote in Markdown is rendered to
//! HTML here, once per page. `page` holds each page kind's context;
//! `common` the small views all share; `codebook` the open data's
//! columns for the data page; `row`, `table`, `unit`, `index`,
//! `scorecard` (the cards pages open with) and `article` the views of one
//! concern each; `charts` the inputs of the charts; `origin` which
//! figures a column marks computed; `illustrative` the
//! wording of the illustrative-data warning; `row_sharing` the sharing of
//! lines between the pages that show them.

mod article;
mod bands;
mod charts;
pub mod codebook;
mod common;
mod illustrative;
mod index;
mod origin;
mod page;
mod row;
mod row_sharing;
mod scorecard;
mod table;
mod tiles;
mod unit;

pub use article::{ArticleView, TagCountView, TagView};
pub use bands::{threshold_text, BandCountView, BandView, DisputedBandView, RowBandView};
pub use common::{AlternativeView, ComponentView, GroupRef, IndexRef, SourceView, UnitRef};
pub use illustrative::Derived;
pub use index::IndexView;
pub use origin::{ColumnOrigin, Origin};
pub use page::AllTablesView;
pub use page::{
    ArticleContext, ArticleListContext, DataContext, FaviconView, HomeContext, IndexContext,
    MenuView, PageView, Pagination, RankingContext, SearchContext, SiteView, TableLink, TagContext,
    TagsContext, UnitContext, YearContext,
};
pub use row::{
    ChangeView, DisputedView, NoComparisonView, PublishedChangeView, PublishedRankView,
    RegionalView, RowView,
};
pub use row_sharing::{Request, RowViews};
pub use scorecard::{leader_cards, scorecards, ScorecardView};
pub use table::{
    derived_in_lines, ComponentHeader, ComponentRowView, ListingView, PublishedRegionView,
    RegionFigureView, RegionSummaryView, TableView, TopBandView,
};
pub use tiles::{Colouring, LegendView, TileMapView, TileView};
pub use unit::{
    mark_change_origins, mark_year_anchors, mention_views, mentions, unit_series, EntryView,
    MentionView, MergedView, SeriesView, UnitView,
};
