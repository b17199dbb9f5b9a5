//! What a group's average is called on pages: the editor's
//! `average_label` ("Bình quân cả nước" for the group of all provinces),
//! else "Bình quân khối" and the group's name as it reads mid-sentence
//! ("Bình quân khối sở, ban, ngành"; "Bình quân khối UBND cấp huyện").

use crate::data::schema::GroupDef;
use crate::vi::mid_sentence;

/// The label of a group's average.
pub(super) fn average_label(def: &GroupDef) -> String {
    match def.average_label.as_deref().map(str::trim) {
        Some(label) if !label.is_empty() => label.to_owned(),
        // A name that already says "khối" ("Khối thử") is not said twice.
        _ if crate::vi::fold(def.name.trim()).starts_with("khoi ") => {
            format!("Bình quân {}", mid_sentence(def.name.trim()))
        }
        _ => format!("Bình quân khối {}", mid_sentence(def.name.trim())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(name: &str, label: Option<&str>) -> GroupDef {
        GroupDef {
            id: "g".to_owned(),
            name: name.to_owned(),
            description: String::new(),
            average_label: label.map(str::to_owned),
            comparable_with: Vec::new(),
        }
    }

    #[test]
    fn a_group_average_is_named_by_its_group() {
        for (name, label, want) in [
            (
                "Tỉnh, thành phố",
                Some("Bình quân cả nước"),
                "Bình quân cả nước",
            ),
            ("Sở, ban, ngành", None, "Bình quân khối sở, ban, ngành"),
            ("UBND cấp huyện", None, "Bình quân khối UBND cấp huyện"),
            (
                "Cơ quan Trung ương đóng trên địa bàn",
                None,
                "Bình quân khối cơ quan Trung ương đóng trên địa bàn",
            ),
            ("Đơn vị", Some("  "), "Bình quân khối đơn vị"),
            ("X", None, "Bình quân khối X"),
            // "khối" is not said twice.
            ("Khối sở, ngành", None, "Bình quân khối sở, ngành"),
        ] {
            assert_eq!(average_label(&group(name, label)), want, "{name}");
        }
    }
}
