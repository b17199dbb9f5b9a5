//! The views of rating bands: a band with its threshold in words ("từ
//! 90%", "trên 90%", "hạng 1–10"), a line's band (derived or stated, and
//! disputed), and a table's published band counts with their sentence
//! ("Nhóm A: 7 đơn vị", "12/17 đơn vị đạt từ 90% trở lên").

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::content::render_markdown;
use crate::model::{Band, BandCount, Counted, Index, RowBand, Table, Threshold};
use crate::render::escape::safe;
use crate::render::figure::Format;
use crate::render::urls::Urls;
use crate::vi::scaled;

/// A rating band.
#[derive(Debug, Clone)]
pub struct BandView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// The inclusive score threshold ("từ"), if the band has one.
    pub min: Option<f64>,
    /// The strict score threshold ("trên"), if the band has one.
    pub above: Option<f64>,
    /// The last rank within the band, for a band by rank.
    pub max_rank: Option<u32>,
    /// The threshold in words: `từ 90%`, `trên 90%`, `hạng 1–10`; empty
    /// for a band that is only stated line by line.
    pub threshold: String,
    /// The band's place among its table's (or index's) bands, the best the
    /// highest: a sort key.
    pub level: usize,
}

impl<'a> BandView<'a> {
    /// Band `b` of `bands`, an index's or a table's.
    pub fn new(bands: &'a [Band], b: usize, def: &Index) -> Self {
        let band = &bands[b];
        let format = Format {
            decimals: def.decimals,
            unit_label: &def.unit_label,
        };
        let (min, above, max_rank) = match band.threshold {
            Threshold::Min(v) => (Some(v), None, None),
            Threshold::Above(v) => (None, Some(v), None),
            Threshold::MaxRank(r) => (None, None, Some(r)),
            Threshold::Stated => (None, None, None),
        };
        BandView {
            id: &band.id,
            name: &band.name,
            min,
            above,
            max_rank,
            threshold: threshold_text(band.threshold, format),
            level: levels(bands, def.decimals)[b],
        }
    }

    /// Serialises the band's fields into `fields`: its own value, and a
    /// line's band, which has them beside its own.
    fn serialize_fields<S: SerializeStruct>(&self, fields: &mut S) -> Result<(), S::Error> {
        // Every field, named: a field added to the struct and not here does
        // not compile.
        let BandView {
            id,
            name,
            min,
            above,
            max_rank,
            threshold,
            level,
        } = self;
        fields.serialize_field("id", id)?;
        fields.serialize_field("name", name)?;
        fields.serialize_field("min", min)?;
        fields.serialize_field("above", above)?;
        fields.serialize_field("max_rank", max_rank)?;
        fields.serialize_field("threshold", threshold)?;
        fields.serialize_field("level", level)
    }

    const FIELDS: usize = 7;

    /// Every band of a list, the best first.
    pub fn all(bands: &'a [Band], def: &Index) -> Vec<Self> {
        let mut views: Vec<BandView> = (0..bands.len())
            .map(|b| BandView::new(bands, b, def))
            .collect();
        views.sort_by_key(|v| std::cmp::Reverse(v.level));
        views
    }
}

/// A threshold in words, its figure printed by the format's `threshold`.
pub fn threshold_text(threshold: Threshold, format: Format) -> String {
    match threshold {
        Threshold::Min(v) => format!("từ {}", format.threshold(v)),
        Threshold::Above(v) => format!("trên {}", format.threshold(v)),
        Threshold::MaxRank(1) => "hạng 1".to_owned(),
        Threshold::MaxRank(r) => format!("hạng 1–{r}"),
        Threshold::Stated => String::new(),
    }
}

/// Each band's level: 1 for the least demanding, up to the number of
/// bands for the best. Score bands by threshold, rank bands by `max_rank`;
/// bands only stated keep their written order, the first the best.
fn levels(bands: &[Band], decimals: u32) -> Vec<usize> {
    let key = |b: &Band| match b.threshold {
        Threshold::Min(v) => (1, scaled(v, decimals), 0),
        Threshold::Above(v) => (1, scaled(v, decimals), 1),
        Threshold::MaxRank(r) => (1, -i64::from(r), 0),
        Threshold::Stated => (0, 0, 0),
    };
    let mut order: Vec<usize> = (0..bands.len()).collect();
    // Stable: equal keys (stated bands) keep their order, reversed below.
    order.sort_by_key(|&i| std::cmp::Reverse(key(&bands[i])));
    let n = bands.len();
    let mut levels = vec![0; n];
    for (place, &i) in order.iter().enumerate() {
        levels[i] = n - place;
    }
    levels
}

/// A band the publication states but the table does not give, kept with
/// the editor's note.
#[derive(Debug, Clone, Serialize)]
pub struct DisputedBandView<'a> {
    /// The band derived from the score or rank; none when it reaches none.
    pub derived: Option<BandView<'a>>,
    #[serde(serialize_with = "safe")]
    pub note_html: String,
}

/// A line's band: the band's fields, and beside them `stated` and
/// `disputed`.
#[derive(Debug, Clone)]
pub struct RowBandView<'a> {
    pub band: BandView<'a>,
    /// Whether the publication states it on the line (rather than chiso
    /// deriving it from the score or rank).
    pub stated: bool,
    /// When the stated band disagrees with the derived one and was kept.
    pub disputed: Option<DisputedBandView<'a>>,
}

impl Serialize for BandView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut fields = s.serialize_struct("BandView", BandView::FIELDS)?;
        self.serialize_fields(&mut fields)?;
        fields.end()
    }
}

/// One struct of the band's fields and the line's, as `#[serde(flatten)]`
/// would lay it out: flattened, each of a line's band keys was a string
/// allocated for the template value, on every line of a national site.
impl Serialize for RowBandView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut fields = s.serialize_struct("RowBandView", BandView::FIELDS + 2)?;
        self.band.serialize_fields(&mut fields)?;
        fields.serialize_field("stated", &self.stated)?;
        fields.serialize_field("disputed", &self.disputed)?;
        fields.end()
    }
}

impl<'a> RowBandView<'a> {
    pub fn new(table: &'a Table, band: &RowBand, def: &Index, urls: &Urls) -> Self {
        RowBandView {
            band: BandView::new(&table.bands, band.band, def),
            stated: band.stated,
            disputed: band
                .disputed
                .as_ref()
                .map(|(derived, note)| DisputedBandView {
                    derived: derived.map(|d| BandView::new(&table.bands, d, def)),
                    note_html: render_markdown(note, urls.markdown()),
                }),
        }
    }
}

/// A published figure a complete table gives too, in words.
pub const CONFIRMED: &str = "số liệu công bố, khớp với bảng";

/// A published count of units in a band or reaching a threshold.
#[derive(Debug, Clone, Serialize)]
pub struct BandCountView<'a> {
    /// The band counted, for a count by band.
    pub band: Option<BandView<'a>>,
    /// The threshold in words (`từ 90%`, `trên 90%`), for a count by score.
    pub threshold: Option<String>,
    /// The count as published.
    pub count: u32,
    /// The number it is out of: as published, or the table's.
    pub of: Option<u32>,
    /// The count the table gives, when it differs and the published one
    /// was kept (`disputed`).
    pub derived: Option<u32>,
    #[serde(serialize_with = "safe")]
    pub disputed_html: String,
    /// The count in a sentence (text, not HTML): `Nhóm A: 7 đơn vị`,
    /// `12/17 đơn vị đạt từ 90% trở lên`, with both counts when disputed.
    pub text: String,
    /// Where the count comes from, in words for after it (text, empty when
    /// `text` already says): `số liệu công bố, khớp với bảng` when a
    /// complete table gives the same count, else `số liệu công bố`.
    pub origin: &'static str,
    /// Whether this is the table's top-band count, published and agreeing
    /// with it: summaries then say so on the top band's line
    /// (`top_band.published`) instead of repeating the count.
    pub confirms_top_band: bool,
}

impl<'a> BandCountView<'a> {
    pub fn all(table: &'a Table, def: &Index, urls: &Urls) -> Vec<Self> {
        table
            .band_counts
            .iter()
            .map(|c| BandCountView::new(table, c, def, urls))
            .collect()
    }

    fn new(table: &'a Table, c: &BandCount, def: &Index, urls: &Urls) -> Self {
        let format = Format {
            decimals: def.decimals,
            unit_label: &def.unit_label,
        };
        let of = c.of.or(table.rated());
        let count = match of {
            Some(of) => format!("{}/{of}", c.count),
            None => c.count.to_string(),
        };
        let (band, threshold, mut text) = match c.counted {
            Counted::Band(b) => {
                let view = BandView::new(&table.bands, b, def);
                // With its threshold, as the top band's line says it.
                let text = match view.threshold.as_str() {
                    "" => format!("{}: {}\u{a0}đơn vị", view.name, count),
                    threshold => format!("{} ({threshold}): {}\u{a0}đơn vị", view.name, count),
                };
                (Some(view), None, text)
            }
            Counted::Score(t) => {
                let words = threshold_text(t, format);
                let text = match t {
                    Threshold::Min(_) => format!("{count}\u{a0}đơn vị đạt {words} trở lên"),
                    _ => format!("{count}\u{a0}đơn vị đạt {words}"),
                };
                (None, Some(words), text)
            }
        };
        let confirms_top_band = table.confirms_top_band(c);
        if let Some(derived) = c.derived {
            text.push_str(&format!(" (công bố: {}; tính từ bảng: {derived})", c.count));
        }
        BandCountView {
            band,
            threshold,
            count: c.count,
            of,
            derived: c.derived,
            disputed_html: c
                .disputed
                .as_deref()
                .map(|note| render_markdown(note, urls.markdown()))
                .unwrap_or_default(),
            text,
            origin: match (c.confirmed, c.derived) {
                (true, _) => CONFIRMED,
                (false, None) => "số liệu công bố",
                (false, Some(_)) => "",
            },
            confirms_top_band,
        }
    }
}

/// The index's own bands, for its page: best first.
pub fn index_bands(def: &Index) -> Vec<BandView<'_>> {
    BandView::all(&def.bands, def)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band(id: &str, threshold: Threshold) -> Band {
        Band {
            id: id.to_owned(),
            name: id.to_owned(),
            threshold,
        }
    }

    #[test]
    fn levels_put_the_best_band_highest() {
        let bands = [
            band("c", Threshold::Min(70.0)),
            band("tren-90", Threshold::Above(90.0)),
            band("tu-90", Threshold::Min(90.0)),
        ];
        assert_eq!(levels(&bands, 2), vec![1, 3, 2]);
        let ranks = [
            band("top-10", Threshold::MaxRank(10)),
            band("top-3", Threshold::MaxRank(3)),
        ];
        assert_eq!(levels(&ranks, 2), vec![1, 2]);
        let stated = [
            band("cao-nhat", Threshold::Stated),
            band("trung-binh-cao", Threshold::Stated),
            band("thap-nhat", Threshold::Stated),
        ];
        assert_eq!(levels(&stated, 2), vec![3, 2, 1]);
    }

    #[test]
    fn a_line_s_band_has_the_band_s_fields_beside_its_own() {
        let band = BandView {
            id: "tot",
            name: "Tốt",
            min: Some(80.0),
            above: None,
            max_rank: None,
            threshold: "từ 80%".to_owned(),
            level: 2,
        };
        let line = RowBandView {
            band: band.clone(),
            stated: true,
            disputed: None,
        };
        let mut expected = serde_json::to_value(&band).unwrap();
        expected["stated"] = true.into();
        expected["disputed"] = serde_json::Value::Null;
        assert_eq!(serde_json::to_value(&line).unwrap(), expected);
        // Templates see the same keys, with the band's values.
        let value = tera::Value::from_serializable(&line);
        let map = value.as_map().unwrap();
        assert_eq!(map.len(), 9);
        assert_eq!(
            value.get_from_path("name").and_then(|v| v.as_str()),
            Some("Tốt")
        );
        assert_eq!(
            value.get_from_path("level").and_then(|v| v.as_u64()),
            Some(2)
        );
    }

    #[test]
    fn thresholds_read_as_published() {
        let format = Format {
            decimals: 2,
            unit_label: "%",
        };
        assert_eq!(threshold_text(Threshold::Min(90.0), format), "từ 90%");
        assert_eq!(threshold_text(Threshold::Above(90.0), format), "trên 90%");
        assert_eq!(threshold_text(Threshold::MaxRank(10), format), "hạng 1–10");
        assert_eq!(threshold_text(Threshold::Stated, format), "");
    }
}
