//! Tera filters for Vietnamese numbers, dates and rank phrases, so that
//! templates never format a figure by hand. Each filter accepts `null` and
//! prints a dash (or nothing) for it, because a missing figure is normal in
//! this domain (a rank published without its score).

use tera::{Error, Kwargs, State, Tera, TeraResult, Value};

use super::figure::{self, MISSING};
use crate::date::Date;
use crate::messages as msg;
use crate::vi;

/// Registers every filter on `tera`.
pub fn register(tera: &mut Tera) {
    tera.register_filter("number", number);
    tera.register_filter("signed", signed);
    tera.register_filter("rank_change", rank_change);
    tera.register_filter("vi_date", vi_date);
    tera.register_filter("vi_text", vi_text);
    tera.register_filter("json", json);
}

/// An error for an argument `filter` does not take: a misspelt one
/// (`number(decimal=2)`) would otherwise be ignored, and every figure
/// printed at another precision without a word.
fn only_arguments(filter: &str, kwargs: &Kwargs, allowed: &[&str]) -> TeraResult<()> {
    let Some((unknown, _)) = kwargs.iter().find(|(key, _)| {
        let key = key.as_str().unwrap_or_default();
        !allowed.contains(&key)
    }) else {
        return Ok(());
    };
    let listed = if allowed.is_empty() {
        msg::filter_no_arguments()
    } else {
        let names: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
        msg::filter_arguments(&names.join(", "))
    };
    let unknown = unknown
        .as_str()
        .map_or_else(|| unknown.to_string(), str::to_owned);
    Err(Error::message(msg::filter_unknown_argument(
        filter, &unknown, &listed,
    )))
}

/// `{{ unit.history | json }}` → the value as JSON, for a site's own
/// script (`<script>const lich_su = {{ unit.history | json }};</script>`,
/// or `<script type="application/json">`). `<`, `>`, `&`, `'` and the two
/// line separators JavaScript does not take in a string are written as
/// `\uXXXX` escapes: no text of the data can close the script or start a
/// comment. Object keys are sorted, so a build prints the same bytes each
/// time. For a script element only (not an attribute).
fn json(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<Value> {
    only_arguments("json", &kwargs, &[])?;
    // Through serde_json's own value, whose objects keep their keys sorted:
    // Tera's maps are hash maps, and the same site would print its keys in
    // another order at each build.
    let text = serde_json::to_value(value)
        .and_then(|v| serde_json::to_string(&v))
        .map_err(|e| Error::message(e.to_string()))?;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' | '>' | '&' | '\'' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    Ok(Value::safe_string(&out))
}

/// `{{ "Nhóm \"A\" (≥ 90%), 2021-2024" | vi_text }}` → `Nhóm “A” (≥ 90%),
/// 2021–2024`, the space after `≥` a no-break one: Vietnamese typography
/// (`vi::typography::text`) for text a template writes: no-break spaces,
/// typographic quotes, the en dash in a range.
fn vi_text(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    only_arguments("vi_text", &kwargs, &[])?;
    match value.as_str() {
        Some(text) => Ok(vi::typography::text(text).into_owned()),
        None if value.is_none() => Ok(String::new()),
        None => Ok(vi::typography::text(&value.to_string()).into_owned()),
    }
}

fn decimals(kwargs: &Kwargs, default: u32) -> TeraResult<u32> {
    let bad = || Error::message(msg::filter_decimals());
    match kwargs.get::<Value>("decimals")? {
        None => Ok(default),
        Some(v) if v.is_none() => Ok(default),
        Some(v) => v
            .as_u64()
            .filter(|d| *d <= 12)
            .map(|d| d as u32)
            .ok_or_else(bad),
    }
}

/// `{{ 88.35 | number(decimals=2) }}` → `88,35`; `{{ 19536 | number }}` →
/// `19.536`; without `decimals`, a float keeps the decimals it was written
/// with (`{{ 93.364 | number }}` → `93,364`).
fn number(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    only_arguments("number", &kwargs, &["decimals"])?;
    if value.is_none() {
        return Ok(MISSING.to_owned());
    }
    if let Some(n) = value.as_i64() {
        return Ok(figure::number(n as f64, decimals(&kwargs, 0)?));
    }
    match value.as_f64() {
        Some(v) if value.is_f64() => Ok(figure::number(
            v,
            decimals(&kwargs, vi::written_decimals(v))?,
        )),
        Some(v) => Ok(figure::number(v, decimals(&kwargs, 0)?)),
        None => Err(Error::message(msg::filter_needs_number(
            "number",
            &value.to_string(),
        ))),
    }
}

/// `{{ 2.4 | signed }}` → `+2,40`; `{{ 3 | signed }}` → `+3`: a change
/// of points keeps two decimals unless told otherwise (a computed one
/// carries the float's noise, so its written decimals mean nothing), a
/// whole number none, as `number` prints it.
fn signed(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    only_arguments("signed", &kwargs, &["decimals"])?;
    let default = if value.is_i64() || value.is_u64() {
        0
    } else {
        2
    };
    match value.as_f64() {
        Some(v) => Ok(vi::format_signed(v, decimals(&kwargs, default)?)),
        None if value.is_none() => Ok(MISSING.to_owned()),
        None => Err(Error::message(msg::filter_needs_number(
            "signed",
            &value.to_string(),
        ))),
    }
}

/// `{{ 10 | rank_change }}` → `tăng 10 bậc` (positive means moved up).
fn rank_change(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    only_arguments("rank_change", &kwargs, &[])?;
    match value.as_i64() {
        Some(delta) => Ok(super::cells::on_one_line(&vi::rank_change_phrase(delta))),
        None if value.is_none() => Ok(String::new()),
        None => Err(Error::message(msg::filter_needs_whole_number(
            "rank_change",
            &value.to_string(),
        ))),
    }
}

/// `{{ "2024-05-07" | vi_date }}` → `Thứ Ba, 07/05/2024`;
/// `vi_date(format="short")` → `07/05/2024`.
fn vi_date(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    only_arguments("vi_date", &kwargs, &["format"])?;
    let Some(text) = value.as_str() else {
        return if value.is_none() {
            Ok(String::new())
        } else {
            Err(Error::message(msg::filter_needs_date(&value.to_string())))
        };
    };
    let date = Date::parse(text).map_err(Error::message)?;
    let long = match kwargs.get::<&str>("format")? {
        None | Some("long") => true,
        Some("short") => false,
        Some(other) => return Err(Error::message(msg::filter_date_format(other))),
    };
    Ok(if long {
        vi::format_date_long(date.year, date.month, date.day)
    } else {
        vi::format_date_short(date.year, date.month, date.day)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str, context: &tera::Context) -> String {
        let mut tera = Tera::default();
        register(&mut tera);
        tera.render_str(template, context, true).unwrap()
    }

    #[test]
    fn filters_format_the_vietnamese_way() {
        let mut ctx = tera::Context::new();
        ctx.insert("score", &88.35);
        ctx.insert("papi", &44.3138);
        ctx.insert("count", &19536);
        ctx.insert("up", &10);
        ctx.insert("down", &-2);
        ctx.insert("none", &Option::<f64>::None);
        let cases = [
            ("{{ score | number(decimals=2) }}", "88,35"),
            ("{{ papi | number(decimals=4) }}", "44,3138"),
            ("{{ count | number }}", "19.536"),
            ("{{ 93.364 | number }}", "93,364"),
            ("{{ 98.0 | number }}", "98"),
            ("{{ 88.5 | number }}", "88,5"),
            ("{{ none | number }}", "—"),
            ("{{ 2.4 | signed }}", "+2,40"),
            ("{{ up | signed }}", "+10"),
            ("{{ down | signed }}", "-2"),
            ("{{ up | signed(decimals=1) }}", "+10,0"),
            ("{{ up | rank_change }}", "tăng 10\u{a0}bậc"),
            ("{{ down | rank_change }}", "giảm 2\u{a0}bậc"),
            ("{{ 0 | rank_change }}", "giữ nguyên thứ hạng"),
            ("{{ \"2024-05-07\" | vi_date }}", "Thứ\u{a0}Ba, 07/05/2024"),
            (
                "{{ \"2024-05-07\" | vi_date(format=\"short\") }}",
                "07/05/2024",
            ),
            (
                "{{ \"Nhóm \\\"A\\\" (≥ 90%), 2021-2024\" | vi_text | safe }}",
                "Nhóm “A” (≥\u{a0}90%), 2021–2024",
            ),
        ];
        for (template, want) in cases {
            assert_eq!(render(template, &ctx), want, "{template}");
        }
    }

    #[test]
    fn bad_arguments_are_errors_not_panics() {
        let mut tera = Tera::default();
        register(&mut tera);
        let ctx = tera::Context::new();
        for template in [
            "{{ \"x\" | number }}",
            "{{ 1.5 | number(decimals=-1) }}",
            "{{ \"2024-13-01\" | vi_date }}",
            "{{ \"2024-01-01\" | vi_date(format=\"x\") }}",
        ] {
            assert!(tera.render_str(template, &ctx, true).is_err(), "{template}");
        }
    }

    #[test]
    fn a_misspelt_argument_is_an_error_naming_the_ones_there_are() {
        let mut tera = Tera::default();
        register(&mut tera);
        let ctx = tera::Context::new();
        for (template, said) in [
            ("{{ 88.3 | number(decimal=2) }}", "`decimal`"),
            ("{{ 2.4 | signed(decimal=1) }}", "`decimals`"),
            ("{{ \"2024-05-07\" | vi_date(fmt=\"short\") }}", "`format`"),
            ("{{ 10 | rank_change(x=1) }}", "`x`"),
            ("{{ \"a\" | vi_text(x=1) }}", "`x`"),
            ("{{ 1 | json(pretty=true) }}", "`pretty`"),
        ] {
            let error = tera.render_str(template, &ctx, true).unwrap_err();
            let chain = format!("{error:?}");
            assert!(chain.contains(said), "{template}: {chain}");
        }
    }

    #[test]
    fn json_cannot_close_its_script() {
        let mut tera = Tera::default();
        register(&mut tera);
        let mut ctx = tera::Context::new();
        ctx.insert(
            "v",
            &serde_json::json!({"name": "</script><!-- A & B's", "n": 88.35, "x": null}),
        );
        let out = tera.render_str("{{ v | json }}", &ctx, true).unwrap();
        assert!(
            !out.contains('<') && !out.contains('&') && !out.contains('\''),
            "{out}"
        );
        // Keys in order, whatever the map's.
        assert!(
            out.find("\"n\"") < out.find("\"name\"") && out.find("\"name\"") < out.find("\"x\""),
            "{out}"
        );
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back["name"], "</script><!-- A & B's");
        assert_eq!(back["n"], 88.35);
    }
}
