//! The illustrative-data warning, worded from what a page shows: which
//! figures derived from illustrative scores are on it (ranks, bands,
//! counts reaching a band, averages, and regions' or categories' figures:
//! a page that shows categories only never speaks of "vùng").
//!
//! Where the warning goes is the templates' business: next to the figures
//! it qualifies (under the scorecards or under a table), and as a
//! page-wide notice only where the page's headline figures are themselves
//! illustrative (`page.illustrative_headline`).

use super::table::TableView;
use super::unit::SeriesView;

/// The kinds of figure derived from illustrative scores that a page shows.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Derived {
    pub ranks: bool,
    pub bands: bool,
    pub band_counts: bool,
    pub averages: bool,
    /// Averages or ranks of regions (places: "vùng").
    pub regions: bool,
    /// Averages or ranks of categories ("nhóm").
    pub categories: bool,
}

impl Derived {
    /// What pages reading only a flag know: ranks and averages.
    pub fn generic() -> Self {
        Derived {
            ranks: true,
            band_counts: true,
            averages: true,
            ..Derived::default()
        }
    }

    /// Adds what the illustrative ones among `tables`, shown whole (a
    /// ranking page: lines, regional ranks, regions' figures), show.
    pub fn tables(self, tables: &[TableView]) -> Self {
        let mut derived = self.summaries(tables);
        for t in tables.iter().filter(|t| t.illustrative) {
            // A line's regional rank, by its region's kind (a region's
            // figures name its kind; one without is a place).
            for r in t.rows.iter().filter(|r| r.illustrative) {
                for g in &r.regional {
                    let kind = t
                        .region_figures
                        .iter()
                        .find(|f| f.id == g.id)
                        .map_or("region", |f| f.kind);
                    derived.regions |= kind == "region";
                    derived.categories |= kind == "category";
                }
            }
            for f in t.region_figures.iter().filter(|f| f.derived) {
                derived.regions |= f.kind == "region";
                derived.categories |= f.kind == "category";
            }
        }
        derived
    }

    /// Adds what the illustrative ones among `tables` show as summaries
    /// (ranked count, average, top band, leaders; no regions).
    pub fn summaries(mut self, tables: &[TableView]) -> Self {
        for t in tables.iter().filter(|t| t.illustrative) {
            self.ranks |= !t.scores_only && (t.complete || !t.rows.is_empty());
            self.band_counts |= t.top_band.is_some();
            self.averages |= t.complete && t.average.is_some() && !t.average_published;
        }
        self
    }

    /// Adds what the illustrative lines of `series` show (a unit's page:
    /// the line's rank and band, its regions' figures).
    pub fn series(mut self, series: &[SeriesView]) -> Self {
        for e in series
            .iter()
            .flat_map(|s| &s.entries)
            .filter(|e| e.row.illustrative)
        {
            self.ranks |= e.row.rank.is_some() || !e.row.regional.is_empty();
            self.bands |= e.row.band.as_ref().is_some_and(|b| !b.stated);
            for f in e
                .regions
                .iter()
                .filter(|f| f.derived || !e.row.regional.is_empty())
            {
                self.regions |= f.kind == "region";
                self.categories |= f.kind == "category";
            }
        }
        self
    }

    /// The warning's text (after its bold "Số liệu minh họa."): the marked
    /// scores are illustrative, and so are the figures listed here.
    pub fn note(self) -> String {
        let mut what: Vec<&str> = Vec::new();
        if self.ranks {
            what.push("thứ hạng");
        }
        if self.bands {
            what.push("xếp loại");
        }
        if self.band_counts {
            what.push("số đơn vị đạt");
        }
        if self.averages {
            what.push("bình quân khối");
        }
        match (self.regions, self.categories) {
            (true, true) => what.push("bình quân và thứ hạng theo vùng, theo nhóm"),
            (true, false) => what.push("bình quân và thứ hạng theo vùng"),
            (false, true) => what.push("bình quân và thứ hạng theo nhóm"),
            (false, false) => {}
        }
        let mut out =
            String::from("Điểm số đánh dấu * chưa được công bố chính thức: đó là số liệu minh họa");
        if !what.is_empty() {
            out.push_str(", và những con số tính từ chúng (");
            out.push_str(&what.join(", "));
            out.push_str(") cũng chỉ mang tính minh họa, trừ khi được ghi là số liệu công bố");
        }
        out.push_str(". Nguồn của số liệu chính thức ghi dưới mỗi bảng.");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_names_only_what_the_page_shows() {
        let categories = Derived {
            ranks: true,
            categories: true,
            ..Derived::default()
        };
        let text = categories.note();
        assert!(
            text.contains("(thứ hạng, bình quân và thứ hạng theo nhóm)"),
            "{text}"
        );
        assert!(!text.contains("vùng"), "{text}");
        let plain = Derived::default().note();
        assert!(!plain.contains("tính từ chúng"), "{plain}");
        assert!(plain.starts_with("Điểm số đánh dấu *"), "{plain}");
        let both = Derived {
            regions: true,
            categories: true,
            ..Derived::default()
        };
        assert!(both.note().contains("theo vùng, theo nhóm"));
    }
}
