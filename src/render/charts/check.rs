//! Test helpers: the text boxes of a chart, measured as the charts measure
//! them, and the check every chart must pass (each label inside the
//! viewBox, no two overlapping).

use super::fonts;
use super::measure::Rect;

/// The value of attribute `name` in an element's opening tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')?;
    Some(&tag[at..at + end])
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// A `<text>` of a chart: its text, class, attributes and box.
#[derive(Debug, Clone)]
pub struct Text {
    pub text: String,
    pub class: String,
    /// The opening tag's attributes.
    pub attrs: String,
    pub rect: Rect,
}

/// The viewBox's width and height.
pub fn size(svg: &str) -> (f64, f64) {
    let view = attr(svg, "viewBox").unwrap_or("0 0 0 0");
    let n: Vec<f64> = view.split(' ').filter_map(|v| v.parse().ok()).collect();
    (n[2], n[3])
}

/// Every `<text>` of the chart.
pub fn texts(svg: &str) -> Vec<Text> {
    let mut out = Vec::new();
    for piece in svg.split("<text").skip(1) {
        let Some(close) = piece.find('>') else {
            continue;
        };
        let tag = &piece[..close];
        let Some(end) = piece.find("</text>") else {
            continue;
        };
        let inner = &piece[close + 1..end];
        let class = attr(tag, "class").unwrap_or("").to_owned();
        let x: f64 = attr(tag, "x").and_then(|v| v.parse().ok()).unwrap_or(0.0);
        let y: f64 = attr(tag, "y").and_then(|v| v.parse().ok()).unwrap_or(0.0);
        let anchor = attr(tag, "text-anchor").unwrap_or("start");
        let (text, rect) = if inner.contains("<tspan") {
            spans(inner, x, y)
        } else {
            let text = unescape(inner);
            let rect = Rect::of_text(fonts::of(&class), &text, x, y, anchor);
            (text, rect)
        };
        out.push(Text {
            text,
            class,
            attrs: tag.to_owned(),
            rect,
        });
    }
    out
}

/// Coordinates are written to a tenth: a box may move by half of one.
const ROUNDING: f64 = 0.051;

/// The text and box of a `<text>` made of `<tspan>`s (a lane label, set
/// from `x`): each span measured in its class's font, a space between.
fn spans(inner: &str, x: f64, y: f64) -> (String, Rect) {
    let mut text = String::new();
    let mut rect = Rect {
        x0: x,
        y0: y,
        x1: x,
        y1: y,
    };
    for span in inner.split("<tspan").skip(1) {
        let Some(close) = span.find('>') else {
            continue;
        };
        let Some(end) = span.find("</tspan>") else {
            continue;
        };
        let class = attr(&span[..close], "class").unwrap_or("");
        let part = unescape(&span[close + 1..end]);
        let font = fonts::of(class);
        if !text.is_empty() {
            text.push(' ');
            rect.x1 += font.width(" ");
        }
        let r = Rect::of_text(font, &part, rect.x1, y, "start");
        rect = Rect {
            x0: rect.x0,
            y0: rect.y0.min(r.y0),
            x1: r.x1,
            y1: rect.y1.max(r.y1),
        };
        text.push_str(&part);
    }
    (text, rect)
}

/// Panics unless every text lies inside the viewBox and no two overlap.
pub fn assert_readable(svg: &str) {
    let (w, h) = size(svg);
    let texts = texts(svg);
    let shrunk = |r: &Rect| Rect {
        x0: r.x0 + ROUNDING,
        y0: r.y0 + ROUNDING,
        x1: r.x1 - ROUNDING,
        y1: r.y1 - ROUNDING,
    };
    for t in &texts {
        assert!(
            shrunk(&t.rect).inside(w, h),
            "outside {w}×{h}: {t:?}\n{svg}"
        );
        // Glyphs overhang their advance a little: a margin at the sides.
        assert!(
            t.rect.x0 >= super::PAD - ROUNDING && t.rect.x1 <= w - super::PAD + ROUNDING,
            "in the side margin: {t:?}\n{svg}"
        );
    }
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            assert!(
                !shrunk(&a.rect).overlaps(&shrunk(&b.rect)),
                "overlap:\n{a:?}\n{b:?}\n{svg}"
            );
        }
    }
}
