//! Messages about the site's files and folders: reading them, where they are.

use std::fmt::Display;

messages! {
    cannot_read(error: impl Display) {
        vi: "không đọc được tệp: {error}",
        en: "cannot read the file: {error}",
    }
    not_utf8() {
        vi: "tệp không phải văn bản UTF-8",
        en: "the file is not UTF-8 text",
    }
    hint_save_as_utf8() {
        vi: "lưu lại tệp với bảng mã UTF-8 (trong hầu hết trình soạn thảo: File → Save with Encoding → UTF-8; trong Excel: CSV UTF-8)",
        en: "save the file as UTF-8 (in most editors: File → Save with encoding → UTF-8)",
    }
    link_outside_site(target: impl Display) {
        vi: "đây là liên kết tới {target}, nằm ngoài thư mục trang, nên không được dùng",
        en: "this is a link to {target}, outside the site folder, so it is refused",
    }
    hint_copy_into_site() {
        vi: "hãy chép tệp vào thư mục trang thay vì tạo liên kết tới nó",
        en: "copy the file into the site folder instead of linking to it",
    }
    no_config(root: impl Display) {
        vi: "không có tệp config.toml trong {root}",
        en: "no config.toml in {root}",
    }
    hint_run_in_site() {
        vi: "hãy chạy chiso trong thư mục của trang, hoặc chỉ ra thư mục đó bằng --root DIR",
        en: "run chiso in a site folder, or point at one with --root DIR",
    }
    no_data_folder() {
        vi: "trang không có thư mục data/",
        en: "the site has no data/ folder",
    }
    hint_data_layout() {
        vi: "data/ chứa indices.toml, units.toml, results/<năm>/<tệp>.toml và, nếu có bản đồ ô, tiles.toml (hoặc .json)",
        en: "data/ holds indices.toml, units.toml, results/<year>/<file>.toml and, for a tile-grid map, tiles.toml (or .json)",
    }
    hint_import_leftover() {
        vi: "tệp tạm của một lần `chiso import` bị dừng giữa chừng; bảng cũ vẫn nguyên, có thể xóa tệp này",
        en: "a temporary file of a `chiso import` that was stopped half way; the table itself is intact, and this file may be deleted",
    }
    data_file_not_toml_or_json() {
        vi: "tệp này trong data/ không phải .toml hay .json nên bị bỏ qua",
        en: "this file in data/ is neither .toml nor .json, so it is ignored",
    }
    data_file_unknown() {
        vi: "chiso không biết tệp dữ liệu này chứa gì nên bỏ qua nó",
        en: "chiso does not know what this data file holds, so it is ignored",
    }
}
